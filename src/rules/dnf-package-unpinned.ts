import { pinningRule, rpmVersioned } from './package-pinning.js'
import { operands, wordsAfterSubcommand } from './run-helpers.js'

const PROGRAMS = new Set(['dnf', 'dnf5', 'microdnf', 'tdnf'])
const VALUED = new Set(['-c', '--config', '--installroot', '--releasever', '--enablerepo', '--disablerepo', '--repo', '--repoid', '-x', '--exclude', '--setopt', '-d', '--debuglevel', '-e', '--errorlevel', '--forcearch'])

export const dnfPackageUnpinned = pinningRule({
  id: 'dnf-package-unpinned',
  hadolint: 'DL3041',
  what: 'dnf install',
  unpinned: (c) => {
    if (!PROGRAMS.has(c.program)) return null
    const [sub, second] = operands(c)
    // `dnf module install nodejs:20` pins a stream with a colon.
    if (sub === 'module' && second === 'install') return { command: `${c.program} module install`, packages: wordsAfterSubcommand(c, VALUED).slice(1).filter((p) => !p.includes(':')) }
    if (sub !== 'install' && sub !== 'in') return null
    return { command: `${c.program} install`, packages: wordsAfterSubcommand(c, VALUED).filter((p) => !rpmVersioned(p)) }
  },
  advice: (p) => `write ${p}-<version> (dnf list --showduplicates ${p} lists the versions)`
})
