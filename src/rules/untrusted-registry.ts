/** Opt-in policy: every external image comes from a trusted registry. */
import type { Rule } from './types.js'
import { referenceKind, registryOf } from './helpers.js'

export const untrustedRegistry: Rule = {
  meta: {
    id: 'untrusted-registry',
    title: 'An image comes from a registry that is not trusted',
    severity: 'error',
    category: 'security',
    scope: 'all',
    equivalents: { hadolint: 'DL3026', buildkit: null },
    options: [
      {
        name: 'trusted-registries',
        type: 'string-list',
        default: null,
        doc: 'The registries images may come from (`docker.io` for Docker Hub; `*.gcr.io` for any host ending in `.gcr.io`, `registry.acme.*` for any starting so); the rule is silent until it is set.'
      }
    ]
  },
  check: ({ graph, options }) => {
    const trusted = options['trusted-registries'] as readonly string[] | null
    if (trusted === null) return []
    const allowed = [...new Set(trusted.map((r) => (r === 'hub.docker.com' || r === 'index.docker.io' ? 'docker.io' : r.toLowerCase())))]
    const isTrusted = trustedBy(allowed)
    return graph.external.flatMap((ref) => {
      const registry = registryOf(ref.image)
      if (registry === null || isTrusted(registry)) return []
      return [{ line: ref.line, message: `${referenceKind(ref)} ${ref.image} pulls from ${registry}, which is not in trusted-registries (${allowed.join(', ')})`, stage: ref.stage }]
    })
  }
}

/** hadolint's wildcards: a leading `*` matches any start (`*.gcr.io`), a trailing one any end; otherwise the exact host. */
function trustedBy(allowed: readonly string[]): (registry: string) => boolean {
  return (registry) =>
    allowed.some((entry) => {
      if (entry.length > 1 && entry.startsWith('*')) return registry.endsWith(entry.slice(1))
      if (entry.length > 1 && entry.endsWith('*')) return registry.startsWith(entry.slice(0, -1))
      return registry === entry
    })
}
