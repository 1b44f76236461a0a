/**
 * Evaluating HCL expressions as bake does, as far as the file alone says: variables, user
 * `function` blocks, operators, conditionals and a few pure standard functions. Whatever needs more
 * (other functions, `for` expressions, references to other targets) is UNKNOWN, and UNKNOWN spreads
 * through whatever uses it instead of failing.
 */
import type { Expr } from './hcl.js'

export const UNKNOWN: unique symbol = Symbol('unknown')

export type Value = string | number | boolean | null | Value[] | { [key: string]: Value } | typeof UNKNOWN

export interface UserFunction {
  params: string[]
  variadic: string | null
  result: Expr
}

export interface Scope {
  /** undefined: no such name. */
  lookup(name: string): Value | undefined
  functions: ReadonlyMap<string, UserFunction>
}

/** Deep enough for any real function chain, shallow enough to stop a function calling itself. */
const MAX_CALL_DEPTH = 32

function isObject(value: Value): value is { [key: string]: Value } {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** An object without a prototype, so a key such as `__proto__` is just a key. */
export function emptyObject(): { [key: string]: Value } {
  return Object.create(null) as { [key: string]: Value }
}

function hasUnknown(value: Value): boolean {
  if (value === UNKNOWN) return true
  if (Array.isArray(value)) return value.some(hasUnknown)
  if (isObject(value)) return Object.values(value).some(hasUnknown)
  return false
}

/** The text a value interpolates as; UNKNOWN for lists, objects, null and unknowns. */
export function asString(value: Value): string | typeof UNKNOWN {
  if (typeof value === 'string') return value
  if (typeof value === 'number') return String(value)
  if (typeof value === 'boolean') return value ? 'true' : 'false'
  return UNKNOWN
}

function asNumber(value: Value): number | typeof UNKNOWN {
  if (typeof value === 'number') return value
  if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) return Number(value)
  return UNKNOWN
}

function asBool(value: Value): boolean | typeof UNKNOWN {
  if (typeof value === 'boolean') return value
  if (value === 'true' || value === 'false') return value === 'true'
  return UNKNOWN
}

function equal(a: Value, b: Value): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => equal(x, b[i] as Value))
  if (isObject(a) && isObject(b)) {
    const keys = Object.keys(a)
    return keys.length === Object.keys(b).length && keys.every((k) => k in b && equal(a[k] as Value, b[k] as Value))
  }
  return a === b
}

type Builtin = (args: Value[]) => Value

const strings =
  (fn: (...s: string[]) => Value): Builtin =>
  (args) => {
    const texts = args.map(asString)
    return texts.some((t) => t === UNKNOWN) ? UNKNOWN : fn(...(texts as string[]))
  }

/** Pure standard functions that bake files use in conditions and names; any other call is UNKNOWN. */
const BUILTINS: Record<string, Builtin> = {
  lower: strings((s) => s.toLowerCase()),
  upper: strings((s) => s.toUpperCase()),
  trimspace: strings((s) => s.trim()),
  trimprefix: strings((s, p) => (s.startsWith(p) ? s.slice(p.length) : s)),
  trimsuffix: strings((s, p) => (p !== '' && s.endsWith(p) ? s.slice(0, -p.length) : s)),
  split: strings((sep, s) => (s === '' ? [] : s.split(sep))),
  // A /pattern/ is a regular expression in HCL's (Go) syntax: not ours to run.
  replace: strings((s, search, by) => (search.length > 1 && search.startsWith('/') && search.endsWith('/') ? UNKNOWN : s.split(search).join(by))),
  join: ([sep, ...lists]) => {
    const separator = asString(orUnknown(sep))
    const items = lists.flatMap((l): Value[] => (Array.isArray(l) ? l : [UNKNOWN])).map(asString)
    if (separator === UNKNOWN || items.some((i) => i === UNKNOWN)) return UNKNOWN
    return items.join(separator)
  },
  equal: ([a, b]) => (hasUnknown(orUnknown(a)) || hasUnknown(orUnknown(b)) ? UNKNOWN : equal(a as Value, b as Value)),
  notequal: ([a, b]) => (hasUnknown(orUnknown(a)) || hasUnknown(orUnknown(b)) ? UNKNOWN : !equal(a as Value, b as Value)),
  not: ([a]) => {
    const b = asBool(orUnknown(a))
    return b === UNKNOWN ? UNKNOWN : !b
  },
  and: (args) => logic(args, true),
  or: (args) => logic(args, false),
  concat: (lists) => (lists.every(Array.isArray) ? (lists as Value[][]).flat() : UNKNOWN),
  coalesce: (args) => {
    for (const a of args) {
      if (a === UNKNOWN) return UNKNOWN
      if (a !== null && a !== '') return a
    }
    return UNKNOWN
  }
}

/** `and`/`or` over booleans: a decided operand decides, even next to an unknown one. */
function logic(args: Value[], isAnd: boolean): Value {
  let unknown = false
  for (const a of args) {
    const b = asBool(a)
    if (b === UNKNOWN) unknown = true
    else if (b !== isAnd) return !isAnd
  }
  return unknown ? UNKNOWN : isAnd
}

