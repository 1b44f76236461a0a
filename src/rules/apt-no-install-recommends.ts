/** apt-get install in a shipped stage without --no-install-recommends: every recommended package ships too. */
import { posixShellAt } from './helpers.js'
import { configuredBefore, hasOption, isCommand, listNames, operands, runCommands, runs, runText } from './run-helpers.js'
import type { ShellCommand } from '../model/dockerfile.js'
import type { Rule } from './types.js'

/** `APT::Install-Recommends "false"` in apt.conf.d, or `-o APT::Install-Recommends=0`. */
const RECOMMENDS_OFF = /Install-Recommends\W+(?:false|0|no|off)\b/i

function installsRecommends(c: ShellCommand): boolean {
  if (!(isCommand(c, 'apt-get', 'install') || isCommand(c, 'apt', 'install'))) return false
  if (operands(c).length < 2 || hasOption(c, ['no-install-recommends', 'simulate', 'dry-run', 'just-print', 'recon', 'no-act', 'download-only'], 'sd')) return false
  return !c.args.some((a) => RECOMMENDS_OFF.test(a) || /^--install-recommends=(?:false|0|no|off)$/i.test(a))
}

export const aptNoInstallRecommends: Rule = {
  meta: {
    id: 'apt-no-install-recommends',
    title: 'apt-get install ships the recommended packages too',
    severity: 'warning',
    category: 'size',
    scope: 'ships',
    equivalents: { hadolint: 'DL3015', buildkit: null }
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
        return [
          {
            line: run.line,
            endLine: run.endLine,
            message: `${command.program} install ${listNames(operands(command).slice(1))} without --no-install-recommends also installs every package the named ones recommend (documentation, extra tools, often as much again) into the shipped image: add --no-install-recommends, and name the recommended packages the image really needs`,
            stage: stage.index
          }
        ]
      })
    )
}
