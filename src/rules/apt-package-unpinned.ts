import { opaque, pinningRule } from './package-pinning.js'
import { isCommand, wordsAfterSubcommand } from './run-helpers.js'

const VALUED = new Set(['-t', '--target-release', '--default-release', '-o', '--option', '-c', '--config-file'])

/** `curl=8.5.0-2`, `curl/bookworm-backports` (a release), a .deb file or path. */
const pinned = (p: string): boolean => p.includes('=') || p.includes('/') || p.endsWith('.deb') || opaque(p)

export const aptPackageUnpinned = pinningRule({
  id: 'apt-package-unpinned',
  hadolint: 'DL3008',
  what: 'apt-get install',
  unpinned: (c) => (isCommand(c, 'apt-get', 'install') || isCommand(c, 'apt', 'install') ? { command: `${c.program} install`, packages: wordsAfterSubcommand(c, VALUED).filter((p) => !pinned(p)) } : null),
  advice: (p) => `write ${p}=<version> (apt-cache policy ${p} lists the versions), and bump the pins with the base image`
})