/** A missing name or element is unknown; a null one is null. */
function orUnknown(value: Value | undefined): Value {
  return value === undefined ? UNKNOWN : value
}

export function evaluate(expr: Expr, scope: Scope, depth = 0): Value {
  switch (expr.kind) {
    case 'literal':
      return expr.value
    case 'unknown':
      return UNKNOWN
    case 'template': {
      if (expr.unknown) return UNKNOWN
      // A template that is one interpolation is its value, not its text (HCL keeps the type).
      if (expr.parts.length === 1 && typeof expr.parts[0] !== 'string') return evaluate(expr.parts[0] as Expr, scope, depth)
      let text = ''
      for (const part of expr.parts) {
        const piece = typeof part === 'string' ? part : asString(evaluate(part, scope, depth))
        if (piece === UNKNOWN) return UNKNOWN
        text += piece
      }
      return text
    }
    case 'variable':
      return orUnknown(scope.lookup(expr.name))
    case 'tuple':
      return expr.items.map((item) => evaluate(item, scope, depth))
    case 'object': {
      const object = emptyObject()
      for (const { key, value } of expr.items) {
        const name = asString(evaluate(key, scope, depth))
        if (name === UNKNOWN) return UNKNOWN
        object[name] = evaluate(value, scope, depth)
      }
      return object
    }
    case 'call':
      return call(expr, scope, depth)
    case 'unary': {
      const operand = evaluate(expr.operand, scope, depth)
      if (expr.op === '!') {
        const b = asBool(operand)
        return b === UNKNOWN ? UNKNOWN : !b
      }
      const n = asNumber(operand)
      return n === UNKNOWN ? UNKNOWN : -n
    }
    case 'binary':
      return binary(expr.op, evaluate(expr.left, scope, depth), () => evaluate(expr.right, scope, depth))
    case 'conditional': {
      const test = asBool(evaluate(expr.test, scope, depth))
      if (test === UNKNOWN) return UNKNOWN
      return evaluate(test ? expr.then : expr.otherwise, scope, depth)
    }
    case 'index': {
      const target = evaluate(expr.target, scope, depth)
      const index = evaluate(expr.index, scope, depth)
      if (Array.isArray(target)) {
        const n = asNumber(index)
        return n === UNKNOWN || !Number.isInteger(n) ? UNKNOWN : orUnknown(target[n])
      }
      if (isObject(target)) {
        const key = asString(index)
        return key === UNKNOWN ? UNKNOWN : orUnknown(target[key])
      }
      return UNKNOWN
    }
    case 'attr': {
      const target = evaluate(expr.target, scope, depth)
      return isObject(target) ? orUnknown(target[expr.name]) : UNKNOWN
    }
  }
}

function binary(op: string, left: Value, right: () => Value): Value {
  if (op === '&&' || op === '||') {
    const l = asBool(left)
    // false && x, true || x: decided without the right side.
    if (l !== UNKNOWN && l === (op === '||')) return l
    const r = asBool(right())
    if (r === UNKNOWN) return UNKNOWN
    if (l === UNKNOWN) return r === (op === '||') ? r : UNKNOWN
    return r
  }
  const r = right()
  if (op === '==' || op === '!=') {
    if (hasUnknown(left) || hasUnknown(r)) return UNKNOWN
    return equal(left, r) === (op === '==')
  }
  const a = asNumber(left)
  const b = asNumber(r)
  if (a === UNKNOWN || b === UNKNOWN) return UNKNOWN
  switch (op) {
    case '<':
      return a < b
    case '>':
      return a > b
    case '<=':
      return a <= b
    case '>=':
      return a >= b
    case '+':
      return a + b
    case '-':
      return a - b
    case '*':
      return a * b
    case '/':
      return b === 0 ? UNKNOWN : a / b
    case '%':
      return b === 0 ? UNKNOWN : a % b
    default:
      return UNKNOWN
  }
}

function call(expr: Extract<Expr, { kind: 'call' }>, scope: Scope, depth: number): Value {
  if (expr.expand) return UNKNOWN
  const args = expr.args.map((a) => evaluate(a, scope, depth))
  const user = scope.functions.get(expr.name)
  if (user !== undefined) {
    if (depth >= MAX_CALL_DEPTH) return UNKNOWN
    const bound = new Map<string, Value>()
    user.params.forEach((p, i) => bound.set(p, orUnknown(args[i])))
    if (user.variadic !== null) bound.set(user.variadic, args.slice(user.params.length))
    const inner: Scope = { lookup: (name) => (bound.has(name) ? bound.get(name) : scope.lookup(name)), functions: scope.functions }
    return evaluate(user.result, inner, depth + 1)
  }
  return Object.hasOwn(BUILTINS, expr.name) ? (BUILTINS[expr.name] as Builtin)(args) : UNKNOWN
}
