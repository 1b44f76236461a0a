/** BuildKit's casing checks: stage names, FROM … AS, and instruction keywords. */
import type { Rule } from './types.js'

export const stageNameCasing: Rule = {
  meta: {
    id: 'stage-name-casing',
    title: 'A stage name has upper-case letters',
    severity: 'warning',
    category: 'style',
    scope: 'all',
    equivalents: { hadolint: null, buildkit: 'StageNameCasing' }
  },
  check: ({ model }) =>
    model.stages
      .filter((s) => s.name !== null && s.name !== s.id)
      .map((s) => ({ line: s.line, message: `stage name "${s.name}" should be lower case ("${s.id}"): BuildKit lower-cases it anyway`, stage: s.index }))
}

const isUpper = (s: string): boolean => s === s.toUpperCase()
const isLower = (s: string): boolean => s === s.toLowerCase()

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
    const all = [...model.preamble, ...model.stages.flatMap((s) => s.instructions)]
    const upper = all.filter((i) => isUpper(i.keywordRaw)).length
    const lower = all.filter((i) => isLower(i.keywordRaw)).length
    const expected = upper >= lower ? 'upper' : 'lower'
    return all
      .filter((i) => (expected === 'upper' ? !isUpper(i.keywordRaw) : !isLower(i.keywordRaw)))
      .map((i) => ({ line: i.line, message: `"${i.keywordRaw}" should be ${expected} case like the rest of the file`, stage: i.stage < 0 ? null : i.stage }))
  }
}
