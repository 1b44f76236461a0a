/** FROM --platform: a constant pins emulation, $TARGETPLATFORM restates the default. */
import type { Rule } from './types.js'

export const fromPlatformFlagConst: Rule = {
  meta: {
    id: 'from-platform-flag-const',
    title: 'FROM --platform is a constant',
    severity: 'warning',
    category: 'correctness',
    scope: 'all',
    equivalents: { hadolint: 'DL3029', buildkit: 'FromPlatformFlagConstDisallowed' }
  },
  check: ({ model }) =>
    model.stages.flatMap((s) => {
      const platform = s.base.platform
      if (platform === null || platform.includes('$')) return []
      // BuildKit allows it when the stage name says which platform it is for (AS build_amd64).
      const parts = platform.toLowerCase().split('/')
      if (s.id !== null && parts.some((p) => p !== '' && (s.id as string).includes(p))) return []
      return [{ line: s.line, message: `--platform=${platform} makes every build of this stage use ${platform}, emulated on other machines: use $BUILDPLATFORM or $TARGETPLATFORM, or build with --platform`, stage: s.index }]
    })
}

export const redundantTargetPlatform: Rule = {
  meta: {
    id: 'redundant-target-platform',
    title: 'FROM --platform=$TARGETPLATFORM restates the default',
    severity: 'warning',
    category: 'style',
    scope: 'all',
    equivalents: { hadolint: null, buildkit: 'RedundantTargetPlatform' }
  },
  check: ({ model }) =>
    model.stages
      .filter((s) => s.base.platform === '$TARGETPLATFORM' || s.base.platform === '${TARGETPLATFORM}')
      .map((s) => ({ line: s.line, message: '--platform=$TARGETPLATFORM is what FROM does anyway: remove the flag', stage: s.index }))
}
