import { stageChain } from './helpers.js'
import type { Rule } from './types.js'

export const jsonArgsRecommended: Rule = {
  meta: {
    id: 'json-args-recommended',
    title: 'CMD or ENTRYPOINT in shell form in the shipped image',
    severity: 'warning',
    category: 'correctness',
    scope: 'ships',
    equivalents: { hadolint: 'DL3025', buildkit: 'JSONArgsRecommended' }
  },
  check: ({ model }) =>
    model.stages.flatMap((stage) => {
      // A SHELL in this stage (before the instruction) or in a stage it inherits from makes shell form deliberate.
      const inherited = stageChain(model, stage.index)
        .slice(0, -1)
        .some((s) => s.instructions.some((i) => i.keyword === 'SHELL'))
      let shell = inherited
      const reports = []
      for (const i of stage.instructions) {
        if (i.keyword === 'SHELL') shell = true
        if ((i.keyword === 'CMD' || i.keyword === 'ENTRYPOINT') && i.form === 'shell' && !shell && i.args.length > 0) {
          reports.push({
            line: i.line,
            endLine: i.endLine,
            message: `${i.keyword} in shell form runs under /bin/sh -c, so the process does not get signals (docker stop waits, then kills it); write ${i.keyword} ["${i.args[0] ?? ''}", …]`,
            stage: stage.index
          })
        }
      }
      return reports
    })
}
