/**
 * A small OCI Distribution API client: manifests (an image index resolved to one platform),
 * config blobs (sizes, history and the image's runtime defaults), a tag's current digest (HEAD,
 * which Docker Hub does not count as a pull) and a repository's tags (paginated, bounded), the
 * anonymous bearer-token flow from a `WWW-Authenticate` challenge (and basic credentials when
 * given), a deadline per request, `Retry-After` on 429, a retry with backoff on 5xx, bounded
 * concurrency and one cache per run. The host a FROM names is judged first (src/registry/address.ts).
 * Every failure comes back as a reason, never an exception: callers fall back to estimates.
 */
import { AllowList, credentialsMayGoTo, hostName, redirectAllowed } from './address.js'
import { httpTransport, NetworkError, type HttpAnswer, type Transport } from './http.js'
import { isLocalHost, toRegistryReference, type RegistryReference } from './reference.js'
import type { BaseFacts, HistoryEntry, ImageConfig, ImageLookup, RegistryCredentials } from '../model/image.js'

export interface RegistryOptions {
  /** Per request, in ms (default 10,000): the whole exchange, body included. */
  timeoutMs?: number
  /** Requests in flight at once (default 4). */
  concurrency?: number
  /** By registry host as written in FROM (`ghcr.io`; `docker.io` for Docker Hub). */
  credentials?: Readonly<Record<string, RegistryCredentials>>
  /** Internal hosts, addresses and ranges that may be asked (`registry-allow`). */
  allow?: readonly string[]
  /** The longest `Retry-After` waited for, in ms (default 20,000); a longer one ends in a reason. */
  maxRetryAfterMs?: number
  /** The first 5xx backoff, in ms (default 500; doubled once). */
  backoffMs?: number
  /** Tags asked per page of a tag list (default 1,000). */
  tagPageSize?: number
  transport?: Transport
  /** How the client waits (tests record the waits instead of spending them). */
  sleep?: (ms: number) => Promise<void>
}

const INDEX_TYPES = new Set(['application/vnd.oci.image.index.v1+json', 'application/vnd.docker.distribution.manifest.list.v2+json'])
const MANIFEST_TYPES = new Set(['application/vnd.oci.image.manifest.v1+json', 'application/vnd.docker.distribution.manifest.v2+json'])
const ACCEPT = [...INDEX_TYPES, ...MANIFEST_TYPES].join(', ')

/** The distribution spec's manifest limit; a config larger than this is not an image's. */
export const MAX_DOCUMENT_BYTES = 4 * 1024 * 1024
/** Tags read per repository at most (pages of 1,000). */
export const MAX_TAGS = 20_000
const TAG_PAGE = 1000
const MAX_REDIRECTS = 3
const MAX_STRING = 1024
const MAX_LIST = 256

class RegistryError extends Error {}

export type TagsResult = { ok: true; tags: string[] } | { ok: false; reason: string }
export type DigestResult = { ok: true; digest: string } | { ok: false; reason: string }

/** `Bearer realm="https://auth.docker.io/token",service="registry.docker.io",scope="…"` → its parameters. */
export function parseChallenge(header: string): { scheme: string; params: Record<string, string> } | null {
  const m = /^\s*(\w+)\s*(.*)$/s.exec(header)
  if (m === null) return null
  const params: Record<string, string> = {}
  const re = /(\w+)\s*=\s*(?:"([^"]*)"|([^\s,]*))/g
  for (let p = re.exec(m[2] as string); p !== null; p = re.exec(m[2] as string)) params[(p[1] as string).toLowerCase()] = p[2] ?? p[3] ?? ''
  return { scheme: (m[1] as string).toLowerCase(), params }
}

/** `Retry-After: 3` or an HTTP date → ms from now; null when absent or unreadable. */
export function retryAfterMs(value: string | undefined, now = Date.now()): number | null {
  if (value === undefined || value.trim() === '') return null
  const text = value.trim()
  if (/^\d+$/.test(text)) return Number(text) * 1000
  const at = Date.parse(text)
  return Number.isNaN(at) ? null : Math.max(0, at - now)
}

