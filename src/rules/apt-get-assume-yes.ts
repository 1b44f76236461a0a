/** apt-get install (or upgrade, remove…) without -y: the question it asks has no one to answer it in a build. */
import { posixShellAt } from './helpers.js'
import { configuredBefore, hasOption, isCommand, runCommands, runs, runText } from './run-helpers.js'
import type { ShellCommand } from '../model/dockerfile.js'
import type { Rule } from './types.js'

/** Subcommands that can stop at "Do you want to continue? [Y/n]". */
const ASKING = ['install', 'reinstall', 'upgrade', 'dist-upgrade', 'full-upgrade', 'remove', 'purge', 'autoremove', 'autopurge', 'build-dep']
const ASSUME_YES = /Assume-Yes/i

/** -y, --yes, --assume-yes, quiet level 2 (-qq, which implies -y), -o APT::Get::Assume-Yes=…, or a dry run that asks nothing. */
function answersYes(c: ShellCommand): boolean {
  if (hasOption(c, ['yes', 'assume-yes', 'simulate', 'just-print', 'dry-run', 'recon', 'no-act'], 'ys')) return true
  const quiet = c.args.filter((a) => /^-q+$/.test(a)).reduce((n, a) => n + a.length - 1, 0)
  return quiet >= 2 || c.args.some((a) => a === '-q=2' || a === '--quiet=2' || (/^-[A-Za-z]+$/.test(a) && a.split('q').length > 2) || ASSUME_YES.test(a))
}

/** `yes | apt-get …`, `echo y | apt-get …`: the answer comes from the pipe. */
function fedAnswer(commands: readonly ShellCommand[], index: number): boolean {
  const before = commands[index - 1]
  return before !== undefined && before.piped && ['yes', 'echo', 'printf'].includes(before.program)
}

export const aptGetAssumeYes: Rule = {
  meta: {
    id: 'apt-get-assume-yes',
    title: 'apt-get install without -y stops at a question no one can answer',
    severity: 'warning',
    category: 'correctness',
    scope: 'all',
    equivalents: { hadolint: 'DL3014', buildkit: null },
    needs: { programs: ['apt-get'] }
  },
  check: ({ model }) =>
    model.stages.flatMap((stage) =>
      runs(stage).flatMap((run) => {
        const commands = runCommands(run)
        const index = commands.findIndex((c) => isCommand(c, 'apt-get') && ASKING.includes(c.subcommand) && !answersYes(c))
        const command = commands[index]
        if (command === undefined || fedAnswer(commands, index) || !posixShellAt(model, stage.index)(run.line)) return []
        if (ASSUME_YES.test(runText(run)) || configuredBefore(model, stage.index, run.line, ASSUME_YES)) return []
        const sub = command.subcommand
        return [
          {
            line: run.line,
            endLine: run.endLine,
            message: `apt-get ${sub} without -y asks "Do you want to continue? [Y/n]" whenever it has more to do than the packages named (a dependency, a removal), and a build cannot answer: apt-get aborts and the build fails. Add -y (apt-get ${sub} -y …)`,
            stage: stage.index
          }
        ]
      })
    )
}
