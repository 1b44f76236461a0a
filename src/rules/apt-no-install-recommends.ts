/** apt-get install in a shipped stage without --no-install-recommends: every recommended package ships too. */
import { posixShellAt } from './helpers.js'
import { configuredBefore, hasOption, isCommand, listNames, operands, runCommands, runs, runText } from './run-helpers.js'
import type { ShellCommand } from '../model/dockerfile.js'
import type { Rule } from './types.js'

/** `APT::Install-Recommends "false"` in apt.conf.d, or `-o APT::Install-Recommends=0`. */
const RECOMMENDS_OFF = /Install-Recommends\W+(?:false|0|no|off)\b/i

/**
 * Packages of priority required (Essential) that every Debian and Ubuntu image already has:
 * apt adds no recommends for a package that is installed (open-runtimes' `apt-get install -y bash`).
 */
const ALREADY_INSTALLED = new Set(['bash', 'coreutils', 'dash', 'grep', 'sed', 'tar', 'gzip', 'findutils', 'diffutils', 'hostname', 'login', 'util-linux', 'base-files', 'debianutils', 'ncurses-bin', 'ncurses-base', 'perl-base', 'sysvinit-utils', 'mawk', 'bsdutils', 'libc-bin', 'debconf', 'dpkg', 'apt', 'init-system-helpers'])

/** A local package file or a list from a variable: what it recommends cannot be read here. */
const unknownPackage = (name: string): boolean => name.includes('$') || name.endsWith('.deb')

function installsRecommends(c: ShellCommand): boolean {
  if (!(isCommand(c, 'apt-get', 'install') || isCommand(c, 'apt', 'install'))) return false
  // --only-upgrade installs nothing new (localstack's `apt-get install --only-upgrade libexpat1`).
  if (operands(c).length < 2 || hasOption(c, ['no-install-recommends', 'simulate', 'dry-run', 'just-print', 'recon', 'no-act', 'download-only', 'only-upgrade'], 'sd')) return false
  if (operands(c).slice(1).every((p) => ALREADY_INSTALLED.has(p.split('=')[0] as string))) return false
  return !c.args.some((a) => RECOMMENDS_OFF.test(a) || /^--install-recommends=(?:false|0|no|off)$/i.test(a))
}

export const aptNoInstallRecommends: Rule = {
  meta: {
    id: 'apt-no-install-recommends',
    title: 'apt-get install ships the recommended packages too',
    severity: 'warning',
    category: 'size',
    scope: 'ships',
    equivalents: { hadolint: 'DL3015', buildkit: null },
    needs: { programs: ['apt-get', 'apt'] }
  },
  check: ({ model }) =>
    model.stages.flatMap((stage) =>
      runs(stage).flatMap((run) => {
        const commands = runCommands(run)
        const command = commands.find(installsRecommends)
        if (command === undefined || !posixShellAt(model, stage.index)(run.line)) return []
        // The same RUN passes --no-install-recommends to another install: leaving it off this one
        // is a choice (a desktop app from a PPA that needs its recommends), not an oversight.
        if (commands.some((c) => (isCommand(c, 'apt-get', 'install') || isCommand(c, 'apt', 'install')) && hasOption(c, ['no-install-recommends']))) return []
        if (RECOMMENDS_OFF.test(runText(run)) || configuredBefore(model, stage.index, run.line, RECOMMENDS_OFF)) return []
        const packages = operands(command).slice(1)
        const unknown = packages.every(unknownPackage)
        return [
          {
            line: run.line,
            endLine: run.endLine,
            message: unknown
              ? `${command.program} install ${listNames(packages)} without --no-install-recommends also installs whatever ${packages.length === 1 ? 'it recommends' : 'they recommend'}, which cannot be read from here: add --no-install-recommends if the image does not need them`
              : `${command.program} install ${listNames(packages)} without --no-install-recommends also installs every package the named ones recommend (documentation, extra tools, often as much again) into the shipped image: add --no-install-recommends, and name the recommended packages the image really needs`,
            stage: stage.index,
            // A local .deb or a list from a build argument may recommend nothing at all.
            ...(unknown ? { severity: 'info' as const } : {})
          }
        ]
      })
    )
}
