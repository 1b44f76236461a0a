/**
 * .dockerignore as Docker reads it (BuildKit's dockerignore.ReadAll, then moby/patternmatcher's
 * MatchesOrParentMatches), including `!` exceptions: the last pattern that matches a path, or
 * one of its parent folders, decides whether the path is in the build context.
 *
 * - A line starting with `#` is a comment; each other line is trimmed, cleaned like Go's
 *   filepath.Clean (`./a/`, `/a` and `a` are one pattern) and may start with `!`.
 * - `*` and `?` never cross `/`; `[...]` is a character class (`^` negates); `\` escapes the
 *   next character; `**` matches any number of folders, none included; a trailing `**` matches
 *   everything below. Matching is case-sensitive, as on Linux.
 *
 * Docker compiles patterns to RE2 regular expressions, which never backtrack; a JavaScript
 * RegExp built the same way can take minutes on a 60-character path (`*a*a*a*a*a*a*a*a*b`), so
 * the patterns are matched here by simulating their automaton: time linear in the path for each
 * pattern, whatever the input. Pure.
 */

/** A path longer than Linux's PATH_MAX cannot be in a build context: not checked. */
export const MAX_PATH = 4096
/** A larger .dockerignore is not read (real ones are a few KB): matching stays cheap. */
const MAX_TEXT = 65536

type Token =
  | { kind: 'literal'; char: string }
  /** `?`: one character other than `/`. */
  | { kind: 'one' }
  /** `*`: any run of characters other than `/`. */
  | { kind: 'star' }
  /** `**` before more of the pattern: any run of folders, none included. */
  | { kind: 'folders' }
  /** `**` at the end: anything at all. */
  | { kind: 'rest' }
  | { kind: 'class'; negated: boolean; ranges: [number, number][] }

/** Docker's shortcut kinds: exact, prefix and suffix are string comparisons, not automata. */
type MatchKind = 'exact' | 'prefix' | 'suffix' | 'automaton'

export interface IgnorePattern {
  /** The pattern as Docker uses it: cleaned, without its `!`. */
  pattern: string
  /** `!pattern`: puts matching paths back into the context. */
  exception: boolean
  /** 1-based line in the file. */
  line: number
  kind: MatchKind
  tokens: Token[]
}

export interface Dockerignore {
  patterns: IgnorePattern[]
}

export type ParsedDockerignore = { ok: true; ignore: Dockerignore } | { ok: false; reason: string }

/** Go's filepath.Clean for slash-separated paths. */
export function cleanPath(path: string): string {
  if (path === '') return '.'
  const rooted = path.startsWith('/')
  const out: string[] = []
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue
    if (part === '..') {
      if (out.length > 0 && out[out.length - 1] !== '..') out.pop()
      else if (!rooted) out.push('..')
      continue
    }
    out.push(part)
  }
  const joined = out.join('/')
  return rooted ? `/${joined}` : joined === '' ? '.' : joined
}

/** Characters of a class up to its `]`, as Go's filepath.Match reads them; null when malformed. */
function readClass(chars: readonly string[], start: number): { token: Token; end: number } | null {
  let i = start + 1
  let negated = false
  if (chars[i] === '^') {
    negated = true
    i++
  }
  const ranges: [number, number][] = []
  const escaped = (): number | null => {
    let c = chars[i]
    if (c === undefined || c === '-' || c === ']') return null
    if (c === '\\') {
      i++
      c = chars[i]
      if (c === undefined) return null
    }
    i++
    return c.codePointAt(0) as number
  }
  for (;;) {
    if (chars[i] === ']' && ranges.length > 0) return { token: { kind: 'class', negated, ranges }, end: i + 1 }
    const lo = escaped()
    if (lo === null || chars[i] === undefined) return null
    let hi = lo
    if (chars[i] === '-') {
      i++
      const h = escaped()
      if (h === null || chars[i] === undefined) return null
      hi = h
    }
    // RE2 refuses a range that runs backwards, so Docker refuses the pattern.
    if (hi < lo) return null
    ranges.push([lo, hi])
  }
}

