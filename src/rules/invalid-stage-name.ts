import { graphProblemRule } from './graph-problem.js'

export const invalidStageName = graphProblemRule({
  id: 'invalid-stage-name',
  title: 'A stage name BuildKit rejects',
  severity: 'error',
  category: 'correctness',
  scope: 'all',
  equivalents: { hadolint: null, buildkit: null }
})
