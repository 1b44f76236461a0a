import type { Binding, VariableScope } from '../model/dockerfile.js'
/**
 * Variables as BuildKit sees them: ARG and ENV bindings in scope, and the expansion it
 * applies to non-RUN instructions ($VAR, ${VAR}, ${VAR:-x}, ${VAR:+x}, ...), with quote
 * removal. Pure and linear in the input: a single left-to-right scan, no regular expressions
 * that could backtrack.
 */

/**
 * All bindings ever made along one line of instructions, each with the version it was made at.
 * A scope is (table, version): it sees the bindings made at or before its version. Extending
 * the newest scope appends in place (O(1)); extending an older one (a second stage built FROM
 * the same stage) first copies what that scope sees. So 20,000 ENV lines cost 20,000 appends,
 * not 20,000 copies of a growing map.
 */
class BindingTable {
  readonly entries = new Map<string, { versions: number[]; bindings: Binding[] }>()
  version = 0
  constructor(readonly frozen = false) {}
}

class VersionedScope implements VariableScope {
  constructor(
    readonly table: BindingTable,
    readonly version: number
  ) {}

  get(name: string): Binding | undefined {
    const entry = this.table.entries.get(name)
    if (entry === undefined) return undefined
    const { versions, bindings } = entry
    let hi = versions.length - 1
    if ((versions[hi] as number) <= this.version) return bindings[hi]
    let lo = 0
    if ((versions[0] as number) > this.version) return undefined
    // The last binding made at or before this version.
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1
      if ((versions[mid] as number) <= this.version) lo = mid
      else hi = mid - 1
    }
    return bindings[lo]
  }

  has(name: string): boolean {
    return this.get(name) !== undefined
  }

  keys(): string[] {
    const names: string[] = []
    for (const [name, entry] of this.table.entries) if ((entry.versions[0] as number) <= this.version) names.push(name)
    return names
  }
}

export const EMPTY_SCOPE: VariableScope = new VersionedScope(new BindingTable(true), 0)

/**
 * BuildKit's automatic platform ARGs, with the values of a default builder on a GitHub-hosted
 * runner (linux/amd64), so `FROM base-$TARGETOS` finds its stage. They are in the global scope
 * (usable in FROM) and inside a stage after `ARG NAME`; `--build-arg` may override them here.
 * TARGETSTAGE depends on the build, so it has no value.
 */
export const PLATFORM_ARG_VALUES: Readonly<Record<string, string | null>> = {
  BUILDPLATFORM: 'linux/amd64',
  BUILDOS: 'linux',
  BUILDARCH: 'amd64',
  BUILDVARIANT: '',
  TARGETPLATFORM: 'linux/amd64',
  TARGETOS: 'linux',
  TARGETARCH: 'amd64',
  TARGETVARIANT: '',
  TARGETSTAGE: null
}

export const PLATFORM_ARGS: readonly string[] = Object.keys(PLATFORM_ARG_VALUES)

/** Build args BuildKit accepts without an ARG declaration (proxies and BuildKit switches). */
export const PREDEFINED_ARGS: readonly string[] = [
  'HTTP_PROXY',
  'http_proxy',
  'HTTPS_PROXY',
  'https_proxy',
  'FTP_PROXY',
  'ftp_proxy',
  'NO_PROXY',
  'no_proxy',
  'ALL_PROXY',
  'all_proxy'
]

/** The scope after one more binding; `scope` itself is unchanged. */
export function withBinding(scope: VariableScope, name: string, binding: Binding): VariableScope {
  let table: BindingTable
  if (scope instanceof VersionedScope && !scope.table.frozen && scope.table.version === scope.version) table = scope.table
  else {
    // Not the newest scope of its table: start a table with what this scope sees.
    table = new BindingTable()
    for (const key of scope.keys()) {
      const b = scope.get(key) as Binding
      table.entries.set(key, { versions: [0], bindings: [b] })
    }
  }
  table.version++
  const entry = table.entries.get(name)
  if (entry === undefined) table.entries.set(name, { versions: [table.version], bindings: [binding] })
  else {
    entry.versions.push(table.version)
    entry.bindings.push(binding)
  }
  return new VersionedScope(table, table.version)
}

export interface Expansion {
  value: string
  /** Names referenced with no value in scope (and no default in the expression). */
  unresolved: string[]
  /** True when something could not be expanded as written (e.g. an unterminated `${`). */
  malformed: boolean
}

interface ExpandState {
  scope: VariableScope
  escape: string
  unresolved: string[]
  malformed: boolean
}

