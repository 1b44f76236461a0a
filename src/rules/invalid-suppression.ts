import { readSuppressions } from './suppressions.js'
import type { Rule } from './types.js'

export const invalidSuppression: Rule = {
  meta: {
    id: 'invalid-suppression',
    title: 'A stagecraft-ignore comment names no known rule',
    severity: 'warning',
    category: 'correctness',
    scope: 'all',
    equivalents: { hadolint: null, buildkit: null }
  },
  check: ({ model, rules }) =>
    readSuppressions(model, rules).unknown.map((u) => ({
      line: u.line,
      message: `"${u.name}" is not a Stagecraft rule, so this comment suppresses nothing (stagecraft --list-rules shows the ids)`,
      stage: null
    }))
}
