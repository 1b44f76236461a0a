/** Reproducible bases: a tag or a digest. ARG defaults are resolved first. */
import type { Rule } from './types.js'

export const baseImageUntagged: Rule = {
  meta: {
    id: 'base-image-untagged',
    title: 'A base image has no tag',
    severity: 'warning',
    category: 'correctness',
    scope: 'all',
    equivalents: { hadolint: 'DL3006', buildkit: null }
  },
  check: ({ model }) =>
    model.stages
      .filter((s) => s.base.kind === 'image' && s.base.image !== null && s.base.tag === null && s.base.digest === null && s.base.unresolved.length === 0)
      .map((s) => ({ line: s.line, message: `FROM ${s.base.resolved} has no tag, so it means :latest and changes under you; pin a version tag`, stage: s.index }))
}
