/** FROM --platform with a constant pins the platform, and emulation with it. */
import type { Rule } from './types.js'

export const fromPlatformFlagConst: Rule = {
  meta: {
    id: 'from-platform-flag-const',
    title: 'FROM --platform is a constant',
    severity: 'warning',
    category: 'correctness',
    scope: 'all',
    equivalents: { hadolint: 'DL3029', buildkit: 'FromPlatformFlagConstDisallowed' },
    // A dev container pinned to amd64 because a tool has no arm64 build is deliberate, and costs speed, not a wrong image.
    inEnvironments: 'info'
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
