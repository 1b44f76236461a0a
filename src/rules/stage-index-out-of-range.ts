import { graphProblemRule } from './graph-problem.js'

export const stageIndexOutOfRange = graphProblemRule({
  id: 'stage-index-out-of-range',
  title: '--from names a stage index that does not exist',
  severity: 'error',
  category: 'correctness',
  scope: 'all',
  equivalents: { hadolint: 'DL3022', buildkit: null }
}, (p) => `${p.what}=${p.value}: there is no stage ${p.index} (the file has ${p.stageCount} stage${p.stageCount === 1 ? '' : 's'}, numbered from 0)`)
