/**
 * Reproducible bases: `latest` (also through an ARG default) is not a version. A finding that
 * comes from an ARG default points at that ARG. Left alone: distroless `-debianNN` names
 * (distroless has no version tags) and alpine stages that install from edge on purpose.
 */
import { canonicalRepository, parseImageReference } from '../parse/image-ref.js'
import type { Stage } from '../model/dockerfile.js'
import { argBehindFrom, builtByThisRepository, distroless, fromOrArg, pinAdvice } from './helpers.js'
import { runCommands } from './run-helpers.js'
import type { Rule } from './types.js'

/**
 * An alpine stage that adds packages from the edge repositories (`apk add --repository …/edge/…`,
 * or edge written into /etc/apk/repositories): it tracks edge on purpose, and a pinned old base
 * under edge packages breaks sooner than latest does.
 */
export function installsFromAlpineEdge(stage: Stage): boolean {
  const ref = parseImageReference(stage.base.resolved)
  if (ref === null || canonicalRepository(ref) !== 'docker.io/library/alpine') return false
  return stage.instructions.some((ins) =>
    runCommands(ins).some((c) => c.args.some((a) => a.includes('/alpine/edge') || (c.program === 'apk' && /\/edge(?:\/|$)/.test(a))))
  )
}

export const baseImageLatest: Rule = {
  meta: {
    id: 'base-image-latest',
    title: 'A base image uses the latest tag',
    severity: 'warning',
    category: 'correctness',
    scope: 'all',
    equivalents: { hadolint: 'DL3007', buildkit: null },
    inEnvironments: 'info'
  },
  check: ({ model, repositoryImages }) =>
    model.stages
      .filter((s) => s.base.kind === 'image' && s.base.tag === 'latest' && s.base.digest === null)
      .filter((s) => distroless(s.base.image ?? '')?.pinsRelease !== true && !installsFromAlpineEdge(s))
      // A sibling image this repository builds itself, chained on its own latest on purpose.
      .filter((s) => !builtByThisRepository(s.base.image ?? s.base.resolved, repositoryImages))
      .map((s) => {
        const arg = argBehindFrom(model, s, (value) => value === 'latest' || parseImageReference(value)?.tag === 'latest')
        const { subject, ...at } = fromOrArg(s, arg)
        return { ...at, message: `${subject}: latest changes under you; ${pinAdvice(s.base.image ?? s.base.resolved)}`, stage: s.index }
      })
}
