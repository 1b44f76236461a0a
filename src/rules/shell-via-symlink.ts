/** `ln -sf /bin/bash /bin/sh` in RUN: it swaps the image's /bin/sh for every program, when SHELL changes only the build's. */
import { posixShellAt } from './helpers.js'
import { runCommands, runs } from './run-helpers.js'
import type { Rule } from './types.js'

const SH = /^(?:\/usr)?\/bin\/sh$/

export const shellViaSymlink: Rule = {
  meta: {
    id: 'shell-via-symlink',
    title: 'RUN ln … /bin/sh to change the shell, instead of SHELL',
    severity: 'warning',
    category: 'correctness',
    scope: 'all',
    equivalents: { hadolint: 'DL4005', buildkit: null }
  },
  check: ({ model }) =>
    model.stages.flatMap((stage) =>
      runs(stage).flatMap((run) => {
        const link = runCommands(run).find((c) => {
          if (c.program !== 'ln') return false
          const operands = c.args.filter((a) => !a.startsWith('-'))
          return operands.length >= 2 && SH.test(operands[operands.length - 1] as string)
        })
        if (link === undefined || !posixShellAt(model, stage.index)(run.line)) return []
        const operands = link.args.filter((a) => !a.startsWith('-'))
        const shell = operands[0] as string
        return [
          {
            line: run.line,
            endLine: run.endLine,
            message: `ln ${link.args.join(' ')} makes ${shell} the image's /bin/sh for every script and program that runs sh, at build and at run time: to run the RUN instructions in ${shell.slice(shell.lastIndexOf('/') + 1)}, use SHELL ["${shell.startsWith('/') ? shell : `/bin/${shell}`}", "-c"] before them`,
            stage: stage.index
          }
        ]
      })
    )
}
