/** yum install (or update, remove…) without -y: yum asks "Is this ok [y/N]", and a build answers no. */
import { posixShellAt } from './helpers.js'
import { configuredBefore, hasOption, isCommand, operands, runCommands, runs, runText } from './run-helpers.js'
import type { ShellCommand } from '../model/dockerfile.js'
import type { Rule } from './types.js'

const ASKING = ['install', 'groupinstall', 'localinstall', 'reinstall', 'update', 'upgrade', 'update-minimal', 'remove', 'erase', 'downgrade', 'autoremove', 'distro-sync', 'groupupdate', 'groupremove', 'swap']
/** `yum group install x`, `yum module enable x`: the second word decides. */
const GROUPED: Readonly<Record<string, readonly string[]>> = { group: ['install', 'update', 'upgrade', 'remove', 'mark'], groups: ['install', 'update', 'upgrade', 'remove', 'mark'], module: ['install', 'enable', 'disable', 'reset', 'remove', 'update', 'switch-to'] }
/** assumeyes=1 in yum.conf or with --setopt. */
const ASSUME_YES = /assumeyes\s*=\s*(?:1|true|yes|on)\b/i

function asks(c: ShellCommand): boolean {
  if (!isCommand(c, 'yum')) return false
  const [sub, second] = operands(c)
  if (sub === undefined) return false
  const grouped = GROUPED[sub]
  return grouped !== undefined ? second !== undefined && grouped.includes(second) : ASKING.includes(sub)
}

export const yumAssumeYes: Rule = {
  meta: {
    id: 'yum-assume-yes',
    title: 'yum install without -y stops at a question no one can answer',
    severity: 'warning',
    category: 'correctness',
    scope: 'all',
    equivalents: { hadolint: 'DL3030', buildkit: null }
  },
  check: ({ model }) =>
    model.stages.flatMap((stage) =>
      runs(stage).flatMap((run) => {
        const command = runCommands(run).find((c) => asks(c) && !hasOption(c, ['assumeyes'], 'y') && !ASSUME_YES.test(c.args.join(' ')))
        if (command === undefined || !posixShellAt(model, stage.index)(run.line)) return []
        if (ASSUME_YES.test(runText(run)) || configuredBefore(model, stage.index, run.line, ASSUME_YES)) return []
        const sub = operands(command).slice(0, GROUPED[command.subcommand] === undefined ? 1 : 2).join(' ')
        return [{ line: run.line, endLine: run.endLine, message: `yum ${sub} without -y asks "Is this ok [y/N]", and with no one to answer it yum exits: the build fails. Add -y (yum ${sub} -y …)`, stage: stage.index }]
      })
    )
}
