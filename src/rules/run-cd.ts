import { runCommands } from './run-helpers.js'
import type { Rule } from './types.js'

export const runCd: Rule = {
  meta: {
    id: 'run-cd',
    title: 'RUN cd … instead of WORKDIR',
    severity: 'info',
    category: 'style',
    scope: 'all',
    equivalents: { hadolint: 'DL3003', buildkit: null }
  },
  check: ({ model }) =>
    model.stages.flatMap((s) =>
      s.instructions
        .filter((i) => i.keyword === 'RUN' && i.form === 'shell' && runCommands(i)[0]?.name === 'cd' && runCommands(i).length > 1)
        .map((i) => ({ line: i.line, endLine: i.endLine, message: 'a RUN that starts with cd: WORKDIR sets the directory for this and the following instructions, and creates it', stage: s.index }))
    )
}
