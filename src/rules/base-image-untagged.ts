/**
 * Reproducible bases: a tag or a digest. ARG defaults are resolved first, and a finding that
 * comes from an ARG default points at that ARG. Distroless `-debianNN` names are pinned enough:
 * distroless publishes no version tags.
 */
import { parseImageReference } from '../parse/image-ref.js'
import { argBehindFrom, builtByThisRepository, distroless, fromOrArg, pinAdvice } from './helpers.js'
import { installsFromAlpineEdge } from './base-image-latest.js'
import type { Rule } from './types.js'

export const baseImageUntagged: Rule = {
  meta: {
    id: 'base-image-untagged',
    title: 'A base image has no tag',
    severity: 'warning',
    category: 'correctness',
    scope: 'all',
    equivalents: { hadolint: 'DL3006', buildkit: null },
    inEnvironments: 'info'
  },
  check: ({ model, repositoryImages }) =>
    model.stages
      .filter((s) => s.base.kind === 'image' && s.base.image !== null && s.base.tag === null && s.base.digest === null && s.base.unresolved.length === 0)
      .filter((s) => distroless(s.base.image as string)?.pinsRelease !== true && !installsFromAlpineEdge(s))
      // A sibling image this repository builds itself, chained on its own latest on purpose.
      .filter((s) => !builtByThisRepository(s.base.image ?? s.base.resolved, repositoryImages))
      .map((s) => {
        // The ARG holds the whole reference (`ARG BASE=node`, `FROM $BASE`); otherwise the FROM line lacks the tag.
        const arg = argBehindFrom(model, s, (value) => {
          const ref = parseImageReference(value)
          return ref !== null && ref.tag === null && ref.digest === null && value === s.base.resolved
        })
        const { subject, ...at } = fromOrArg(s, arg)
        return { ...at, message: `${subject} has no tag, so it means :latest and changes under you; ${pinAdvice(s.base.image as string)}`, stage: s.index }
      })
}
