/** zypper install (or remove, update…) without -n or -y: zypper asks "Continue? [y/n/v/...]", and a build cannot answer. */
import { posixShellAt } from './helpers.js'
import { hasOption, isCommand, runCommands, runs } from './run-helpers.js'
import type { Rule } from './types.js'

const ASKING = ['install', 'in', 'remove', 'rm', 'update', 'up', 'dist-upgrade', 'dup', 'patch', 'source-install', 'si', 'install-new-recommends', 'inr']

export const zypperNonInteractive: Rule = {
  meta: {
    id: 'zypper-non-interactive',
    title: 'zypper install without -n or -y stops at a question no one can answer',
    severity: 'warning',
    category: 'correctness',
    scope: 'all',
    equivalents: { hadolint: 'DL3034', buildkit: null },
    needs: { programs: ['zypper'] }
  },
  check: ({ model }) =>
    model.stages.flatMap((stage) =>
      runs(stage).flatMap((run) => {
        // -n/--non-interactive before the subcommand, -y/--no-confirm after it.
        const command = runCommands(run).find((c) => isCommand(c, 'zypper') && ASKING.includes(c.subcommand) && !hasOption(c, ['non-interactive', 'no-confirm', 'non-interactive-include-reboot-patches'], 'ny'))
        if (command === undefined || !posixShellAt(model, stage.index)(run.line)) return []
        const sub = command.subcommand
        return [{ line: run.line, endLine: run.endLine, message: `zypper ${sub} without -n asks "Continue? [y/n/v/...]", and a build cannot answer: zypper gives up and the build fails. Use zypper --non-interactive ${sub} … (or zypper ${sub} -y …)`, stage: stage.index }]
      })
    )
}