/** The tokens and kind of a cleaned pattern, as moby/patternmatcher compiles it; null when malformed. */
function compile(pattern: string): { kind: MatchKind; tokens: Token[] } | null {
  const chars = [...pattern]
  const tokens: Token[] = []
  let kind: MatchKind = 'exact'
  for (let i = 0, n = 0; i < chars.length; n++) {
    const c = chars[i] as string
    if (c === '*') {
      if (chars[i + 1] === '*') {
        i += 2
        if (chars[i] === '/') i++
        if (i >= chars.length) {
          if (kind === 'exact') kind = 'prefix'
          else {
            tokens.push({ kind: 'rest' })
            kind = 'automaton'
          }
        } else {
          tokens.push({ kind: 'folders' })
          kind = 'automaton'
        }
        if (n === 0) kind = 'suffix'
        continue
      }
      tokens.push({ kind: 'star' })
      kind = 'automaton'
      i++
    } else if (c === '?') {
      tokens.push({ kind: 'one' })
      kind = 'automaton'
      i++
    } else if (c === '\\') {
      const next = chars[i + 1]
      // filepath.Match refuses a trailing backslash.
      if (next === undefined) return null
      tokens.push({ kind: 'literal', char: next })
      kind = 'automaton'
      i += 2
    } else if (c === '[') {
      const cls = readClass(chars, i)
      if (cls === null) return null
      tokens.push(cls.token)
      kind = 'automaton'
      i = cls.end
    } else {
      if (c === ']') kind = 'automaton'
      tokens.push({ kind: 'literal', char: c })
      i++
    }
  }
  return { kind, tokens }
}

export function parseDockerignore(text: string): ParsedDockerignore {
  if (text.length > MAX_TEXT) return { ok: false, reason: `larger than ${MAX_TEXT / 1024} KB` }
  const patterns: IgnorePattern[] = []
  const lines = text.replace(/^\uFEFF/, '').split('\n')
  for (let index = 0; index < lines.length; index++) {
    const raw = (lines[index] as string).replace(/\r$/, '')
    if (raw.startsWith('#')) continue
    let pattern = raw.trim()
    if (pattern === '') continue
    const exception = pattern.startsWith('!')
    if (exception) pattern = pattern.slice(1).trim()
    if (pattern !== '') {
      pattern = cleanPath(pattern)
      if (pattern.length > 1 && pattern.startsWith('/')) pattern = pattern.slice(1)
    }
    if (exception && pattern === '') return { ok: false, reason: `line ${index + 1}: "!" alone is not a pattern` }
    const compiled = compile(pattern)
    if (compiled === null) return { ok: false, reason: `line ${index + 1}: "${raw.trim()}" is not a valid pattern` }
    patterns.push({ pattern, exception, line: index + 1, ...compiled })
  }
  return { ok: true, ignore: { patterns } }
}

function tokenTakes(token: Token, c: string): boolean {
  switch (token.kind) {
    case 'literal':
      return token.char === c
    case 'one':
      return c !== '/'
    case 'class': {
      const code = c.codePointAt(0) as number
      return token.ranges.some(([lo, hi]) => code >= lo && code <= hi) !== token.negated
    }
    default:
      return false
  }
}

/**
 * The automaton of a pattern: state i is "before token i"; a `**` (folders) token also has an
 * inner state, "inside a run of folders", that leaves on a `/`. `run` feeds characters and says
 * after each one whether the whole pattern has matched so far.
 */
class Automaton {
  private at: Uint8Array
  private inside: Uint8Array
  constructor(private readonly tokens: readonly Token[]) {
    this.at = new Uint8Array(tokens.length + 1)
    this.inside = new Uint8Array(tokens.length)
    this.at[0] = 1
    this.close(this.at)
  }

  /** Follows the tokens that can match nothing (`*`, `**`). */
  private close(at: Uint8Array): void {
    for (let i = 0; i < this.tokens.length; i++) {
      const kind = (this.tokens[i] as Token).kind
      if (at[i] === 1 && (kind === 'star' || kind === 'folders' || kind === 'rest')) at[i + 1] = 1
    }
  }

  step(c: string): void {
    const at = new Uint8Array(this.tokens.length + 1)
    const inside = new Uint8Array(this.tokens.length)
    for (let i = 0; i < this.tokens.length; i++) {
      const token = this.tokens[i] as Token
      if (token.kind === 'folders') {
        if (this.at[i] === 1 || this.inside[i] === 1) {
          inside[i] = 1
          if (c === '/') at[i + 1] = 1
        }
        continue
      }
      if (this.at[i] !== 1) continue
      if (token.kind === 'star') {
        if (c !== '/') at[i] = 1
      } else if (token.kind === 'rest') at[i] = 1
      else if (tokenTakes(token, c)) at[i + 1] = 1
    }
    this.close(at)
    this.at = at
    this.inside = inside
  }

