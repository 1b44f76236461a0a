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
    options: [{ name: 'trusted-registries', type: 'string-list', default: null, doc: 'The registries images may come from (`docker.io` for Docker Hub); the rule is silent until it is set.' }]
  },
  check: ({ graph, options }) => {
    const trusted = options['trusted-registries'] as readonly string[] | null
    if (trusted === null) return []
    const allowed = new Set(trusted.map((r) => (r === 'hub.docker.com' || r === 'index.docker.io' ? 'docker.io' : r.toLowerCase())))
    return graph.external.flatMap((ref) => {
      const registry = registryOf(ref.image)
      if (registry === null || allowed.has(registry)) return []
      return [{ line: ref.line, message: `${referenceKind(ref)} ${ref.image} pulls from ${registry}, which is not in trusted-registries (${[...allowed].join(', ')})`, stage: ref.stage }]
    })
  }
}
