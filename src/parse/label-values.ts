/**
 * What a label value of each of hadolint's label-schema types must look like: a URI (RFC 3986),
 * an RFC 3339 time, an SPDX license expression, a git commit hash, a semantic version, an email
 * address (RFC 5322). Pure, and linear in the value: character scans and anchored regular
 * expressions without nested repetition, so a 1 MB label cannot make them backtrack.
 */
import { SPDX_LICENSE_IDS } from './spdx-licenses.js'

/** hadolint's label types (`label-schema`), in its order. */
export const LABEL_TYPES = ['text', 'url', 'email', 'hash', 'rfc3339', 'semver', 'spdx'] as const
export type LabelType = (typeof LABEL_TYPES)[number]

const SCHEME = /^[A-Za-z][A-Za-z0-9+.-]*$/
// RFC 3986's unreserved and reserved characters; `%` must start a percent-encoded octet.
const URI_CHARS = /^[A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=%]*$/

/** An absolute URI (RFC 3986): a scheme, a colon, and URI characters after it (`https://example.com/x`). */
export function isUri(value: string): boolean {
  const colon = value.indexOf(':')
  if (colon <= 0 || colon === value.length - 1) return false
  if (!SCHEME.test(value.slice(0, colon))) return false
  const rest = value.slice(colon + 1)
  if (!URI_CHARS.test(rest)) return false
  for (let i = rest.indexOf('%'); i >= 0; i = rest.indexOf('%', i + 1)) if (!/^[0-9A-Fa-f]{2}$/.test(rest.slice(i + 1, i + 3))) return false
  return true
}

const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2}):(\d{2})(?:\.\d+)?(?:[Zz]|[+-](\d{2}):(\d{2}))$/

/** An RFC 3339 date-time (`2024-05-01T12:00:00Z`, `2024-05-01 12:00:00.5+02:00`): the fields in range. */
export function isRfc3339(value: string): boolean {
  const m = DATE_TIME.exec(value)
  if (m === null) return false
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map(Number) as [number, number, number, number, number, number]
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
  if (days === undefined || day < 1 || day > days || hour > 23 || minute > 59 || second > 60) return false
  return m[7] === undefined || (Number(m[7]) <= 23 && Number(m[8]) <= 59)
}

const SEMVER = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-((?:0|[1-9]\d*|\d*[A-Za-z-][0-9A-Za-z-]*)(?:\.(?:0|[1-9]\d*|\d*[A-Za-z-][0-9A-Za-z-]*))*))?(?:\+([0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*))?$/

/** A semantic version (semver.org 2.0.0): `1.2.3`, `1.0.0-rc.1`, `2.0.0+build.5`; not `v1.2.3` or `1.2`. */
export function isSemver(value: string): boolean {
  return value.length <= 256 && SEMVER.test(value)
}

/** A git commit hash: 7 to 40 hex digits (abbreviations grow past 7 in large repositories), or 64 (SHA-256 repositories). */
export function isGitHash(value: string): boolean {
  return (value.length >= 7 && value.length <= 40) || value.length === 64 ? /^[0-9a-fA-F]+$/.test(value) : false
}

const ATOM = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+$/
const DOMAIN_LABEL = /^[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?$/

function dotAtom(text: string): boolean {
  return text.split('.').every((part) => ATOM.test(part))
}

/** `local@domain` (RFC 5322 addr-spec): a dot-atom or quoted local part, a domain name or an address literal. */
function isAddrSpec(value: string): boolean {
  const at = value.lastIndexOf('@')
  if (at <= 0 || at === value.length - 1) return false
  const local = value.slice(0, at)
  const domain = value.slice(at + 1)
  const localOk = local.startsWith('"') ? local.length >= 2 && local.endsWith('"') && !/["\\\r\n]/.test(local.slice(1, -1)) : dotAtom(local)
  const domainOk = domain.startsWith('[') ? domain.endsWith(']') : domain.length <= 253 && domain.split('.').every((label) => label.length <= 63 && DOMAIN_LABEL.test(label))
  return localOk && domainOk
}

/** An email address (RFC 5322): `team@example.com`, or a mailbox with a display name, `Jane Doe <jane@example.com>`. */
export function isEmail(value: string): boolean {
  const open = value.lastIndexOf('<')
  if (open >= 0 && value.endsWith('>')) return value.slice(0, open).trim().length > 0 && !/[<>@]/.test(value.slice(0, open)) && isAddrSpec(value.slice(open + 1, -1))
  return isAddrSpec(value)
}

const IDSTRING = /^[A-Za-z0-9.-]+$/
const LOWER_IDS = new Set([...SPDX_LICENSE_IDS].map((id) => id.toLowerCase()))

/** One license of an expression: a listed id (optionally `+`), or a `LicenseRef-…`/`DocumentRef-…:LicenseRef-…` of one's own. */
function isLicense(word: string): boolean {
  if (/^(?:DocumentRef-[A-Za-z0-9.-]+:)?LicenseRef-[A-Za-z0-9.-]+$/.test(word)) return true
  const id = word.endsWith('+') ? word.slice(0, -1) : word
  return IDSTRING.test(id) && LOWER_IDS.has(id.toLowerCase())
}

/**
 * An SPDX license expression (SPDX spec annex D): licenses joined by AND and OR, in parentheses,
 * each optionally `WITH` an exception (any well-formed exception id is taken), or NONE / NOASSERTION.
 * Ids are matched without regard to case, as the spec says.
 */
export function isSpdxExpression(value: string): boolean {
  const tokens = value.replace(/[()]/g, ' $& ').trim().split(/\s+/)
  // No real expression has hundreds of parts; a cap keeps the recursion shallow on a hostile value.
  if (tokens.length > 200) return false
  if (tokens.length === 1 && (tokens[0] === 'NONE' || tokens[0] === 'NOASSERTION')) return true
  let at = 0
  const peek = (): string | undefined => tokens[at]
  // expression := term (('AND' | 'OR') term)*; term := '(' expression ')' | license ['WITH' exception]
  const term = (): boolean => {
    const word = tokens[at++]
    if (word === undefined) return false
    if (word === '(') return expression() && tokens[at++] === ')'
    if (!isLicense(word)) return false
    if (peek()?.toUpperCase() === 'WITH') {
      at++
      const exception = tokens[at++]
      return exception !== undefined && IDSTRING.test(exception)
    }
    return true
  }
  const expression = (): boolean => {
    if (!term()) return false
    while (peek() !== undefined && ['AND', 'OR'].includes((peek() as string).toUpperCase())) {
      at++
      if (!term()) return false
    }
    return true
  }
  return tokens.length > 0 && tokens[0] !== '' && expression() && at === tokens.length
}

/** Whether a literal value is of the type; `text` takes anything. */
export function valueIsOfType(type: LabelType, value: string): boolean {
  switch (type) {
    case 'text':
      return true
    case 'url':
      return isUri(value)
    case 'email':
      return isEmail(value)
    case 'hash':
      return isGitHash(value)
    case 'rfc3339':
      return isRfc3339(value)
    case 'semver':
      return isSemver(value)
    case 'spdx':
      return isSpdxExpression(value)
  }
}
