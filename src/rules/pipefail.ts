/** `a | b` fails only if b fails, unless the shell runs with -o pipefail. */
import { runCommands } from './run-helpers.js'
import { stageChain } from './helpers.js'
import type { Rule } from './types.js'

export const pipefail: Rule = {
  meta: {
    id: 'pipefail',
    title: 'A RUN pipes without pipefail',
    severity: 'warning',
    category: 'correctness',
    scope: 'all',
    equivalents: { hadolint: 'DL4006', buildkit: null }
  },
  check: ({ model }) =>
    model.stages.flatMap((stage) => {
      // SHELL with -o pipefail, in this stage before the RUN or in a stage it is built FROM.
      let pipefailOn = stageChain(model, stage.index)
        .slice(0, -1)
        .some((s) => s.instructions.some((i) => i.keyword === 'SHELL' && (i.json ?? []).join(' ').includes('pipefail')))
      const reports = []
      for (const ins of stage.instructions) {
        if (ins.keyword === 'SHELL') pipefailOn = (ins.json ?? []).join(' ').includes('pipefail')
        if (ins.keyword !== 'RUN' || ins.form !== 'shell' || pipefailOn) continue
        const commands = runCommands(ins)
        if (commands.some((c) => c.name === 'set' && c.args.some((a) => a === 'pipefail' || /^-[a-z]*o$/.test(a)) && c.args.includes('pipefail'))) continue
        const piped = commands.find((c) => c.piped)
        if (piped !== undefined) {
          reports.push({ line: ins.line, endLine: ins.endLine, message: `${piped.name} | … : the RUN succeeds even if ${piped.name} fails; add SHELL ["/bin/bash", "-o", "pipefail", "-c"] before it (or set -o pipefail)`, stage: stage.index })
        }
      }
      return reports
    })
}
