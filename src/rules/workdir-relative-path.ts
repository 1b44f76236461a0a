/** A relative first WORKDIR depends on the base image's working directory. */
import { stageChain } from './helpers.js'
import type { Rule } from './types.js'

export const workdirRelativePath: Rule = {
  meta: {
    id: 'workdir-relative-path',
    title: 'The first WORKDIR of a stage is a relative path',
    severity: 'warning',
    category: 'correctness',
    scope: 'all',
    equivalents: { hadolint: 'DL3000', buildkit: 'WorkdirRelativePath' }
  },
  check: ({ model }) =>
    model.stages.flatMap((stage) => {
      // Inherited: an absolute WORKDIR in a stage this one is built FROM makes relative ones fine.
      const inherited = stageChain(model, stage.index)
        .slice(0, -1)
        .some((s) => s.instructions.some((i) => i.keyword === 'WORKDIR' && (i.args[0] ?? '').startsWith('/')))
      if (inherited) return []
      const first = stage.instructions.find((i) => i.keyword === 'WORKDIR')
      const path = first?.args[0]
      if (first === undefined || path === undefined || /^(?:\/|\$|[A-Za-z]:[\\/]|\\)/.test(path)) return []
      return [{ line: first.line, message: `WORKDIR ${path} is relative to the base image's working directory, which can change: use an absolute path`, stage: stage.index }]
    })
}
