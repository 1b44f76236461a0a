import { opaque, pinningRule } from './package-pinning.js'
import { isCommand, wordsAfterSubcommand } from './run-helpers.js'

const VALUED = new Set(['-t', '--type', '-r', '--repo', '--from', '--root', '-R', '--reposd-root', '-D', '--download'])

/** `x=1.2`, `x>=1.2`, `x<2`, a .rpm file or a path. */
const pinned = (p: string): boolean => /[=<>]/.test(p) || p.endsWith('.rpm') || p.includes('/') || opaque(p)

export const zypperPackageUnpinned = pinningRule({
  id: 'zypper-package-unpinned',
  hadolint: 'DL3037',
  what: 'zypper install',
  unpinned: (c) => (isCommand(c, 'zypper', 'install', 'in') ? { command: `zypper ${c.subcommand}`, packages: wordsAfterSubcommand(c, VALUED).filter((p) => !pinned(p)) } : null),
  advice: (p) => `write ${p}=<version> (zypper search -s ${p} lists the versions)`
})
