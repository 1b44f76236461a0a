import { graphProblemRule } from './graph-problem.js'

export const copyFromVariable = graphProblemRule({
  id: 'copy-from-variable',
  title: '--from uses a variable, which docker build does not expand',
  severity: 'error',
  category: 'correctness',
  scope: 'all',
  equivalents: { hadolint: 'DL3022', buildkit: null }
}, (p) => `${p.what}=${p.value}: docker build (BuildKit) does not expand variables in --from (Podman does); declare the image as a stage instead: ARG before the first FROM, then FROM $VAR AS name and --from=name`)
