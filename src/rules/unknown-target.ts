import { graphProblemRule } from './graph-problem.js'

export const unknownTarget = graphProblemRule({
  id: 'unknown-target',
  title: 'The requested target is not a stage of the file',
  severity: 'error',
  category: 'correctness',
  scope: 'all',
  equivalents: { hadolint: null, buildkit: null },
  about: 'file'
}, (p, model) => {
  const names = model.stages.flatMap((s) => (s.name === null ? [] : [s.name]))
  return `target "${p.requested}" is not a stage of this file (${names.length > 0 ? `stages: ${names.join(', ')}` : 'no stage has a name'}); the last stage is analysed instead`
})
