/** FROM --platform=$TARGETPLATFORM restates what FROM does anyway. */
import type { Rule } from './types.js'

export const redundantTargetPlatform: Rule = {
  meta: {
    id: 'redundant-target-platform',
    title: 'FROM --platform=$TARGETPLATFORM restates the default',
    severity: 'warning',
    category: 'style',
    scope: 'all',
    equivalents: { hadolint: 'DL3065', buildkit: 'RedundantTargetPlatform' }
  },
  check: ({ model }) =>
    model.stages
      .filter((s) => s.base.platform === '$TARGETPLATFORM' || s.base.platform === '${TARGETPLATFORM}')
      .map((s) => ({ line: s.line, message: '--platform=$TARGETPLATFORM is what FROM does anyway: remove the flag', stage: s.index }))
}
