/** BuildKit's InvalidDefaultArgInFrom: FROM must be an image with the ARG defaults alone. */
import type { Rule } from './types.js'

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
