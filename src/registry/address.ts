/**
 * Which addresses a registry look-up may connect to. A FROM line chooses the host, so a pull
 * request could otherwise make the runner fetch from its own loopback, the private network or a
 * cloud metadata endpoint (SSRF). Loopback, private, link-local, shared (CGNAT), reserved and
 * metadata addresses are refused unless `registry-allow` lists the host or the address.
 */
import { BlockList, isIP } from 'node:net'

/** Cloud metadata endpoints: allowed only when listed exactly, never through a range. */
const METADATA = new Set(['169.254.169.254', '169.254.170.2', '100.100.100.200', 'fd00:ec2::254'])

/** Ranges a public registry never lives in. */
const INTERNAL = new BlockList()
for (const [net, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4]
] as const)
  INTERNAL.addSubnet(net, prefix, 'ipv4')
for (const [net, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8]
] as const)
  INTERNAL.addSubnet(net, prefix, 'ipv6')

/** `::ffff:127.0.0.1` → `127.0.0.1`: a mapped IPv4 address is judged as the IPv4 address it is. */
export function normaliseAddress(address: string): string {
  const bare = address.replace(/^\[|\]$/g, '').toLowerCase()
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(bare)
  return mapped?.[1] ?? bare
}

/** Whether an address is one a registry look-up refuses by default. */
export function isInternalAddress(address: string): boolean {
  const a = normaliseAddress(address)
  const family = isIP(a)
  if (family === 0) return true
  return METADATA.has(a) || INTERNAL.check(a, family === 4 ? 'ipv4' : 'ipv6')
}

interface AllowEntry {
  /** A host name as written in FROM (lower case), or null for an address entry. */
  name: string | null
  /** An address or range, for an address entry. */
  range: BlockList | null
  exact: string | null
  port: string | null
}

/** `registry-allow` / `registry-allow:` — hosts, host:port, addresses and CIDR ranges the look-up may ask although they are internal. */
export class AllowList {
  private readonly entries: AllowEntry[]

  constructor(entries: readonly string[]) {
    this.entries = entries.map(parseAllowEntry)
  }

  get size(): number {
    return this.entries.length
  }

  /** Whether a connection to `address` for `host[:port]` (as written in FROM) is allowed. */
  allows(host: string, port: string | null, address: string): boolean {
    const a = normaliseAddress(address)
    if (!isInternalAddress(a)) return true
    const name = host.replace(/^\[|\]$/g, '').toLowerCase()
    return this.entries.some((e) => {
      if (e.port !== null && e.port !== port) return false
      if (e.name !== null) return e.name === name
      if (e.exact !== null) return e.exact === a
      // A range never opens a metadata endpoint: that one must be listed by itself.
      return !METADATA.has(a) && e.range !== null && e.range.check(a, isIP(a) === 4 ? 'ipv4' : 'ipv6')
    })
  }
}

export class AllowListError extends Error {}

/** `127.0.0.1`, `127.0.0.1:5000`, `[::1]:5000`, `registry.internal`, `localhost:5000`, `10.0.0.0/8`, `fd00::/8`. */
export function parseAllowEntry(raw: string): AllowEntry {
  const text = raw.trim().toLowerCase()
  const cidr = /^([0-9a-f:.]+)\/(\d{1,3})$/.exec(text)
  if (cidr !== null) {
    const family = isIP(cidr[1] as string)
    const prefix = Number(cidr[2])
    if (family === 0 || prefix > (family === 4 ? 32 : 128)) throw new AllowListError(`"${raw}" is not a valid address range`)
    const range = new BlockList()
    range.addSubnet(cidr[1] as string, prefix, family === 4 ? 'ipv4' : 'ipv6')
    return { name: null, range, exact: null, port: null }
  }
  const bracketed = /^\[([0-9a-f:.]+)\](?::(\d+))?$/.exec(text)
  if (bracketed !== null) {
    if (isIP(bracketed[1] as string) !== 6) throw new AllowListError(`"${raw}" is not a valid IPv6 address`)
    return { name: null, range: null, exact: normaliseAddress(bracketed[1] as string), port: bracketed[2] ?? null }
  }
  if (isIP(text) === 6) return { name: null, range: null, exact: normaliseAddress(text), port: null }
  const m = /^([a-z0-9.-]+)(?::(\d{1,5}))?$/.exec(text)
  if (m === null || (m[1] as string).startsWith('.') || (m[1] as string).endsWith('.')) throw new AllowListError(`"${raw}" is not a host, host:port, address or address range`)
  const host = m[1] as string
  const port = m[2] ?? null
  return isIP(host) === 4 ? { name: null, range: null, exact: host, port } : { name: host, range: null, exact: null, port }
}

/**
 * Where a registry's blobs may be fetched from after a redirect, besides the registry's own host
 * (over HTTPS): the CDNs the big registries document for their firewall allow-lists.
 */
const BLOB_CDNS: readonly { registry: RegExp; cdn: RegExp }[] = [
  { registry: /^registry-1\.docker\.io$/, cdn: /^(?:production\.cloudflare\.docker\.com|[a-z0-9-]+\.r2\.cloudflarestorage\.com)$/ },
  { registry: /^ghcr\.io$/, cdn: /^pkg-containers\.githubusercontent\.com$/ },
  { registry: /^quay\.io$/, cdn: /^cdn\d*\.quay\.io$/ },
  { registry: /^mcr\.microsoft\.com$/, cdn: /^[a-z0-9-]+\.data\.mcr\.microsoft\.com$/ },
  { registry: /^(?:[a-z0-9-]+\.)?gcr\.io$|\.pkg\.dev$/, cdn: /^storage\.googleapis\.com$/ },
  { registry: /\.amazonaws\.com$|^public\.ecr\.aws$/, cdn: /^[a-z0-9-]+\.s3(?:[.-][a-z0-9-]+)?\.amazonaws\.com$/ }
]

/** Whether a redirect from the registry `host` to `target` may be followed. */
export function redirectAllowed(registryHost: string, target: URL): boolean {
  if (target.protocol !== 'https:') return false
  const from = hostName(registryHost)
  const to = target.hostname.toLowerCase()
  if (to === from) return true
  return BLOB_CDNS.some((c) => c.registry.test(from) && c.cdn.test(to))
}

/** Token servers a registry is known to use on another host. */
const AUTH_PAIRS: Readonly<Record<string, readonly string[]>> = {
  'registry-1.docker.io': ['auth.docker.io']
}

/** Whether Basic credentials for `registryHost` may be sent to the token realm `realm`. */
export function credentialsMayGoTo(registryHost: string, realm: URL, plainHttpAllowed: boolean): boolean {
  if (realm.protocol !== 'https:' && !(plainHttpAllowed && realm.protocol === 'http:')) return false
  const from = hostName(registryHost)
  const to = realm.hostname.toLowerCase()
  return to === from || (AUTH_PAIRS[from] ?? []).includes(to)
}

/** `127.0.0.1:5000` → `127.0.0.1`; `[::1]:5000` → `::1`. */
export function hostName(host: string): string {
  const bracketed = /^\[([^\]]+)\]/.exec(host)
  if (bracketed !== null) return (bracketed[1] as string).toLowerCase()
  return host.replace(/:\d+$/, '').toLowerCase()
}

export function hostPort(host: string): string | null {
  return /^(?:\[[^\]]+\]|[^:]+):(\d+)$/.exec(host)?.[1] ?? null
}
