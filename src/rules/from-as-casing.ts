/** BuildKit's FromAsCasing: `FROM … AS` in one case. */
import type { Rule } from './types.js'
import { isLower, isUpper } from './helpers.js'

export const fromAsCasing: Rule = {
  meta: {
    id: 'from-as-casing',
    title: 'The case of AS does not match the case of FROM',
    severity: 'warning',
    category: 'style',
    scope: 'all',
    equivalents: { hadolint: null, buildkit: 'FromAsCasing' }
  },
  check: ({ model }) =>
    model.stages.flatMap((s) => {
      const from = s.instructions[0]
      const as = from?.args[1]
      if (from === undefined || as === undefined || as.toLowerCase() !== 'as') return []
      const kw = from.keywordRaw
      if ((isUpper(kw) && !isUpper(as)) || (isLower(kw) && !isLower(as))) {
        return [{ line: s.line, message: `"${as}" does not match the case of "${kw}"; write ${isUpper(kw) ? 'AS' : 'as'}`, stage: s.index }]
      }
      return []
    })
}
