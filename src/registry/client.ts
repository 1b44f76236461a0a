/**
 * A small OCI Distribution API client: manifests (an image index resolved to one platform),
 * config blobs, the anonymous bearer-token flow from a `WWW-Authenticate` challenge (and basic
 * credentials when given), a timeout per request, bounded concurrency and one cache per run.
 * Every failure comes back as a reason, never an exception: callers fall back to estimates.
 */
import { isLocalHost, toRegistryReference, type RegistryReference } from './reference.js'
import type { HistoryEntry, ImageConfig, ImageLookup } from '../model/image.js'
import type { RegistryCredentials } from '../model/image.js'

export interface RegistryOptions {
  /** Per request, in ms (default 10,000). */
  timeoutMs?: number
  /** Requests in flight at once (default 4). */
  concurrency?: number
  /** By registry host as written in FROM (`ghcr.io`; `docker.io` for Docker Hub). */
  credentials?: Readonly<Record<string, RegistryCredentials>>
  fetch?: typeof fetch
}

const INDEX_TYPES = new Set(['application/vnd.oci.image.index.v1+json', 'application/vnd.docker.distribution.manifest.list.v2+json'])
const MANIFEST_TYPES = new Set(['application/vnd.oci.image.manifest.v1+json', 'application/vnd.docker.distribution.manifest.v2+json'])
const ACCEPT = [...INDEX_TYPES, ...MANIFEST_TYPES].join(', ')

class RegistryError extends Error {}

/** `Bearer realm="https://auth.docker.io/token",service="registry.docker.io",scope="…"` → its parameters. */
export function parseChallenge(header: string): { scheme: string; params: Record<string, string> } | null {
  const m = /^\s*(\w+)\s*(.*)$/s.exec(header)
  if (m === null) return null
  const params: Record<string, string> = {}
  const re = /(\w+)\s*=\s*(?:"([^"]*)"|([^\s,]*))/g
  for (let p = re.exec(m[2] as string); p !== null; p = re.exec(m[2] as string)) params[(p[1] as string).toLowerCase()] = p[2] ?? p[3] ?? ''
  return { scheme: (m[1] as string).toLowerCase(), params }
}

/** `linux/arm64/v8` → its parts; the variant is optional. */
function platformParts(platform: string): { os: string; architecture: string; variant: string | null } {
  const [os = 'linux', architecture = 'amd64', variant = null] = platform.split('/')
  return { os, architecture, variant }
}

export class RegistryClient {
  /** Requests sent and the time spent waiting for them, for the run's log and the bench. */
  readonly stats = { requests: 0, ms: 0 }
  private readonly timeoutMs: number
  private readonly concurrency: number
  private readonly fetchImpl: typeof fetch
  private readonly credentials: Readonly<Record<string, RegistryCredentials>>
  private readonly lookups = new Map<string, Promise<ImageLookup>>()
  private readonly tokens = new Map<string, string>()
  private active = 0
  private readonly waiting: (() => void)[] = []

  constructor(options: RegistryOptions = {}) {
    this.timeoutMs = options.timeoutMs ?? 10_000
    this.concurrency = Math.max(1, options.concurrency ?? 4)
    this.fetchImpl = options.fetch ?? fetch
    this.credentials = options.credentials ?? {}
  }

  /** The image's manifest for the platform, its sizes and config; cached for the run. */
  lookup(image: string, platform = 'linux/amd64'): Promise<ImageLookup> {
    const key = `${image}|${platform}`
    let pending = this.lookups.get(key)
    if (pending === undefined) {
      pending = this.resolve(image, platform).catch((err: unknown) => ({ ok: false as const, image, platform, reason: err instanceof Error ? err.message : String(err) }))
      this.lookups.set(key, pending)
    }
    return pending
  }

