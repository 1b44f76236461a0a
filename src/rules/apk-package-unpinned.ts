import { opaque, pinningRule } from './package-pinning.js'
import { isCommand, wordsAfterSubcommand } from './run-helpers.js'

const VALUED = new Set(['--virtual', '-t', '--repository', '-X', '--root', '-p', '--arch', '--keys-dir', '--cache-dir'])

/** `curl=8.5.0-r0`, `curl~8.5` (a fuzzy pin), `curl>8`, a .apk file. */
const pinned = (p: string): boolean => /[=~<>]/.test(p) || p.endsWith('.apk') || p.includes('/') || opaque(p)

export const apkPackageUnpinned = pinningRule({
  id: 'apk-package-unpinned',
  hadolint: 'DL3018',
  what: 'apk add',
  unpinned: (c) => (isCommand(c, 'apk', 'add') ? { command: 'apk add', packages: wordsAfterSubcommand(c, VALUED).filter((p) => !pinned(p)) } : null),
  advice: (p) => `write ${p}=<version> (or ${p}~<major.minor> to follow the fixes of one release; apk policy ${p} lists the versions)`
})
