/** Docker image references: `[registry/]path[:tag][@digest]`, as the distribution spec reads them. */
import type { ImageReference } from '../model/dockerfile.js'

const PATH_COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/
const TAG = /^[\w][\w.-]{0,127}$/
const DIGEST = /^[a-z0-9]+(?:[.+_-][a-z0-9]+)*:[a-zA-Z0-9=_-]{32,}$/
const HOST = /^(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)*(?::[0-9]+)?$|^\[[0-9a-fA-F:]+\](?::[0-9]+)?$/

/** Parses a reference; null when it is not a valid one (e.g. upper case, empty, spaces). */
export function parseImageReference(reference: string): ImageReference | null {
  if (reference === '' || reference.length > 512 || /\s/.test(reference)) return null
  let rest = reference
  let digest: string | null = null
  const at = rest.indexOf('@')
  if (at >= 0) {
    digest = rest.slice(at + 1)
    rest = rest.slice(0, at)
    if (!DIGEST.test(digest)) return null
  }
  let tag: string | null = null
  const lastSlash = rest.lastIndexOf('/')
  const colon = rest.indexOf(':', lastSlash + 1)
  if (colon >= 0) {
    tag = rest.slice(colon + 1)
    rest = rest.slice(0, colon)
    if (!TAG.test(tag)) return null
  }
  let registry: string | null = null
  const firstSlash = rest.indexOf('/')
  if (firstSlash >= 0) {
    const head = rest.slice(0, firstSlash)
    if (head.includes('.') || head.includes(':') || head === 'localhost' || head !== head.toLowerCase()) {
      registry = head
      rest = rest.slice(firstSlash + 1)
      if (!HOST.test(registry)) return null
    }
  }
  if (rest === '' || !rest.split('/').every((part) => PATH_COMPONENT.test(part))) return null
  return { registry, name: rest, tag, digest }
}

const DOCKER_HUB_HOSTS: ReadonlySet<string> = new Set(['docker.io', 'index.docker.io', 'registry-1.docker.io'])

/** Docker Hub: no registry written, or one of its host names. */
export function isDockerHub(registry: string | null): boolean {
  return registry === null || DOCKER_HUB_HOSTS.has(registry.toLowerCase())
}

/** `node` → `docker.io/library/node`: the fully qualified repository, for comparisons. */
export function canonicalRepository(ref: ImageReference): string {
  const registry = isDockerHub(ref.registry) ? 'docker.io' : (ref.registry as string)
  const name = registry === 'docker.io' && !ref.name.includes('/') ? `library/${ref.name}` : ref.name
  return `${registry}/${name}`
}