  private async resolve(image: string, platform: string): Promise<ImageLookup> {
    const ref = toRegistryReference(image)
    if (ref === null) return { ok: false, image, platform, reason: 'not a valid image reference' }
    let manifest = await this.getJson(ref, `manifests/${ref.reference}`, ACCEPT)
    let digest = manifest.digest
    const resolvedFromIndex = INDEX_TYPES.has(manifest.mediaType)
    if (resolvedFromIndex) {
      const wanted = platformParts(platform)
      const entries = (manifest.body.manifests ?? []) as { digest: string; platform?: { os?: string; architecture?: string; variant?: string } }[]
      const match = entries.find((m) => m.platform?.os === wanted.os && m.platform.architecture === wanted.architecture && (wanted.variant === null || (m.platform.variant ?? (wanted.architecture === 'arm64' ? 'v8' : null)) === wanted.variant))
      if (match === undefined) {
        const offered = entries.map((m) => [m.platform?.os, m.platform?.architecture, m.platform?.variant].filter(Boolean).join('/')).join(', ')
        return { ok: false, image, platform, reason: `no manifest for ${platform} (the index offers ${offered === '' ? 'none' : offered})` }
      }
      manifest = await this.getJson(ref, `manifests/${match.digest}`, ACCEPT)
      digest = match.digest
    }
    if (!MANIFEST_TYPES.has(manifest.mediaType)) return { ok: false, image, platform, reason: `unknown manifest media type ${manifest.mediaType === '' ? '(none)' : manifest.mediaType}` }
    const layers = ((manifest.body.layers ?? []) as { digest: string; size: number; mediaType: string }[]).map((l) => ({ digest: l.digest, size: Number(l.size) || 0, mediaType: l.mediaType }))
    const configDigest = (manifest.body.config as { digest?: string } | undefined)?.digest
    let config: ImageConfig | null = null
    if (configDigest !== undefined) {
      const blob = await this.getJson(ref, `blobs/${configDigest}`, 'application/json, */*')
      const history = Array.isArray(blob.body.history) ? (blob.body.history as HistoryEntry[]) : []
      const os = typeof blob.body.os === 'string' ? blob.body.os : null
      const arch = typeof blob.body.architecture === 'string' ? blob.body.architecture : null
      const variant = typeof blob.body.variant === 'string' ? blob.body.variant : null
      config = { history, platform: os !== null && arch !== null ? [os, arch, variant].filter((p) => p !== null).join('/') : null, size: typeof blob.body.size === 'number' && blob.body.size > 0 ? blob.body.size : null }
    }
    // An index was resolved to the platform; a single image can only be checked against its config.
    let platformMismatch: string | null = null
    if (!resolvedFromIndex && config?.platform !== null && config?.platform !== undefined) {
      const have = platformParts(config.platform)
      const want = platformParts(platform)
      if (have.os !== want.os || have.architecture !== want.architecture) platformMismatch = config.platform
    }
    return { ok: true, image, canonical: ref.canonical, digest, platform, compressedSize: layers.reduce((n, l) => n + l.size, 0), size: config?.size ?? null, layers, config, platformMismatch }
  }

  private async getJson(ref: RegistryReference, path: string, accept: string): Promise<{ mediaType: string; digest: string; body: Record<string, unknown> }> {
    const response = await this.request(ref, path, accept)
    const text = await response.text()
    let body: Record<string, unknown>
    try {
      body = JSON.parse(text) as Record<string, unknown>
    } catch {
      throw new RegistryError(`${ref.canonical}: ${path.split('/')[0]} is not JSON`)
    }
    const mediaType = (response.headers.get('content-type') ?? '').split(';')[0]?.trim() || (typeof body.mediaType === 'string' ? body.mediaType : '')
    return { mediaType: typeof body.mediaType === 'string' && !INDEX_TYPES.has(mediaType) && !MANIFEST_TYPES.has(mediaType) ? body.mediaType : mediaType, digest: response.headers.get('docker-content-digest') ?? '', body }
  }

