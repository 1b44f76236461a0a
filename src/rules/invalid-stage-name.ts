import { graphProblemRule } from './graph-problem.js'

export const invalidStageName = graphProblemRule({
  id: 'invalid-stage-name',
  title: 'A stage name BuildKit rejects',
  severity: 'error',
  category: 'correctness',
  scope: 'all',
  equivalents: { hadolint: null, buildkit: null }
}, (p) => `stage name "${p.name}" is invalid: it must start with a letter and use only letters, digits, "-", "_" and "."`)