  get matched(): boolean {
    return this.at[this.tokens.length] === 1
  }

  /** Some continuation could still match. */
  get alive(): boolean {
    return this.at.some((s) => s === 1) || this.inside.some((s) => s === 1)
  }
}

/** Does the pattern match the path or one of its parent folders? (The path is cleaned, not `.`.) */
function matchesOrParent(p: IgnorePattern, path: string): boolean {
  const s = p.pattern
  switch (p.kind) {
    case 'exact':
      return path === s || path.startsWith(`${s}/`)
    case 'prefix':
      return path.startsWith(s.slice(0, -2))
    case 'suffix': {
      const suffix = s.slice(2)
      const hits = (candidate: string): boolean => candidate.endsWith(suffix) || (suffix.startsWith('/') && candidate === suffix.slice(1))
      if (hits(path)) return true
      for (let k = path.indexOf('/'); k >= 0; k = path.indexOf('/', k + 1)) if (hits(path.slice(0, k))) return true
      return false
    }
    case 'automaton': {
      const automaton = new Automaton(p.tokens)
      for (const c of path) {
        // A parent folder matches when the pattern has matched just before one of the path's `/`.
        if (c === '/' && automaton.matched) return true
        automaton.step(c)
        if (!automaton.alive) return false
      }
      return automaton.matched
    }
  }
}

/** Could the pattern match some path below the folder `dir` (a path starting with `dir/`)? */
function reachesBelow(p: IgnorePattern, dir: string): boolean {
  const below = `${dir}/`
  switch (p.kind) {
    case 'exact':
      return p.pattern.startsWith(below)
    case 'prefix': {
      const prefix = p.pattern.slice(0, -2)
      return prefix.startsWith(below) || below.startsWith(prefix)
    }
    case 'suffix':
      return true
    case 'automaton': {
      const automaton = new Automaton(p.tokens)
      for (const c of below) {
        automaton.step(c)
        if (!automaton.alive) return false
      }
      return true
    }
  }
}

export interface Exclusion {
  /** The pattern that decides (the last one that matches). */
  by: IgnorePattern
  /** A later `!` pattern may put back files below the path, when the path is a folder. */
  exceptionsBelow: boolean
}

/**
 * Whether a path of the build context (relative, `/`-separated) is left out of it, and by which
 * pattern; null when it is in the context. `.` (the whole context) is never left out, as in
 * Docker. Paths longer than MAX_PATH are not checked (null).
 */
export function exclusionOf(ignore: Dockerignore, path: string): Exclusion | null {
  const file = cleanPath(path)
  if (file === '.' || file.length > MAX_PATH) return null
  let decided: number | null = null
  ignore.patterns.forEach((p, i) => {
    // Only a pattern that could change the answer is tried (Docker skips the same way).
    if (p.exception !== (decided !== null)) return
    if (matchesOrParent(p, file)) decided = p.exception ? null : i
  })
  if (decided === null) return null
  const at: number = decided
  const exceptionsBelow = ignore.patterns.some((p, i) => i > at && p.exception && reachesBelow(p, file))
  return { by: ignore.patterns[at] as IgnorePattern, exceptionsBelow }
}

/** The last pattern that leaves out everything (`*`, `**` or `**` then `/*`), when no exception follows it. */
export function excludesEverything(ignore: Dockerignore): IgnorePattern | null {
  let all = -1
  ignore.patterns.forEach((p, i) => {
    if (!p.exception && (p.pattern === '*' || p.pattern === '**' || p.pattern === '**/*')) all = i
  })
  if (all < 0 || ignore.patterns.slice(all + 1).some((p) => p.exception)) return null
  return ignore.patterns[all] as IgnorePattern
}

/**
 * Patterns of literals, `*` and `**` only (no `?`, class or escaped wildcard): when one matches
 * the text of a glob whose wildcards are `*` and `?`, it matches every path the glob names.
 */
export function isSimple(p: IgnorePattern): boolean {
  return p.tokens.every((t) => t.kind === 'star' || t.kind === 'folders' || t.kind === 'rest' || (t.kind === 'literal' && t.char !== '*' && t.char !== '?' && t.char !== '['))
}

export { matchesOrParent as patternMatches }
