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
    equivalents: { hadolint: null, buildkit: null },
    options: [{ name: 'pin-digests', type: 'boolean', default: false, doc: 'Turns the rule on: every external image must be pinned by digest.' }]
  },
  check: ({ graph, options }) => {
    if (options['pin-digests'] !== true) return []
    return graph.external
      .filter((ref) => {
        const parsed = parseImageReference(ref.image)
        return parsed !== null && parsed.digest === null
      })
      .map((ref) => ({ line: ref.line, message: `${referenceKind(ref)} ${ref.image} is not pinned by digest: append @sha256:… so a re-pushed tag cannot change what you build`, stage: ref.stage }))
  }
}