const isNameStart = (c: string): boolean => (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c === '_'
const isNameChar = (c: string): boolean => isNameStart(c) || (c >= '0' && c <= '9')

/**
 * Expands variables in one word and removes quotes, like BuildKit's shell lexer for
 * COPY/ADD/ENV/ARG/FROM/WORKDIR/USER/... arguments.
 */
export function expandWord(text: string, scope: VariableScope, escape = '\\', removeQuotes = true): Expansion {
  const state: ExpandState = { scope, escape, unresolved: [], malformed: false }
  const value = expandText(text, state, removeQuotes)
  return { value, unresolved: dedupe(state.unresolved), malformed: state.malformed }
}

/** The names a piece of text references, whether or not they are in scope. */
/**
 * `text` with each `$NAME` and `${…}` reference (nested braces included) replaced by `by`:
 * `base-${VARIANT}` → `base-*` with `*`, → `base-` with ''. Linear scan.
 */
export function replaceReferences(text: string, by: string): string {
  let out = ''
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string
    // A `$` that starts no reference (`a$`, `$ `) is text.
    if (c !== '$' || !(text[i + 1] === '{' || /\w/.test(text[i + 1] ?? ''))) {
      out += c
      continue
    }
    if (text[i + 1] === '{') {
      let depth = 0
      let j = i + 1
      for (; j < text.length; j++) {
        if (text[j] === '{') depth++
        else if (text[j] === '}' && --depth === 0) break
      }
      i = j
    } else {
      while (i + 1 < text.length && /\w/.test(text[i + 1] as string)) i++
    }
    out += by
  }
  return out
}

export function referencedNames(text: string): string[] {
  const names: string[] = []
  // Jump from one `$` to the next: most text has none.
  for (let i = text.indexOf('$'); i >= 0; i = text.indexOf('$', i + 1)) {
    const next = text[i + 1] ?? ''
    if (next === '{') {
      let j = i + 2
      while (j < text.length && isNameChar(text[j] as string)) j++
      if (j > i + 2) names.push(text.slice(i + 2, j))
    } else if (isNameStart(next)) {
      let j = i + 1
      while (j < text.length && isNameChar(text[j] as string)) j++
      names.push(text.slice(i + 1, j))
    }
  }
  return dedupe(names)
}

/**
 * The names a text uses without a fallback: `$X`, `${X}`, `${X#pre}`..., but not `${X:-default}`,
 * `${X-default}`, `${X:+alt}` or `${X:?message}`, whose author already handles an unset X.
 */
export function unguardedNames(text: string): string[] {
  const names: string[] = []
  for (let i = text.indexOf('$'); i >= 0; i = text.indexOf('$', i + 1)) {
    const next = text[i + 1] ?? ''
    if (next === '{') {
      let j = i + 2
      while (j < text.length && isNameChar(text[j] as string)) j++
      const after = text[j] ?? ''
      const guarded = after === '-' || after === '+' || after === '?' || after === '=' || after === ':'
      if (j > i + 2 && !guarded) names.push(text.slice(i + 2, j))
    } else if (isNameStart(next)) {
      let j = i + 1
      while (j < text.length && isNameChar(text[j] as string)) j++
      names.push(text.slice(i + 1, j))
    }
  }
  return dedupe(names)
}

function dedupe(names: string[]): string[] {
  return names.length < 2 ? names : [...new Set(names)]
}

function lookup(name: string, state: ExpandState): string | null {
  const binding = state.scope.get(name)
  return binding === undefined ? null : binding.value
}

function expandText(text: string, state: ExpandState, removeQuotes: boolean): string {
  let out = ''
  let quote: '' | '"' | "'" = ''
  let i = 0
  while (i < text.length) {
    const c = text[i] as string
    if (quote === "'") {
      if (c === "'") {
        quote = ''
        if (!removeQuotes) out += c
      } else out += c
      i++
      continue
    }
    if (c === state.escape && i + 1 < text.length) {
      const next = text[i + 1] as string
      // Inside double quotes only the special characters are escapable, as in a shell.
      if (quote === '"' && next !== '"' && next !== '$' && next !== state.escape) {
        out += c + next
      } else {
        out += removeQuotes ? next : c + next
      }
      i += 2
      continue
    }
    if (c === '"' || c === "'") {
      if (quote === '' ) quote = c
      else if (quote === c) quote = ''
      else {
        out += c
        i++
        continue
      }
      if (!removeQuotes) out += c
      i++
      continue
    }
    if (c === '$') {
      const consumed = expandDollar(text, i, state)
      out += consumed.value
      i = consumed.end
      continue
    }
    out += c
    i++
  }
  return out
}

