/**
 * Image references as the OCI Distribution API needs them: which host to ask, which repository,
 * which tag or digest. Docker Hub's short names are normalised as docker does:
 * `node` → host `registry-1.docker.io`, repository `library/node`, tag `latest`.
 */
import { isDockerHub, parseImageReference } from '../parse/image-ref.js'

export interface RegistryReference {
  /** Host (and port) to send requests to, e.g. `registry-1.docker.io`, `ghcr.io`, `127.0.0.1:5000`. */
  host: string
  repository: string
  /** A digest (`sha256:…`) when one is written, else the tag (`latest` when none). */
  reference: string
  /** The fully qualified name for messages and caches, e.g. `docker.io/library/node:20`. */
  canonical: string
}

export function toRegistryReference(image: string): RegistryReference | null {
  const ref = parseImageReference(image)
  if (ref === null) return null
  const hub = isDockerHub(ref.registry)
  const host = hub ? 'registry-1.docker.io' : (ref.registry as string)
  const repository = hub && !ref.name.includes('/') ? `library/${ref.name}` : ref.name
  const reference = ref.digest ?? ref.tag ?? 'latest'
  const name = `${hub ? 'docker.io' : host}/${repository}`
  return { host, repository, reference, canonical: ref.digest !== null ? `${name}@${ref.digest}` : `${name}:${reference}` }
}

/** Registries on this machine speak plain HTTP (docker treats them as insecure by default too). */
export function isLocalHost(host: string): boolean {
  const name = host.replace(/:\d+$/, '')
  return name === 'localhost' || name === '127.0.0.1' || name === '[::1]'
}
