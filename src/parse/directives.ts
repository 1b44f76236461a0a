/** Parser directives at the top of a file: `syntax`, `escape` and BuildKit's `check`. */
import type { CheckDirective } from '../model/dockerfile.js'

export type CheckParse = { ok: true; check: CheckDirective } | { ok: false; message: string }

function names(value: string): string[] | 'all' {
  const list = value
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '')
  return list.some((s) => s.toLowerCase() === 'all') ? 'all' : list
}

/**
 * `skip=A,B;error=true;experimental=C`. BuildKit rejects unknown keys and reads at most
 * three parts; text after the first space is a comment.
 */
export function parseCheckDirective(value: string, line: number): CheckParse {
  const check: CheckDirective = { line, skip: [], error: false, experimental: [] }
  const body = value.trim().split(/[ \t]/, 1)[0] ?? ''
  const parts = body.split(';').filter((p) => p !== '')
  if (parts.length > 3) return { ok: false, message: `check directive has ${parts.length} parts; at most 3 (skip, error, experimental) are allowed` }
  for (const part of parts) {
    const eq = part.indexOf('=')
    const key = (eq < 0 ? part : part.slice(0, eq)).trim().toLowerCase()
    const val = eq < 0 ? '' : part.slice(eq + 1).trim()
    if (key === 'skip') check.skip = names(val)
    else if (key === 'experimental') check.experimental = names(val)
    else if (key === 'error') {
      const lower = val.toLowerCase()
      if (lower !== 'true' && lower !== 'false') return { ok: false, message: `check directive: error must be true or false, not "${val}"` }
      check.error = lower === 'true'
    } else return { ok: false, message: `check directive: unknown key "${key}" (expected skip, error or experimental)` }
  }
  return { ok: true, check }
}
