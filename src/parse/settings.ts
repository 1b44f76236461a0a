/**
 * Values of settings that both the configuration file and the action's inputs take: sizes
 * (`300MB`), and the hosts, addresses and ranges of `registry-allow`.
 */

const UNITS: Readonly<Record<string, number>> = { b: 1, kb: 1e3, mb: 1e6, gb: 1e9, kib: 1024, mib: 1024 ** 2, gib: 1024 ** 3 }

/** `300MB`, `1.5 GB`, `500MiB`, `120000000` (bytes) → bytes; null when it is not a size. */
export function parseSize(text: string): number | null {
  const m = /^\s*(\d+(?:\.\d+)?)\s*([kmg]i?b|b)?\s*$/i.exec(text)
  if (m === null) return null
  const bytes = Number(m[1]) * (UNITS[(m[2] ?? 'b').toLowerCase()] ?? 1)
  return Number.isFinite(bytes) ? Math.round(bytes) : null
}

/** `45.2 MB`, `812 B`: bytes as the summaries write them (decimal units, as registries do). */
export function formatBytes(bytes: number): string {
  if (Math.abs(bytes) < 1000) return `${bytes} B`
  if (Math.abs(bytes) < 1e6) return `${(bytes / 1e3).toFixed(1)} kB`
  return `${(bytes / 1e6).toFixed(1)} MB`
}

const IPV4 = /^(?:(?:25[0-5]|2[0-4]\d|1?\d?\d)\.){3}(?:25[0-5]|2[0-4]\d|1?\d?\d)$/
const IPV6 = /^[0-9a-f:.]*:[0-9a-f:.]*$/i
const NAME = /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*$/i

/**
 * Why a `registry-allow` entry is not one, or null: a host (`registry.internal`), host:port
 * (`localhost:5000`), an address (`127.0.0.1`, `[::1]:5000`, `fd00::1`) or a range (`10.0.0.0/8`).
 */
export function allowEntryProblem(entry: string): string | null {
  const text = entry.trim()
  if (text === '') return 'an empty entry'
  const cidr = /^([^/]+)\/(\d{1,3})$/.exec(text)
  if (cidr !== null) {
    const v4 = IPV4.test(cidr[1] as string)
    if (!v4 && !IPV6.test(cidr[1] as string)) return `"${text}" is not an address range (e.g. 10.0.0.0/8)`
    return Number(cidr[2]) > (v4 ? 32 : 128) ? `"${text}" has a prefix longer than the address` : null
  }
  const bracketed = /^\[([^\]]+)\](?::(\d{1,5}))?$/.exec(text)
  if (bracketed !== null) return IPV6.test(bracketed[1] as string) ? null : `"${text}" is not an IPv6 address`
  if (IPV6.test(text) && text.split(':').length > 2) return null
  const m = /^([^:]+)(?::(\d{1,5}))?$/.exec(text)
  if (m === null || !(IPV4.test(m[1] as string) || NAME.test(m[1] as string))) return `"${text}" is not a host, host:port, address or address range`
  return null
}
