/** BuildKit's StageNameCasing: stage names are lower-cased anyway. */
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
