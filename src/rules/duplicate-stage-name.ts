import { graphProblemRule } from './graph-problem.js'

export const duplicateStageName = graphProblemRule({
  id: 'duplicate-stage-name',
  title: 'Two stages have the same name',
  severity: 'error',
  category: 'correctness',
  scope: 'all',
  equivalents: { hadolint: 'DL3024', buildkit: 'DuplicateStageName' }
}, (p) => `stage name "${p.name}" is already used by the stage on line ${p.firstLine} (names are compared without case)`)
