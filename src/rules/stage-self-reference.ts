import { graphProblemRule } from './graph-problem.js'

export const stageSelfReference = graphProblemRule({
  id: 'stage-self-reference',
  title: 'A stage uses itself',
  severity: 'error',
  category: 'correctness',
  scope: 'all',
  equivalents: { hadolint: 'DL3023', buildkit: null }
}, (p) => `${p.what}=${p.value} refers to the stage it is in; a stage cannot use itself`)
