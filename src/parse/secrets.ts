/**
 * Which ARG/ENV names and values look like they hold secrets, and why. Names are split on `_`
 * (BuildKit's word list); values are judged only to tell public material (URLs, paths, GPG
 * fingerprints) from real credentials (known token prefixes, long random strings). Values are
 * never quoted back: a finding says what made it look secret, not the secret.
 */

const SENSITIVE = new Set(['apikey', 'auth', 'credential', 'credentials', 'key', 'password', 'pword', 'passwd', 'secret', 'token'])
/**
 * BuildKit exempts public, file and version. GPG/PGP key ids and fingerprints are public too
 * (GPG_KEY in the official images); url, path, dir, host, … name where a secret is, not the
 * secret (GPG_KEY_URL, SSL_KEY_PATH); name, type, ttl, … describe it (KEY_NAME, AUTH_TYPE, TOKEN_TTL).
 */
const EXEMPT = new Set([
  'public', 'pub', 'file', 'files', 'version', 'gpg', 'pgp', 'fingerprint',
  'url', 'uri', 'path', 'dir', 'host', 'endpoint', 'server',
  'name', 'type', 'header', 'ttl', 'timeout', 'expiry', 'length', 'size', 'enabled', 'disabled', 'required'
])
/** Words whose value is the secret itself, so even a number is one (`REDIS_PASSWORD=123456`). */
const SECRET_ITSELF = new Set(['password', 'pword', 'passwd', 'secret', 'token', 'apikey'])

const words = (name: string): string[] => name.toLowerCase().split('_')

/** A sensitive word among the name's `_`-separated parts, exemptions not considered. */
export function hasSecretWord(name: string): boolean {
  return words(name).some((t) => SENSITIVE.has(t))
}

/** Secret-looking by name as the secrets-in-arg-env rule judges it: a sensitive word and no exempt one. */
export function looksSecret(name: string): boolean {
  const tokens = words(name)
  return tokens.some((t) => SENSITIVE.has(t)) && !tokens.some((t) => EXEMPT.has(t))
}

/**
 * .NET hierarchical configuration (`Section__0__Key=ProcessId` next to `Section__0__Value=1`):
 * `Key` is the name half of a key/value pair, not a secret.
 */
export function isConfigPairKey(name: string, siblings: ReadonlySet<string>): boolean {
  const cut = name.lastIndexOf('__')
  if (cut < 0 || name.slice(cut + 2).toLowerCase() !== 'key') return false
  const prefix = name.slice(0, cut)
  if (hasSecretWord(prefix.replace(/__/g, '_'))) return false
  return ['__Value', '__value', '__VALUE'].some((v) => siblings.has(prefix + v))
}

const URL_VALUE = /^[a-z][a-z0-9+.-]*:\/\//i
/** `scheme://user:password@host`: a URL that carries a credential. */
const URL_WITH_PASSWORD = /^[a-z][a-z0-9+.-]*:\/\/[^/@\s:]*:[^/@\s]+@/i
const PATH = /^(?:\/|\.\.?\/|~\/|[A-Za-z]:\\)/
const FLAG = /^(?:true|false|yes|no|on|off|none|null|nil)$/i
const NUMBER = /^-?\d+(?:\.\d+)*$/
const HEX = /^[0-9A-Fa-f]+$/

/** Name words of signing keys, whose values are key ids (`RELEASE_KEY`, `SIGNING_KEYS`, `KEYSERVER_KEY`). */
const SIGNING_WORDS = new Set(['signing', 'release', 'releases', 'maintainer', 'maintainers', 'keyserver', 'keyring', 'keyid', 'keys'])

/**
 * One or more GPG key ids or fingerprints. The 4-digit groups gpg prints and `0x` key ids are
 * unmistakable; bare 40- or 16-digit hex only under a signing-key name, since API keys and
 * licence keys are often 40 hex digits too.
 */
