/** A relative first WORKDIR depends on the base image's working directory. */
import { isWindowsStage, pathKind, resolvePath, stageChain } from './helpers.js'
import type { Rule } from './types.js'

export const workdirRelativePath: Rule = {
  meta: {
    id: 'workdir-relative-path',
    title: 'The first WORKDIR of a stage is a relative path',
    severity: 'warning',
    category: 'correctness',
    scope: 'all',
    equivalents: { hadolint: 'DL3000', buildkit: 'WorkdirRelativePath' }
  },
  check: ({ model }) =>
    model.stages.flatMap((stage) => {
      const chain = stageChain(model, stage.index)
      const root = chain[0]
      // scratch has no image config: its working directory is / and nothing upstream can change it.
      if (root === undefined || root.base.kind === 'scratch') return []
      // As BuildKit: only the first WORKDIR of a FROM chain is checked; one in a parent stage was checked there.
      if (chain.slice(0, -1).some((s) => s.instructions.some((i) => i.keyword === 'WORKDIR'))) return []
      const first = stage.instructions.find((i) => i.keyword === 'WORKDIR')
      const word = first?.workdir
      if (first === undefined || word === undefined || pathKind(word, isWindowsStage(model, stage.index)) !== 'relative') return []
      if (word.raw.includes("'") && word.value.includes('$')) {
        return [{ line: first.line, message: `WORKDIR ${word.raw} makes a folder literally named ${word.value}: single quotes stop variable expansion; write WORKDIR "${word.value}" or leave the quotes out`, stage: stage.index }]
      }
      const base = root.base.image !== null && root.base.unresolved.length === 0 ? root.base.resolved : 'the base image'
      return [
        {
          line: first.line,
          message: `WORKDIR ${word.raw} is relative, so it lands under ${base}'s working directory, which this file does not set and a new release of the image can change: write the absolute path (WORKDIR ${resolvePath('/', word.value)} if the image keeps /)`,
          stage: stage.index
        }
      ]
    })
}
