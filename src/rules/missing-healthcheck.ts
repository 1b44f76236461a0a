/** Judged on the shipped image, and only for services (it EXPOSEs a port). */
import { stageChain } from './helpers.js'
import type { Rule } from './types.js'

export const missingHealthcheck: Rule = {
  meta: {
    id: 'missing-healthcheck',
    title: 'A shipped service has no HEALTHCHECK',
    severity: 'info',
    category: 'correctness',
    scope: 'ships',
    equivalents: { hadolint: 'DL3057', buildkit: null },
    about: 'file'
  },
  check: ({ model, graph }) => {
    if (graph.target === null) return []
    const chain = stageChain(model, graph.target)
    const all = chain.flatMap((s) => s.instructions)
    if (!all.some((i) => i.keyword === 'EXPOSE') || all.some((i) => i.keyword === 'HEALTHCHECK')) return []
    const target = model.stages[graph.target]
    return target === undefined ? [] : [{ line: target.line, message: 'the shipped image serves a port but has no HEALTHCHECK, so docker and compose cannot tell a hung service from a healthy one', stage: target.index }]
  }
}