function isFingerprintList(name: string, value: string): boolean {
  const raw = value.split(/[\s,]+/).filter((p) => p !== '')
  const parts = raw.map((p) => (p.startsWith('0x') ? p.slice(2) : p))
  if (parts.length === 0 || !parts.every((p) => HEX.test(p))) return false
  if (parts.every((p) => p.length === 4)) return parts.length % 10 === 0
  if (!parts.every((p) => p.length === 40 || p.length === 16)) return false
  return raw.every((p) => p.startsWith('0x')) || words(name).some((t) => SIGNING_WORDS.has(t))
}

/**
 * Whether a value is public material whatever its name says: a URL without a password in it,
 * a path, a flag, a number (unless the name says password, token or secret), or (when `key`
 * is the only sensitive word) GPG key ids and fingerprints.
 */
export function isPublicValue(name: string, value: string): boolean {
  const v = value.trim()
  if (URL_VALUE.test(v)) return !URL_WITH_PASSWORD.test(v)
  if (PATH.test(v) || FLAG.test(v)) return true
  const sensitive = words(name).filter((t) => SENSITIVE.has(t))
  if (NUMBER.test(v)) return !sensitive.some((t) => SECRET_ITSELF.has(t))
  return sensitive.every((t) => t === 'key') && v.length <= 4096 && isFingerprintList(name, v)
}

/** Token formats that are credentials whatever the variable is called. */
const KNOWN_TOKENS: readonly [RegExp, string][] = [
  [/^gh[pousr]_[A-Za-z0-9]{36,}$/, 'a GitHub token (ghp_…)'],
  [/^github_pat_[A-Za-z0-9_]{22,}$/, 'a GitHub token (github_pat_…)'],
  [/^glpat-[A-Za-z0-9_-]{20,}$/, 'a GitLab token (glpat-…)'],
  [/^(?:AKIA|ASIA)[0-9A-Z]{16}$/, 'an AWS access key id (AKIA…)'],
  [/^xox[abposr]-[A-Za-z0-9-]{10,}$/, 'a Slack token (xox…)'],
  [/^(?:sk|rk)_live_[A-Za-z0-9]{20,}$/, 'a Stripe secret key (sk_live_…)'],
  [/^sk-(?:proj-|ant-)?[A-Za-z0-9_-]{20,}$/, 'an API secret key (sk-…)'],
  [/^AIza[0-9A-Za-z_-]{35}$/, 'a Google API key (AIza…)'],
  [/^npm_[A-Za-z0-9]{36}$/, 'an npm token (npm_…)'],
  [/^pypi-[A-Za-z0-9_-]{50,}$/, 'a PyPI token (pypi-…)'],
  [/^SG\.[A-Za-z0-9_-]{16,}\.[A-Za-z0-9_-]{16,}$/, 'a SendGrid key (SG.…)'],
  [/^eyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]*$/, 'a JSON web token (eyJ…)'],
  [/^-----BEGIN (?:[A-Z]+ )*PRIVATE KEY-----/, 'a private key (-----BEGIN … PRIVATE KEY-----)']
]

/** What a value looks like when it has a known credential format, or null. */
export function knownCredential(value: string): string | null {
  const v = value.trim()
  if (v.length < 16) return null
  for (const [format, what] of KNOWN_TOKENS) if (format.test(v.slice(0, 4096))) return what
  return null
}

const TOKEN_CHARS = /^[A-Za-z0-9+/=_.~-]+$/

/**
 * A long random-looking string: 16 to 512 token characters mixing letters and digits, with
 * enough distinct characters (Shannon entropy ≥ 3 bits per character) to be generated rather
 * than typed. Versions, words and paths fail one of these.
 */
export function looksRandom(value: string): boolean {
  const v = value.trim()
  // `1.2.3-alpine3.20` is a version, not a token.
  if (v.length < 16 || v.length > 512 || !TOKEN_CHARS.test(v) || URL_VALUE.test(v) || PATH.test(v) || /\d\.\d/.test(v)) return false
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/].filter((c) => c.test(v)).length
  if (classes < 2 || !/[0-9]/.test(v)) return false
  const counts = new Map<string, number>()
  for (const c of v) counts.set(c, (counts.get(c) ?? 0) + 1)
  let entropy = 0
  for (const n of counts.values()) entropy -= (n / v.length) * Math.log2(n / v.length)
  return entropy >= 3
}
