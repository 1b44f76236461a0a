/** Reproducible bases: `latest` (also through an ARG default) is not a version. */
import type { Rule } from './types.js'

export const baseImageLatest: Rule = {
  meta: {
    id: 'base-image-latest',
    title: 'A base image uses the latest tag',
    severity: 'warning',
    category: 'correctness',
    scope: 'all',
    equivalents: { hadolint: 'DL3007', buildkit: null }
  },
  check: ({ model }) =>
    model.stages
      .filter((s) => s.base.kind === 'image' && s.base.tag === 'latest' && s.base.digest === null)
      .map((s) => ({ line: s.line, message: `FROM ${s.base.resolved}: latest changes under you; pin a version tag`, stage: s.index }))
}
