import { readSuppressions } from './suppressions.js'
import type { Rule } from './types.js'

export const invalidSuppression: Rule = {
  meta: {
    id: 'invalid-suppression',
    title: 'A suppression comment suppresses nothing',
    severity: 'warning',
    category: 'correctness',
    scope: 'all',
    equivalents: { hadolint: null, buildkit: null }
  },
  check: ({ model, rules }) =>
    readSuppressions(model, rules).unknown.map((u) => ({
      line: u.line,
      message:
        u.reason === 'misplaced-stage-ignore'
          ? `"# hadolint stage ignore=${u.name}" is not directly above a FROM, so it suppresses nothing (hadolint applies it to the stage whose FROM follows it)`
          : u.tool === 'hadolint'
            ? `"${u.name}" is no hadolint rule code (DL3008, SC2086…), so this comment suppresses nothing`
            : `"${u.name}" is not a Stagecraft rule, so this comment suppresses nothing (stagecraft --list-rules shows the ids)`,
      stage: null
    }))
}
