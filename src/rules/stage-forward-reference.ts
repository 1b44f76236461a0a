import { graphProblemRule, stageName } from './graph-problem.js'

export const stageForwardReference = graphProblemRule({
  id: 'stage-forward-reference',
  title: 'A stage uses a stage defined after it',
  severity: 'error',
  category: 'correctness',
  scope: 'all',
  equivalents: { hadolint: 'DL3022', buildkit: null }
}, (p, model) => `${p.what}=${p.value} refers to stage ${stageName(model, p.to)} defined later (line ${model.stages[p.to]?.line ?? '?'}); a stage can only use stages defined before it`)
