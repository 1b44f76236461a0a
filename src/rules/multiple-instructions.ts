/** Only the last CMD, ENTRYPOINT or HEALTHCHECK of a stage counts; the earlier ones are dead. */
import type { Rule } from './types.js'

export function multipleRule(keyword: 'CMD' | 'ENTRYPOINT' | 'HEALTHCHECK', id: string, hadolint: string | null): Rule {
  return {
    meta: {
      id,
      title: `A stage has more than one ${keyword}`,
      severity: 'warning',
      category: 'correctness',
      scope: 'all',
      equivalents: { hadolint, buildkit: 'MultipleInstructionsDisallowed' },
      needs: { keywords: [keyword] }
    },
    check: ({ model }) =>
      model.stages.flatMap((stage) => {
        const found = stage.instructions.filter((i) => i.keyword === keyword)
        const last = found[found.length - 1]
        return found.slice(0, -1).map((i) => ({
          line: i.line,
          endLine: i.endLine,
          message: `this ${keyword} has no effect: the ${keyword} on line ${last?.line ?? '?'} of the same stage replaces it`,
          stage: stage.index
        }))
      })
  }
}