  /** One GET, with the token flow on 401. */
  private async request(ref: RegistryReference, path: string, accept: string): Promise<Response> {
    const url = `${isLocalHost(ref.host) ? 'http' : 'https'}://${ref.host}/v2/${ref.repository}/${path}`
    const tokenKey = `${ref.host}/${ref.repository}`
    const headers: Record<string, string> = { accept }
    const token = this.tokens.get(tokenKey)
    if (token !== undefined) headers.authorization = token
    let response = await this.send(url, headers)
    if (response.status === 401) {
      await response.body?.cancel()
      const challenge = parseChallenge(response.headers.get('www-authenticate') ?? '')
      const authorization = await this.authorize(ref, challenge)
      this.tokens.set(tokenKey, authorization)
      response = await this.send(url, { ...headers, authorization })
    }
    if (!response.ok) {
      await response.body?.cancel()
      const what = response.status === 404 ? 'not found (unknown repository or tag)' : response.status === 401 || response.status === 403 ? 'access denied' : `HTTP ${response.status}`
      throw new RegistryError(`${ref.canonical}: ${what}`)
    }
    return response
  }

  private async authorize(ref: RegistryReference, challenge: ReturnType<typeof parseChallenge>): Promise<string> {
    const hubName = ref.host === 'registry-1.docker.io' ? 'docker.io' : ref.host
    const creds = this.credentials[hubName] ?? this.credentials[ref.host]
    const basic = creds === undefined ? null : `Basic ${Buffer.from(`${creds.username}:${creds.password}`).toString('base64')}`
    if (challenge === null || challenge.scheme === '') throw new RegistryError(`${ref.canonical}: 401 without a WWW-Authenticate challenge`)
    if (challenge.scheme === 'basic') {
      if (basic === null) throw new RegistryError(`${ref.canonical}: the registry wants credentials (none given for ${hubName})`)
      return basic
    }
    if (challenge.scheme !== 'bearer' || challenge.params.realm === undefined) throw new RegistryError(`${ref.canonical}: unsupported authentication challenge "${challenge.scheme}"`)
    const realm = new URL(challenge.params.realm)
    if (challenge.params.service !== undefined) realm.searchParams.set('service', challenge.params.service)
    realm.searchParams.set('scope', challenge.params.scope ?? `repository:${ref.repository}:pull`)
    const response = await this.send(realm.toString(), basic === null ? {} : { authorization: basic })
    if (!response.ok) {
      await response.body?.cancel()
      throw new RegistryError(`${ref.canonical}: the token server answered HTTP ${response.status}`)
    }
    const body = (await response.json().catch(() => ({}))) as { token?: string; access_token?: string }
    const token = body.token ?? body.access_token
    if (typeof token !== 'string' || token === '') throw new RegistryError(`${ref.canonical}: the token server sent no token`)
    return `Bearer ${token}`
  }

  /** fetch with the per-request timeout, inside the concurrency limit. */
  private async send(url: string, headers: Record<string, string>): Promise<Response> {
    if (this.active >= this.concurrency) await new Promise<void>((resolve) => this.waiting.push(resolve))
    this.active++
    const start = performance.now()
    this.stats.requests++
    try {
      return await this.fetchImpl(url, { headers, signal: AbortSignal.timeout(this.timeoutMs), redirect: 'follow' })
    } catch (err) {
      const name = (err as { name?: string }).name
      const cause = (err as { cause?: { code?: string; message?: string } }).cause
      const why = cause?.code ?? cause?.message
      throw new RegistryError(name === 'TimeoutError' ? `no answer from ${new URL(url).host} within ${this.timeoutMs} ms` : `cannot reach ${new URL(url).host}${why === undefined ? '' : ` (${why})`}`)
    } finally {
      this.stats.ms += performance.now() - start
      this.active--
      this.waiting.shift()?.()
    }
  }
}
