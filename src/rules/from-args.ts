/** Global ARGs in FROM lines (BuildKit's UndefinedArgInFrom and InvalidDefaultArgInFrom). */
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
    return model.stages.flatMap((s) => {
      const names = referencedNames(`${s.base.raw} ${s.base.platform ?? ''}`).filter((n) => !declared.has(n))
      return names.map((n) => {
        const inStage = model.stages.some((t) => t.instructions.some((i) => i.keyword === 'ARG' && i.variables?.some((v) => v.name === n)))
        const hint = inStage ? `an ARG inside a stage is not visible to FROM; declare ARG ${n} before the first FROM` : `declare ARG ${n} before the first FROM`
        return { line: s.line, message: `FROM uses $${n}, which is not a global ARG: ${hint}`, stage: s.index }
      })
    })
  }
}

export const invalidDefaultArgInFrom: Rule = {
  meta: {
    id: 'invalid-default-arg-in-from',
    title: 'FROM is not a valid image with the default ARG values',
    severity: 'warning',
    category: 'correctness',
    scope: 'all',
    equivalents: { hadolint: null, buildkit: 'InvalidDefaultArgInFrom' }
  },
  check: ({ model }) => {
    const noDefault = new Set(model.globalArgs.filter((a) => a.value === null).map((a) => a.name))
    return model.stages
      .filter((s) => s.base.kind === 'image' && s.base.image === null && s.base.unresolved.some((n) => noDefault.has(n)))
      .map((s) => {
        const names = s.base.unresolved.filter((n) => noDefault.has(n))
        return {
          line: s.line,
          message: `with the default values FROM ${s.base.raw} becomes "${s.base.resolved}", not a valid image: give ${names.map((n) => `ARG ${n}`).join(', ')} a default`,
          stage: s.index
        }
      })
  }
}
