import { graphProblemRule } from './graph-problem.js'

export const unknownTarget = graphProblemRule({
  id: 'unknown-target',
  title: 'The requested target is not a stage of the file',
  severity: 'error',
  category: 'correctness',
  scope: 'all',
  equivalents: { hadolint: null, buildkit: null },
  about: 'file'
})
