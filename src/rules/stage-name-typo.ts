/** `--from=buidler`: BuildKit takes a name that is no stage for an image and tries to pull it. */
import { closest } from './helpers.js'
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
    // Each name once, with the stages that carry it (a file may reuse names; work stays linear in them).
    const byName = new Map<string, number[]>()
    for (const s of model.stages) if (s.name !== null) byName.set(s.name, [...(byName.get(s.name) ?? []), s.index])
    return graph.external.flatMap((ref) => {
      // Real images have tags, registries or paths; a bare word close to a stage name is a typo.
      if (/[:/@.]/.test(ref.image)) return []
      const names = [...byName].filter(([, stages]) => stages.some((i) => i !== ref.stage)).map(([name]) => name)
      const match = closest(ref.image, names)
      if (match === null) return []
      const what = ref.via === 'from' ? 'FROM' : ref.via === 'copy' ? '--from' : 'mount from'
      return [{ line: ref.line, message: `${what} ${ref.image} is not a stage, so docker build will try to pull an image of that name: did you mean ${match}?`, stage: ref.stage }]
    })
  }
}
