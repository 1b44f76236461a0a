import { pinningRule, rpmVersioned } from './package-pinning.js'
import { isCommand, wordsAfterSubcommand } from './run-helpers.js'

const VALUED = new Set(['-c', '--config', '--installroot', '--releasever', '--enablerepo', '--disablerepo', '-x', '--exclude', '--setopt', '-d', '--debuglevel', '-e', '--errorlevel'])

export const yumPackageUnpinned = pinningRule({
  id: 'yum-package-unpinned',
  hadolint: 'DL3033',
  what: 'yum install',
  unpinned: (c) => (isCommand(c, 'yum', 'install', 'groupinstall', 'localinstall') ? { command: `yum ${c.subcommand}`, packages: wordsAfterSubcommand(c, VALUED).filter((p) => !rpmVersioned(p)) } : null),
  advice: (p) => `write ${p}-<version> (yum list --showduplicates ${p} lists the versions)`
})
