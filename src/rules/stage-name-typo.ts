/** `--from=buidler`: BuildKit takes a name that is no stage for an image and tries to pull it. */
import { misspeltStage } from './helpers.js'
import type { Rule } from './types.js'

export const stageNameTypo: Rule = {
  meta: {
    id: 'stage-name-typo',
    title: 'A --from or FROM name looks like a misspelt stage name',
    severity: 'error',
    category: 'correctness',
    scope: 'all',
    equivalents: { hadolint: null, buildkit: null }
  },
  check: ({ model, graph }) => {
    const misspelt = misspeltStage(model)
    return graph.external.flatMap((ref) => {
      const match = misspelt(ref)
      if (match === null) return []
      const what = ref.via === 'from' ? 'FROM' : ref.via === 'copy' ? '--from' : 'mount from'
      return [{ line: ref.line, message: `${what} ${ref.image} is not a stage, so docker build will try to pull an image of that name: did you mean ${match}?`, stage: ref.stage }]
    })
  }
}
