/** Multi-platform builds compile fastest natively: FROM --platform=$BUILDPLATFORM in the compiler stage. */
import { referencedNames } from '../parse/variables.js'
import type { Rule } from './types.js'

const CROSS_COMPILERS = new Set(['golang', 'rust', 'tonistiigi/xx'])

export const crossCompilePlatform: Rule = {
  meta: {
    id: 'cross-compile-platform',
    title: 'A compiler stage of a multi-platform build runs under emulation',
    severity: 'info',
    category: 'structure',
    scope: 'all',
    equivalents: { hadolint: null, buildkit: null },
    about: 'file'
  },
  check: ({ model, graph }) => {
    // Only files that already build for several platforms (they read TARGETARCH/TARGETOS/TARGETPLATFORM).
    const multiPlatform = model.stages.some((s) => s.instructions.some((i) => i.raw.includes('$') && referencedNames(i.raw).some((n) => n === 'TARGETARCH' || n === 'TARGETOS' || n === 'TARGETPLATFORM')))
    if (!multiPlatform) return []
    return model.stages
      .filter((s) => graph.roles[s.index] === 'build' && s.base.platform === null && s.base.image !== null && CROSS_COMPILERS.has(s.base.image))
      .map((s) => ({ line: s.line, message: `build stage ${s.name ?? s.index} compiles with ${s.base.image} under emulation for each target platform: FROM --platform=$BUILDPLATFORM and cross-compile with TARGETOS/TARGETARCH`, stage: s.index }))
  }
}
