/** BuildKit's ConsistentInstructionCasing: keywords in the file's majority case. */
import type { Rule } from './types.js'
import { isLower, isUpper } from './helpers.js'

export const consistentInstructionCasing: Rule = {
  meta: {
    id: 'consistent-instruction-casing',
    title: 'Instruction keywords mix upper and lower case',
    severity: 'warning',
    category: 'style',
    scope: 'all',
    equivalents: { hadolint: null, buildkit: 'ConsistentInstructionCasing' }
  },
  check: ({ model }) => {
    const all = model.instructions
    const upper = all.filter((i) => isUpper(i.keywordRaw)).length
    const lower = all.filter((i) => isLower(i.keywordRaw)).length
    const expected = upper >= lower ? 'upper' : 'lower'
    return all
      .filter((i) => (expected === 'upper' ? !isUpper(i.keywordRaw) : !isLower(i.keywordRaw)))
      .map((i) => ({ line: i.line, message: `"${i.keywordRaw}" should be ${expected} case like the rest of the file`, stage: i.stage < 0 ? null : i.stage }))
  }
}
