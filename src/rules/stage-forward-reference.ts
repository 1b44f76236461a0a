import { graphProblemRule } from './graph-problem.js'

export const stageForwardReference = graphProblemRule({
  id: 'stage-forward-reference',
  title: 'A stage uses a stage defined after it',
  severity: 'error',
  category: 'correctness',
  scope: 'all',
  equivalents: { hadolint: 'DL3022', buildkit: null }
})
