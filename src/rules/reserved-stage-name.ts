import type { Rule } from './types.js'

const RESERVED = new Set(['scratch', 'context'])

export const reservedStageName: Rule = {
  meta: {
    id: 'reserved-stage-name',
    title: 'A stage is named scratch or context',
    severity: 'warning',
    category: 'correctness',
    scope: 'all',
    equivalents: { hadolint: 'DL3063', buildkit: 'ReservedStageName' }
  },
  check: ({ model }) =>
    model.stages
      .filter((s) => s.id !== null && RESERVED.has(s.id))
      .map((s) => ({ line: s.line, message: `"${s.name}" is a reserved name (${s.id === 'scratch' ? 'the empty image' : 'the build context'}): FROM ${s.id} and --from=${s.id} would not mean this stage; rename it`, stage: s.index }))
}
