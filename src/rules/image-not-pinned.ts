/** Opt-in policy: every external image is pinned by digest. */
import { parseImageReference } from '../parse/image-ref.js'
import type { Rule } from './types.js'
import { referenceKind } from './helpers.js'

export const imageNotPinned: Rule = {
  meta: {
    id: 'image-not-pinned',
    title: 'An external image is not pinned by digest (opt-in)',
    severity: 'warning',
    category: 'security',
    scope: 'all',
    equivalents: { hadolint: null, buildkit: null }
  },
  check: ({ graph, settings }) => {
    if (!settings.pinDigests) return []
    return graph.external
      .filter((ref) => {
        const parsed = parseImageReference(ref.image)
        return parsed !== null && parsed.digest === null
      })
      .map((ref) => ({ line: ref.line, message: `${referenceKind(ref)} ${ref.image} is not pinned by digest: append @sha256:… so a re-pushed tag cannot change what you build`, stage: ref.stage }))
  }
}