/** Expands the `$...` at `start`; returns the text and the index after it. */
function expandDollar(text: string, start: number, state: ExpandState): { value: string; end: number } {
  const next = text[start + 1] ?? ''
  if (isNameStart(next)) {
    let j = start + 1
    while (j < text.length && isNameChar(text[j] as string)) j++
    const name = text.slice(start + 1, j)
    const value = lookup(name, state)
    if (value === null) state.unresolved.push(name)
    return { value: value ?? '', end: j }
  }
  if (next !== '{') return { value: '$', end: start + 1 }

  let j = start + 2
  while (j < text.length && isNameChar(text[j] as string)) j++
  const name = text.slice(start + 2, j)
  const close = findClosingBrace(text, j, state.escape)
  if (name === '' || close < 0) {
    state.malformed = true
    return { value: text.slice(start), end: text.length }
  }
  const value = lookup(name, state)
  const rest = text.slice(j, close)
  if (rest === '') {
    if (value === null) state.unresolved.push(name)
    return { value: value ?? '', end: close + 1 }
  }
  return { value: applyModifier(name, value, rest, state), end: close + 1 }
}

/** Index of the `}` closing a `${`, honouring nesting and escapes, or -1. */
function findClosingBrace(text: string, from: number, escape: string): number {
  let depth = 1
  for (let k = from; k < text.length; k++) {
    const c = text[k]
    if (c === escape) {
      k++
      continue
    }
    if (c === '$' && text[k + 1] === '{') {
      depth++
      k++
    } else if (c === '}') {
      depth--
      if (depth === 0) return k
    }
  }
  return -1
}

function applyModifier(name: string, value: string | null, rest: string, state: ExpandState): string {
  const word = (w: string): string => expandText(w, state, true)
  const set = value !== null
  const nonEmpty = set && value !== ''
  if (rest.startsWith(':-')) return nonEmpty ? (value) : word(rest.slice(2))
  if (rest.startsWith(':+')) return nonEmpty ? word(rest.slice(2)) : ''
  if (rest.startsWith(':?')) {
    if (!nonEmpty) state.unresolved.push(name)
    return value ?? ''
  }
  if (rest.startsWith('-')) return set ? (value) : word(rest.slice(1))
  if (rest.startsWith('+')) return set ? word(rest.slice(1)) : ''
  if (rest.startsWith('?')) {
    if (!set) state.unresolved.push(name)
    return value ?? ''
  }
  if (!set) {
    state.unresolved.push(name)
    return ''
  }
  const v = value
  if (rest.startsWith('##')) return removePrefix(v, word(rest.slice(2)), true)
  if (rest.startsWith('#')) return removePrefix(v, word(rest.slice(1)), false)
  if (rest.startsWith('%%')) return removeSuffix(v, word(rest.slice(2)), true)
  if (rest.startsWith('%')) return removeSuffix(v, word(rest.slice(1)), false)
  if (rest.startsWith('/')) {
    const body = rest.slice(1)
    const slash = body.indexOf('/')
    const pattern = word(slash < 0 ? body : body.slice(0, slash))
    const replacement = slash < 0 ? '' : word(body.slice(slash + 1))
    return pattern === '' ? v : v.split(pattern).join(replacement)
  }
  state.malformed = true
  return v
}

/**
 * Glob match for `*` and `?` without backtracking blow-up: dynamic programming over the
 * two strings, O(pattern × text). Values in Dockerfiles are short.
 */
export function globMatches(pattern: string, text: string): boolean {
  let prev: boolean[] = new Array<boolean>(text.length + 1).fill(false)
  prev[0] = true
  for (let p = 0; p < pattern.length; p++) {
    const pc = pattern[p]
    const cur: boolean[] = new Array<boolean>(text.length + 1).fill(false)
    if (pc === '*') cur[0] = prev[0] as boolean
    for (let t = 1; t <= text.length; t++) {
      if (pc === '*') cur[t] = (prev[t] as boolean) || (cur[t - 1] as boolean)
      else cur[t] = (prev[t - 1] as boolean) && (pc === '?' || pc === text[t - 1])
    }
    prev = cur
  }
  return prev[text.length] as boolean
}

function removePrefix(value: string, pattern: string, longest: boolean): string {
  if (longest) {
    for (let n = value.length; n >= 0; n--) if (globMatches(pattern, value.slice(0, n))) return value.slice(n)
  } else {
    for (let n = 0; n <= value.length; n++) if (globMatches(pattern, value.slice(0, n))) return value.slice(n)
  }
  return value
}

function removeSuffix(value: string, pattern: string, longest: boolean): string {
  if (longest) {
    for (let n = 0; n <= value.length; n++) if (globMatches(pattern, value.slice(n))) return value.slice(0, n)
  } else {
    for (let n = value.length; n >= 0; n--) if (globMatches(pattern, value.slice(n))) return value.slice(0, n)
  }
  return value
}
