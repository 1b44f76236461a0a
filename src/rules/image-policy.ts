/** Policies a team opts into in the configuration: trusted registries and digest pinning. */
import type { ExternalReference } from '../graph/graph.js'
import { parseImageReference } from '../parse/image-ref.js'
import type { Rule } from './types.js'

/** The registry host an image reference pulls from (Docker Hub names → docker.io). */
export function registryOf(image: string): string | null {
  const ref = parseImageReference(image)
  if (ref === null) return null
  if (ref.registry === null || ref.registry === 'index.docker.io' || ref.registry === 'registry-1.docker.io') return 'docker.io'
  return ref.registry.toLowerCase()
}

function where(ref: ExternalReference): string {
  return ref.via === 'from' ? 'FROM' : ref.via === 'copy' ? 'COPY --from' : 'RUN --mount from'
}

export const untrustedRegistry: Rule = {
  meta: {
    id: 'untrusted-registry',
    title: 'An image comes from a registry that is not trusted',
    severity: 'error',
    category: 'security',
    scope: 'all',
    equivalents: { hadolint: 'DL3026', buildkit: null }
  },
  check: ({ graph, settings }) => {
    const trusted = settings.trustedRegistries
    if (trusted === null) return []
    const allowed = new Set(trusted.map((r) => (r === 'hub.docker.com' || r === 'index.docker.io' ? 'docker.io' : r.toLowerCase())))
    return graph.external.flatMap((ref) => {
      const registry = registryOf(ref.image)
      if (registry === null || allowed.has(registry)) return []
      return [{ line: ref.line, message: `${where(ref)} ${ref.image} pulls from ${registry}, which is not in trusted-registries (${[...allowed].join(', ')})`, stage: ref.stage }]
    })
  }
}

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
      .map((ref) => ({ line: ref.line, message: `${where(ref)} ${ref.image} is not pinned by digest: append @sha256:… so a re-pushed tag cannot change what you build`, stage: ref.stage }))
  }
}