/** `linux/arm64/v8` → its parts; the variant is optional. */
function platformParts(platform: string): { os: string; architecture: string; variant: string | null } {
  const [os = 'linux', architecture = 'amd64', variant = null] = platform.split('/')
  return { os, architecture, variant }
}

const str = (v: unknown): string | null => (typeof v === 'string' ? v.slice(0, MAX_STRING) : null)
const strList = (v: unknown): string[] | null => (Array.isArray(v) ? v.slice(0, MAX_LIST).filter((x): x is string => typeof x === 'string').map((x) => x.slice(0, MAX_STRING)) : null)

/** The runtime defaults of a config blob (`config` in the OCI image spec), read defensively. */
export function readFacts(blob: Record<string, unknown>): BaseFacts {
  const c = (typeof blob.config === 'object' && blob.config !== null ? blob.config : {}) as Record<string, unknown>
  const os = str(blob.os)
  const arch = str(blob.architecture)
  const variant = str(blob.variant)
  const env = (strList(c.Env) ?? []).map((e) => e.split('=')[0] as string).filter((n) => n !== '')
  const labels: Record<string, string> = {}
  if (typeof c.Labels === 'object' && c.Labels !== null) for (const [k, v] of Object.entries(c.Labels as Record<string, unknown>).slice(0, MAX_LIST)) if (typeof v === 'string') labels[k.slice(0, MAX_STRING)] = v.slice(0, MAX_STRING)
  const health = typeof c.Healthcheck === 'object' && c.Healthcheck !== null ? strList((c.Healthcheck as Record<string, unknown>).Test) : null
  const user = str(c.User)
  const workdir = str(c.WorkingDir)
  return {
    platform: os !== null && arch !== null ? [os, arch, variant].filter((p) => p !== null).join('/') : null,
    os,
    user: user === null || user === '' ? null : user,
    env: [...new Set(env)],
    workdir: workdir === null || workdir === '' ? null : workdir,
    entrypoint: strList(c.Entrypoint),
    cmd: strList(c.Cmd),
    ports: typeof c.ExposedPorts === 'object' && c.ExposedPorts !== null ? Object.keys(c.ExposedPorts).slice(0, MAX_LIST) : [],
    healthcheck: health === null || health.length === 0 ? null : health,
    labels,
    shell: strList(c.Shell),
    created: str(blob.created)
  }
}

/** `</v2/x/tags/list?n=1000&last=b>; rel="next"` → the next page's URL, resolved against the current one. */
function nextLink(header: string | undefined, current: string): string | null {
  const m = header === undefined ? null : /<([^>]+)>\s*;\s*rel="?next"?/.exec(header)
  if (m === null) return null
  try {
    return new URL(m[1] as string, current).toString()
  } catch {
    return null
  }
}

export class RegistryClient {
  /** Requests sent and the time spent waiting for them, for the run's log and the bench. */
  readonly stats = { requests: 0, ms: 0, retries: 0 }
  private readonly timeoutMs: number
  private readonly concurrency: number
  private readonly credentials: Readonly<Record<string, RegistryCredentials>>
  private readonly allow: AllowList
  private readonly maxRetryAfterMs: number
  private readonly backoffMs: number
  private readonly transport: Transport
  private readonly tagPageSize: number
  private readonly sleep: (ms: number) => Promise<void>
  private readonly lookups = new Map<string, Promise<ImageLookup>>()
  private readonly digests = new Map<string, Promise<DigestResult>>()
  private readonly tagLists = new Map<string, Promise<TagsResult>>()
  private readonly tokens = new Map<string, string>()
  private active = 0
  private readonly waiting: (() => void)[] = []

