import { graphProblemRule } from './graph-problem.js'

export const copyFromVariable = graphProblemRule({
  id: 'copy-from-variable',
  title: '--from uses a variable, which docker build does not expand',
  severity: 'error',
  category: 'correctness',
  scope: 'all',
  equivalents: { hadolint: 'DL3022', buildkit: null }
})
