/**
 * The rpm-family package managers (yum, dnf, tdnf) ask "Is this ok [y/N]" before they change
 * anything, and a build has no one to answer: one check, each rule its programs and subcommands.
 */
import { posixShellAt } from './helpers.js'
import { configuredBefore, hasOption, operands, runCommands, runs, runText } from './run-helpers.js'
import type { ShellCommand } from '../model/dockerfile.js'
import type { Rule, RuleMeta } from './types.js'

/** `yum group install x`, `dnf module enable x`: the second word decides. */
const GROUPED: Readonly<Record<string, readonly string[]>> = { group: ['install', 'update', 'upgrade', 'remove', 'mark'], groups: ['install', 'update', 'upgrade', 'remove', 'mark'], module: ['install', 'enable', 'disable', 'reset', 'remove', 'update', 'switch-to'] }
/** assumeyes=1 in the manager's .conf or with --setopt. */
const ASSUME_YES = /assumeyes\s*=\s*(?:1|true|yes|on)\b/i

export function assumeYesRule(meta: RuleMeta, programs: ReadonlySet<string>, asking: readonly string[]): Rule {
  const asks = (c: ShellCommand): boolean => {
    if (!programs.has(c.program)) return false
    const [sub, second] = operands(c)
    if (sub === undefined) return false
    const grouped = GROUPED[sub]
    return grouped !== undefined ? second !== undefined && grouped.includes(second) : asking.includes(sub)
  }
  return {
    // Only a RUN that runs one of the programs can ask.
    meta: { ...meta, needs: { programs: [...programs] } },
    check: ({ model }) =>
      model.stages.flatMap((stage) =>
        runs(stage).flatMap((run) => {
          const command = runCommands(run).find((c) => asks(c) && !hasOption(c, ['assumeyes'], 'y') && !ASSUME_YES.test(c.args.join(' ')))
          if (command === undefined || !posixShellAt(model, stage.index)(run.line)) return []
          if (ASSUME_YES.test(runText(run)) || configuredBefore(model, stage.index, run.line, ASSUME_YES)) return []
          const sub = operands(command).slice(0, GROUPED[command.subcommand] === undefined ? 1 : 2).join(' ')
          const program = command.program
          return [{ line: run.line, endLine: run.endLine, message: `${program} ${sub} without -y asks "Is this ok [y/N]", and with no one to answer it ${program} exits: the build fails. Add -y (${program} ${sub} -y …)`, stage: stage.index }]
        })
      )
  }
}