  constructor(options: RegistryOptions = {}) {
    this.timeoutMs = options.timeoutMs ?? 10_000
    this.concurrency = Math.max(1, options.concurrency ?? 4)
    this.credentials = options.credentials ?? {}
    this.allow = new AllowList(options.allow ?? [])
    this.maxRetryAfterMs = options.maxRetryAfterMs ?? 20_000
    this.backoffMs = options.backoffMs ?? 500
    this.transport = options.transport ?? httpTransport
    this.tagPageSize = Math.max(1, options.tagPageSize ?? TAG_PAGE)
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)))
  }

  /** The image's manifest for the platform, its sizes and config; cached for the run. */
  lookup(image: string, platform = 'linux/amd64'): Promise<ImageLookup> {
    const key = `${image}|${platform}`
    let pending = this.lookups.get(key)
    if (pending === undefined) {
      pending = this.resolve(image, platform).catch((err: unknown) => ({ ok: false as const, image, platform, reason: reasonOf(err) }))
      this.lookups.set(key, pending)
    }
    return pending
  }

  /** The digest a tag points at now (the index's, for a multi-platform image), by HEAD; cached for the run. */
  currentDigest(image: string): Promise<DigestResult> {
    let pending = this.digests.get(image)
    if (pending === undefined) {
      pending = (async (): Promise<DigestResult> => {
        const ref = toRegistryReference(image)
        if (ref === null) return { ok: false, reason: 'not a valid image reference' }
        const answer = await this.request(ref, `manifests/${ref.reference}`, ACCEPT, 'HEAD')
        const digest = answer.headers['docker-content-digest']
        return digest === undefined || digest === '' ? { ok: false, reason: `${ref.canonical}: the registry sent no digest` } : { ok: true, digest }
      })().catch((err: unknown) => ({ ok: false, reason: reasonOf(err) }))
      this.digests.set(image, pending)
    }
    return pending
  }

  /** The repository's tags, page by page (at most MAX_TAGS); cached for the run. */
  tags(image: string): Promise<TagsResult> {
    const ref = toRegistryReference(image)
    if (ref === null) return Promise.resolve({ ok: false, reason: 'not a valid image reference' })
    const key = `${ref.host}/${ref.repository}`
    let pending = this.tagLists.get(key)
    if (pending === undefined) {
      pending = this.listTags(ref).catch((err: unknown) => ({ ok: false as const, reason: reasonOf(err) }))
      this.tagLists.set(key, pending)
    }
    return pending
  }

  private async listTags(ref: RegistryReference): Promise<TagsResult> {
    const tags: string[] = []
    let path: string | null = `tags/list?n=${this.tagPageSize}`
    const name = `${ref.host === 'registry-1.docker.io' ? 'docker.io' : ref.host}/${ref.repository}`
    for (let page = 0; path !== null; page++) {
      if (page >= Math.ceil(MAX_TAGS / this.tagPageSize)) return { ok: false, reason: `${name}: the tag list is longer than ${MAX_TAGS.toLocaleString('en-US')} tags` }
      const answer = await this.request(ref, path, 'application/json')
      if (answer.tooLarge) return { ok: false, reason: `${name}: a page of the tag list is larger than 4 MiB` }
      let body: unknown
      try {
        body = JSON.parse(answer.body.toString('utf8'))
      } catch {
        return { ok: false, reason: `${name}: the tag list is not JSON` }
      }
      const list = (body as { tags?: unknown } | null)?.tags
      if (list !== null && list !== undefined && !Array.isArray(list)) return { ok: false, reason: `${name}: the tag list is not a list` }
      for (const t of list ?? []) if (typeof t === 'string') tags.push(t)
      if (tags.length > MAX_TAGS) return { ok: false, reason: `${name}: the tag list is longer than ${MAX_TAGS.toLocaleString('en-US')} tags` }
      const next = nextLink(answer.headers.link, `https://${ref.host}/v2/${ref.repository}/${path}`)
      // Only pages of this repository's own tag list are followed.
      const prefix = `/v2/${ref.repository}/tags/list`
      path = next === null || new URL(next).pathname !== prefix ? null : `tags/list${new URL(next).search}`
    }
    return { ok: true, tags }
  }

  private async resolve(image: string, platform: string): Promise<ImageLookup> {
    const ref = toRegistryReference(image)
    if (ref === null) return { ok: false, image, platform, reason: 'not a valid image reference' }
    let manifest = await this.getJson(ref, `manifests/${ref.reference}`, ACCEPT, 'manifest')
    let digest = manifest.digest
    const resolvedFromIndex = INDEX_TYPES.has(manifest.mediaType)
    if (resolvedFromIndex) {
      const wanted = platformParts(platform)
      const entries = (Array.isArray(manifest.body.manifests) ? manifest.body.manifests : []) as { digest: string; platform?: { os?: string; architecture?: string; variant?: string } }[]
      const match = entries.find((m) => m.platform?.os === wanted.os && m.platform.architecture === wanted.architecture && (wanted.variant === null || (m.platform.variant ?? (wanted.architecture === 'arm64' ? 'v8' : null)) === wanted.variant))
      if (match === undefined || typeof match.digest !== 'string') {
        const offered = entries.map((m) => [m.platform?.os, m.platform?.architecture, m.platform?.variant].filter(Boolean).join('/')).join(', ')
        return { ok: false, image, platform, reason: `no manifest for ${platform} (the index offers ${offered === '' ? 'none' : offered})` }
      }
      manifest = await this.getJson(ref, `manifests/${match.digest}`, ACCEPT, 'manifest')
      digest = match.digest
    }
    if (!MANIFEST_TYPES.has(manifest.mediaType)) return { ok: false, image, platform, reason: `unknown manifest media type ${manifest.mediaType === '' ? '(none)' : manifest.mediaType}` }
    const layers = (Array.isArray(manifest.body.layers) ? (manifest.body.layers as { digest: string; size: number; mediaType: string }[]) : []).map((l) => ({ digest: String(l.digest), size: Number(l.size) || 0, mediaType: String(l.mediaType) }))
    const configDigest = (manifest.body.config as { digest?: unknown } | undefined)?.digest
    let config: ImageConfig | null = null
    let configProblem: string | undefined
    if (typeof configDigest === 'string') {
      // A config that cannot be read costs the facts, not the sizes the manifest already gave.
      try {
        const blob = await this.getJson(ref, `blobs/${configDigest}`, 'application/json, */*', 'config')
        const facts = readFacts(blob.body)
        const history = Array.isArray(blob.body.history) ? (blob.body.history as HistoryEntry[]) : []
        config = { history, platform: facts.platform, size: typeof blob.body.size === 'number' && blob.body.size > 0 ? blob.body.size : null, facts }
      } catch (err) {
        if (!(err instanceof RegistryError) || !/(?:not JSON|larger than)/.test(err.message)) throw err
        configProblem = err.message
      }
    }
    // An index was resolved to the platform; a single image can only be checked against its config.
    let platformMismatch: string | null = null
    if (!resolvedFromIndex && config?.platform !== null && config?.platform !== undefined) {
      const have = platformParts(config.platform)
      const want = platformParts(platform)
      if (have.os !== want.os || have.architecture !== want.architecture) platformMismatch = config.platform
    }
    return {
      ok: true,
      image,
      canonical: ref.canonical,
      digest,
      platform,
      compressedSize: layers.reduce((n, l) => n + l.size, 0),
      size: config?.size ?? null,
      layers,
      config,
      ...(configProblem === undefined ? {} : { configProblem }),
      platformMismatch
    }
  }

  private async getJson(ref: RegistryReference, path: string, accept: string, what: 'manifest' | 'config'): Promise<{ mediaType: string; digest: string; body: Record<string, unknown> }> {
    const answer = await this.request(ref, path, accept)
    if (answer.tooLarge) throw new RegistryError(`${ref.canonical}: the ${what} is larger than 4 MiB`)
    let body: unknown
    try {
      body = JSON.parse(answer.body.toString('utf8'))
    } catch {
      throw new RegistryError(`${ref.canonical}: the ${what} is not JSON`)
    }
    if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new RegistryError(`${ref.canonical}: the ${what} is not JSON`)
    const record = body as Record<string, unknown>
    const mediaType = (answer.headers['content-type'] ?? '').split(';')[0]?.trim() || (typeof record.mediaType === 'string' ? record.mediaType : '')
    return { mediaType: typeof record.mediaType === 'string' && !INDEX_TYPES.has(mediaType) && !MANIFEST_TYPES.has(mediaType) ? record.mediaType : mediaType, digest: answer.headers['docker-content-digest'] ?? '', body: record }
  }

  /** Plain HTTP only for a registry on this machine (docker treats those as insecure by default too). */
  private baseUrl(ref: RegistryReference): string {
    return `${isLocalHost(ref.host) ? 'http' : 'https'}://${ref.host}`
  }

  /** One request, with the token flow on 401, allowed redirects, Retry-After on 429 and a retry on 5xx. */
  private async request(ref: RegistryReference, path: string, accept: string, method: 'GET' | 'HEAD' = 'GET'): Promise<HttpAnswer> {
    const url = `${this.baseUrl(ref)}/v2/${ref.repository}/${path}`
    const tokenKey = `${ref.host}/${ref.repository}`
    const headers: Record<string, string> = { accept }
    const token = this.tokens.get(tokenKey)
    if (token !== undefined) headers.authorization = token
    let answer = await this.sendFollowing(ref, url, headers, method)
    if (answer.status === 401) {
      const challenge = parseChallenge(answer.headers['www-authenticate'] ?? '')
      const authorization = await this.authorize(ref, challenge)
      this.tokens.set(tokenKey, authorization)
      answer = await this.sendFollowing(ref, url, { ...headers, authorization }, method)
    }
    if (answer.status < 200 || answer.status >= 300) {
      const what =
        answer.status === 404
          ? 'not found (unknown repository or tag)'
          : answer.status === 401 || answer.status === 403
            ? 'access denied'
            : answer.status === 429
              ? `rate limited (HTTP 429)${hostName(ref.host) === 'registry-1.docker.io' ? ": Docker Hub's anonymous pull limit; pass registry-credentials for docker.io" : ''}`
              : answer.status >= 300 && answer.status < 400
                ? 'redirected to a host or scheme that is not followed'
                : `HTTP ${answer.status}`
      throw new RegistryError(`${ref.canonical}: ${what}`)
    }
    return answer
  }

  /** Sends, retrying 429 (as long as the registry asks to wait) and 5xx (twice, with backoff), and follows redirects the policy allows. */
  private async sendFollowing(ref: RegistryReference, url: string, headers: Record<string, string>, method: 'GET' | 'HEAD'): Promise<HttpAnswer> {
    let current = url
    let currentHeaders = headers
    for (let hop = 0; ; hop++) {
      const answer = await this.sendRetrying(current, currentHeaders, method)
      const location = answer.headers.location
      if (answer.status < 300 || answer.status >= 400 || location === undefined || hop >= MAX_REDIRECTS) return answer
      let target: URL
      try {
        target = new URL(location, current)
      } catch {
        return answer
      }
      if (!redirectAllowed(ref.host, target)) return answer
      // The token is for the registry: a CDN gets a signed URL, not our credentials.
      if (target.host !== new URL(current).host) {
        currentHeaders = Object.fromEntries(Object.entries(currentHeaders).filter(([name]) => name !== 'authorization'))
      }
      current = target.toString()
    }
  }

  private async sendRetrying(url: string, headers: Record<string, string>, method: 'GET' | 'HEAD'): Promise<HttpAnswer> {
    for (let attempt = 0; ; attempt++) {
      const answer = await this.send(url, headers, method)
      if (answer.status === 429 && attempt < 2) {
        const wait = retryAfterMs(answer.headers['retry-after'])
        if (wait === null || wait > this.maxRetryAfterMs) return answer
        this.stats.retries++
        await this.sleep(wait)
        continue
      }
      if (answer.status >= 500 && answer.status <= 599 && attempt < 2) {
        this.stats.retries++
        await this.sleep(this.backoffMs * 2 ** attempt)
        continue
      }
      return answer
    }
  }

  private async authorize(ref: RegistryReference, challenge: ReturnType<typeof parseChallenge>): Promise<string> {
    const hubName = ref.host === 'registry-1.docker.io' ? 'docker.io' : ref.host
    const creds = this.credentials[hubName] ?? this.credentials[ref.host]
    const basic = creds === undefined ? null : `Basic ${Buffer.from(`${creds.username}:${creds.password}`).toString('base64')}`
    if (challenge === null || challenge.scheme === '') throw new RegistryError(`${ref.canonical}: 401 without a WWW-Authenticate challenge`)
    if (challenge.scheme === 'basic') {
      if (basic === null) throw new RegistryError(`${ref.canonical}: the registry wants credentials (none given for ${hubName})`)
      // Basic credentials go to the registry itself: over HTTPS, or to a local registry the user allowed.
      if (!isLocalHost(ref.host) && this.baseUrl(ref).startsWith('http:')) throw new RegistryError(`${ref.canonical}: credentials are not sent over plain HTTP`)
      return basic
    }
    if (challenge.scheme !== 'bearer' || challenge.params.realm === undefined) throw new RegistryError(`${ref.canonical}: unsupported authentication challenge "${challenge.scheme}"`)
    let realm: URL
    try {
      realm = new URL(challenge.params.realm)
    } catch {
      throw new RegistryError(`${ref.canonical}: the token realm is not a URL`)
    }
    // The token server is a host the registry names: plain HTTP only from a registry on this
    // machine to a token server on this machine (the transport still wants both allowed).
    const allowedPlain = realm.protocol === 'http:' && isLocalHost(ref.host) && isLocalHost(realm.host)
    if (realm.protocol !== 'https:' && !allowedPlain) throw new RegistryError(`${ref.canonical}: the token realm is not HTTPS`)
    if (challenge.params.service !== undefined) realm.searchParams.set('service', challenge.params.service)
    realm.searchParams.set('scope', challenge.params.scope ?? `repository:${ref.repository}:pull`)
    const sendCredentials = basic !== null && credentialsMayGoTo(ref.host, realm, allowedPlain)
    const answer = await this.send(realm.toString(), sendCredentials ? { authorization: basic } : {}, 'GET')
    if (answer.status < 200 || answer.status >= 300) throw new RegistryError(`${ref.canonical}: the token server answered HTTP ${answer.status}`)
    let body: { token?: unknown; access_token?: unknown } = {}
    try {
      body = JSON.parse(answer.body.toString('utf8')) as typeof body
    } catch {
      // No token below says it.
    }
    const token = body?.token ?? body?.access_token
    if (typeof token !== 'string' || token === '') throw new RegistryError(`${ref.canonical}: the token server sent no token`)
    return `Bearer ${token}`
  }

  /** One request with the deadline, inside the concurrency limit; the allow-list of the host it goes to. */
  private async send(url: string, headers: Record<string, string>, method: 'GET' | 'HEAD'): Promise<HttpAnswer> {
    if (this.active >= this.concurrency) await new Promise<void>((resolve) => this.waiting.push(resolve))
    this.active++
    const start = performance.now()
    this.stats.requests++
    try {
      return await this.transport({ url, method, headers, maxBytes: MAX_DOCUMENT_BYTES, timeoutMs: this.timeoutMs, allow: this.allow })
    } catch (err) {
      throw err instanceof NetworkError ? new RegistryError(err.message) : new RegistryError(`could not reach ${new URL(url).host}`)
    } finally {
      this.stats.ms += performance.now() - start
      this.active--
      this.waiting.shift()?.()
    }
  }
}

function reasonOf(err: unknown): string {
  return err instanceof RegistryError ? err.message : 'the registry answer could not be read'
}
