/** BuildKit's UndefinedArgInFrom: FROM sees global ARGs and platform ARGs only. */
import { referencedNames, PLATFORM_ARGS } from '../parse/variables.js'
import type { Rule } from './types.js'

export const undefinedArgInFrom: Rule = {
  meta: {
    id: 'undefined-arg-in-from',
    title: 'FROM uses a variable that is not a global ARG',
    severity: 'warning',
    category: 'correctness',
    scope: 'all',
    equivalents: { hadolint: null, buildkit: 'UndefinedArgInFrom' }
  },
  check: ({ model }) => {
    const declared = new Set([...model.globalArgs.map((a) => a.name), ...PLATFORM_ARGS])
    const inStages = new Set(model.stages.flatMap((t) => t.instructions.flatMap((i) => (i.keyword === 'ARG' ? (i.variables ?? []).map((v) => v.name) : []))))
    return model.stages.flatMap((s) => {
      const names = referencedNames(`${s.base.raw} ${s.base.platform ?? ''}`).filter((n) => !declared.has(n))
      return names.map((n) => {
        const hint = inStages.has(n) ? `an ARG inside a stage is not visible to FROM; declare ARG ${n} before the first FROM` : `declare ARG ${n} before the first FROM`
        return { line: s.line, message: `FROM uses $${n}, which is not a global ARG: ${hint}`, stage: s.index }
      })
    })
  }
}
