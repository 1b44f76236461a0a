/**
 * GitHub Actions expressions (`${{ … }}`) as far as the workflow file says: `matrix.*` values of
 * the combination being read, `env.*` set in the file, string literals and `github.workspace`.
 * Anything else (secrets, step outputs, inputs, functions) is unknown, written as UNKNOWN_TEXT.
 * And `strategy.matrix` expanded into its combinations, with `exclude` and `include` applied.
 */
import { UNKNOWN_TEXT } from './shell.js'

/** A matrix value, or its combinations, that an expression decides at run time. */
export const UNKNOWN_MATRIX = Symbol('unknown matrix')

export type Combination = Record<string, unknown>

export interface ExpressionContext {
  /** the matrix combination; null when the matrix itself is an expression */
  matrix: Combination | null
  env: Readonly<Record<string, string>>
}

function lookupPath(root: unknown, path: string[]): unknown {
  let value = root
  for (const key of path) {
    if (value === UNKNOWN_MATRIX) return UNKNOWN_MATRIX
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined
    value = Object.hasOwn(value, key) ? (value as Record<string, unknown>)[key] : undefined
  }
  return value
}

/** One expression's text value, or null when unknown. */
export function evaluateExpression(expression: string, ctx: ExpressionContext): string | null {
  const e = expression.trim()
  const literal = /^'((?:[^']|'')*)'$/.exec(e)
  if (literal !== null) return (literal[1] as string).replace(/''/g, "'")
  if (e === 'github.workspace') return '.'
  const path = /^(matrix|env)((?:\.[A-Za-z_][\w-]*|\[\s*'[^']*'\s*\])+)$/.exec(e)
  if (path === null) return null
  const keys = [...(path[2] as string).matchAll(/\.([A-Za-z_][\w-]*)|\[\s*'([^']*)'\s*\]/g)].map((m) => (m[1] ?? m[2]) as string)
  if (path[1] === 'env') {
    const value = keys.length === 1 ? ctx.env[keys[0] as string] : undefined
    return value === undefined || value.includes(UNKNOWN_TEXT) ? null : value
  }
  if (ctx.matrix === null) return null
  const value = lookupPath(ctx.matrix, keys)
  // A key the combination lacks is the empty string in GitHub's expressions.
  if (value === undefined || value === null) return ''
  if (typeof value === 'string') return value.includes('${{') ? null : value
  if (typeof value === 'number' || typeof value === 'boolean') return String(value)
  return null
}

/** Replaces every `${{ … }}` with its value, or UNKNOWN_TEXT. */
export function substitute(text: string, ctx: ExpressionContext): string {
  if (!text.includes('${{')) return text
  let out = ''
  let i = 0
  for (;;) {
    const open = text.indexOf('${{', i)
    if (open < 0) break
    const close = text.indexOf('}}', open + 3)
    if (close < 0) break
    out += text.slice(i, open)
    const value = evaluateExpression(text.slice(open + 3, close), ctx)
    // A value with a newline would move every later line: keep the lines where they are.
    out += value === null || value.includes('\n') ? UNKNOWN_TEXT : value
    i = close + 2
  }
  return out + text.slice(i)
}

/** The matrix keys a text uses (`matrix.target`, `matrix['os']`). */
export function matrixKeys(text: string): Set<string> {
  const keys = new Set<string>()
  for (const m of text.matchAll(/matrix\s*(?:\.\s*([A-Za-z_][\w-]*)|\[\s*'([^']*)'\s*\])/g)) keys.add((m[1] ?? m[2]) as string)
  return keys
}

function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return String(a) === String(b) && typeof a !== 'object' && typeof b !== 'object'
  if (Array.isArray(a) !== Array.isArray(b)) return false
  const ka = Object.keys(a)
  return ka.length === Object.keys(b).length && ka.every((k) => deepEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]))
}

/** An exclude entry matches when each of its keys does (object values match in part). */
function matches(combination: Combination, partial: Record<string, unknown>): boolean {
  return Object.entries(partial).every(([k, v]) => {
    const c = combination[k]
    if (v !== null && typeof v === 'object' && !Array.isArray(v) && c !== null && typeof c === 'object') return matches(c as Combination, v as Record<string, unknown>)
    return deepEqual(c, v)
  })
}

export interface MatrixExpansion {
  /** null when the matrix is an expression (`${{ fromJson(…) }}`) */
  combinations: Combination[] | null
  /** how many combinations the product has, before the limit */
  total: number
  /** true when `include`/`exclude` or a key's list is an expression: more combinations exist than listed */
  partial: boolean
}

/**
 * GitHub's expansion: the product of the keys' lists, minus `exclude`; each `include` entry extends
 * every combination whose original values it does not change, or else is a combination of its own.
 * At most `limit` combinations are produced.
 */
export function expandMatrix(matrix: unknown, limit: number): MatrixExpansion {
  if (matrix === undefined || matrix === null) return { combinations: [{}], total: 1, partial: false }
  if (typeof matrix !== 'object' || Array.isArray(matrix)) return { combinations: null, total: 0, partial: true }
  const spec = matrix as Record<string, unknown>
  let partial = false
  const keys: [string, unknown[]][] = []
  for (const [key, value] of Object.entries(spec)) {
    if (key === 'include' || key === 'exclude') continue
    if (Array.isArray(value)) keys.push([key, value])
    else {
      // `${{ fromJson(…) }}` for one key: every combination has an unknown value there.
      keys.push([key, [UNKNOWN_MATRIX]])
      partial = true
    }
  }
  const total = keys.reduce((n, [, values]) => n * values.length, 1)
  let combinations: Combination[] = keys.length === 0 ? [] : [{}]
  for (const [key, values] of keys) {
    const next: Combination[] = []
    for (const c of combinations) {
      for (const v of values) {
        if (next.length >= limit) break
        next.push({ ...c, [key]: v })
      }
    }
    combinations = next
  }
  const exclude = spec.exclude
  if (Array.isArray(exclude)) combinations = combinations.filter((c) => !exclude.some((e) => e !== null && typeof e === 'object' && matches(c, e as Record<string, unknown>)))
  else if (exclude !== undefined) partial = true
  const include = spec.include
  const original = new Set(keys.map(([k]) => k))
  if (Array.isArray(include)) {
    const base = combinations.map((c) => ({ ...c }))
    for (const entry of include) {
      if (entry === null || typeof entry !== 'object') continue
      const add = entry as Record<string, unknown>
      let extended = false
      base.forEach((c, i) => {
        const keepsOriginals = Object.entries(add).every(([k, v]) => !original.has(k) || deepEqual(c[k], v))
        if (!keepsOriginals) return
        Object.assign(combinations[i] as Combination, add)
        extended = true
      })
      if (!extended && combinations.length < limit) combinations.push({ ...add })
    }
  } else if (include !== undefined) {
    partial = true
    if (keys.length === 0) return { combinations: null, total: 0, partial }
  }
  return { combinations, total: Math.max(total, combinations.length), partial }
}

const UNDECIDED = Symbol('undecided')
type Decided = string | number | boolean | null | typeof UNDECIDED

/** GitHub compares strings without regard to case, and loosely across types. */
function looseEqual(a: Decided, b: Decided): Decided {
  if (a === UNDECIDED || b === UNDECIDED) return UNDECIDED
  if (typeof a === 'string' && typeof b === 'string') return a.toLowerCase() === b.toLowerCase()
  if (typeof a === typeof b) return a === b
  const number = (v: Decided): number => (v === null ? 0 : typeof v === 'boolean' ? Number(v) : typeof v === 'string' ? (v.trim() === '' ? 0 : Number(v)) : (v as number))
  return number(a) === number(b)
}

function truthy(v: Decided): boolean | typeof UNDECIDED {
  if (v === UNDECIDED) return UNDECIDED
  return v !== null && v !== false && v !== '' && v !== 0
}

/**
 * Whether a step's `if:` may let it run for this combination: false only when the condition is
 * decided by what the file says (`matrix.target == 'mainline'`, `matrix.args != ''`); any other
 * condition (step outputs, functions, events) may hold.
 */
export function mayRun(condition: string | undefined, ctx: ExpressionContext): boolean {
  if (condition === undefined) return true
  const text = condition.trim().replace(/^\$\{\{([\s\S]*)\}\}$/, '$1')
  const tokens = text.match(/'(?:[^']|'')*'|[A-Za-z_][\w.-]*(?:\[\s*'[^']*'\s*\])*|==|!=|&&|\|\||[!()<>]=?|\d+(?:\.\d+)?|\S/g) ?? []
  let i = 0
  const primary = (): Decided => {
    const t = tokens[i++]
    if (t === undefined) return UNDECIDED
    if (t === '!') {
      const v = truthy(primary())
      return v === UNDECIDED ? UNDECIDED : !v
    }
    if (t === '(') {
      const v = or()
      if (tokens[i] === ')') i++
      return v
    }
    if (t.startsWith("'")) return t.slice(1, -1).replace(/''/g, "'")
    if (t === 'true' || t === 'false') return t === 'true'
    if (t === 'null') return null
    if (/^\d/.test(t)) return Number(t)
    if (tokens[i] === '(') {
      // A function call: skip its arguments, its value is not ours to know.
      let depth = 0
      while (i < tokens.length) {
        const u = tokens[i++]
        if (u === '(') depth++
        else if (u === ')' && --depth === 0) break
      }
      return UNDECIDED
    }
    if (/^(?:matrix|env)\b/.test(t)) {
      const v = evaluateExpression(t, ctx)
      return v === null ? UNDECIDED : v
    }
    return UNDECIDED
  }
  const comparison = (): Decided => {
    let left = primary()
    while (tokens[i] === '==' || tokens[i] === '!=') {
      const op = tokens[i++]
      const eq = looseEqual(left, primary())
      left = eq === UNDECIDED ? UNDECIDED : op === '==' ? eq : !eq
    }
    return left
  }
  const and = (): Decided => {
    let left = comparison()
    while (tokens[i] === '&&') {
      i++
      const right = comparison()
      const l = truthy(left)
      const r = truthy(right)
      left = l === false || r === false ? false : l === UNDECIDED || r === UNDECIDED ? UNDECIDED : right
    }
    return left
  }
  const or = (): Decided => {
    let left = and()
    while (tokens[i] === '||') {
      i++
      const right = and()
      const l = truthy(left)
      const r = truthy(right)
      left = l === true ? left : r === true ? right : l === UNDECIDED || r === UNDECIDED ? UNDECIDED : right
    }
    return left
  }
  const result = or()
  // Anything left over (an operator we do not read) leaves the step running.
  if (i < tokens.length) return true
  return truthy(result) !== false
}
