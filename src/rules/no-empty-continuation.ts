import type { Rule } from './types.js'

export const noEmptyContinuation: Rule = {
  meta: {
    id: 'no-empty-continuation',
    title: 'An empty line inside a continued instruction',
    severity: 'warning',
    category: 'style',
    scope: 'all',
    equivalents: { hadolint: null, buildkit: 'NoEmptyContinuation' }
  },
  check: ({ model }) =>
    model.instructions
      .filter((i) => i.emptyContinuationLines.length > 0)
      .map((i) => ({
        line: i.endLine,
        message: `line ${i.emptyContinuationLines.join(', ')} is empty inside this ${i.keyword}: it still continues the instruction, which a future Dockerfile syntax will reject; remove the empty line`,
        stage: i.stage < 0 ? null : i.stage
      }))
}
