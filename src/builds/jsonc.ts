/**
 * JSON with comments (`//`, block comments) and trailing commas, as devcontainer.json allows,
 * keeping the line of every value and key. Plain JSON (a bake .json file) reads the same way.
 */
import { lineIndex } from './hcl.js'

export type JsonNode =
  | { kind: 'object'; line: number; entries: { key: string; line: number; value: JsonNode }[] }
  | { kind: 'array'; line: number; items: JsonNode[] }
  | { kind: 'string'; line: number; value: string }
  | { kind: 'number'; line: number; value: number }
  | { kind: 'boolean'; line: number; value: boolean }
  | { kind: 'null'; line: number }

export type JsonResult = { ok: true; value: JsonNode } | { ok: false; message: string; line: number }

const MAX_DEPTH = 500

class JsonError extends Error {
  constructor(
    message: string,
    readonly pos: number
  ) {
    super(message)
  }
}

export function parseJsonc(text: string): JsonResult {
  const line = lineIndex(text)
  let pos = 0
  let depth = 0
  const fail = (message: string, at = pos): never => {
    throw new JsonError(message, at)
  }
  const describe = (): string => (pos >= text.length ? 'the end of the file' : `'${text[pos]}'`)
  const blank = (): void => {
    while (pos < text.length) {
      const c = text[pos]
      if (c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\ufeff') pos++
      else if (c === '/' && text[pos + 1] === '/') {
        while (pos < text.length && text[pos] !== '\n') pos++
      } else if (c === '/' && text[pos + 1] === '*') {
        const close = text.indexOf('*/', pos + 2)
        if (close < 0) fail('unterminated /* comment')
        pos = close + 2
      } else break
    }
  }
  const string = (): string => {
    const open = pos
    pos++
    let out = ''
    let plain = pos
    for (;;) {
      if (pos >= text.length || text[pos] === '\n') fail('unterminated string', open)
      const c = text[pos]
      if (c === '"') {
        out += text.slice(plain, pos)
        pos++
        return out
      }
      if (c === '\\') {
        out += text.slice(plain, pos)
        const next = text[pos + 1] ?? ''
        const simple: Record<string, string> = { n: '\n', t: '\t', r: '\r', b: '\b', f: '\f', '"': '"', '\\': '\\', '/': '/' }
        if (next in simple) {
          out += simple[next]
          pos += 2
        } else if (next === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(pos + 2, pos + 6))) {
          out += String.fromCharCode(parseInt(text.slice(pos + 2, pos + 6), 16))
          pos += 6
        } else fail(`invalid escape \\${next}`)
        plain = pos
        continue
      }
      pos++
    }
  }
  const value = (): JsonNode => {
    blank()
    const at = line(pos)
    const c = text[pos]
    if (c === '{' || c === '[') {
      if (++depth > MAX_DEPTH) fail(`nested more than ${MAX_DEPTH} deep`)
      pos++
      const node = c === '{' ? object(at) : array(at)
      depth--
      return node
    }
    if (c === '"') return { kind: 'string', line: at, value: string() }
    const word = /^(?:true|false|null|-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?)/.exec(text.slice(pos, pos + 64))?.[0]
    if (word === undefined) return fail(`expected a value, found ${describe()}`)
    pos += word.length
    if (word === 'true' || word === 'false') return { kind: 'boolean', line: at, value: word === 'true' }
    if (word === 'null') return { kind: 'null', line: at }
    return { kind: 'number', line: at, value: Number(word) }
  }
  const object = (at: number): JsonNode => {
    const entries: { key: string; line: number; value: JsonNode }[] = []
    for (;;) {
      blank()
      if (text[pos] === '}') {
        pos++
        return { kind: 'object', line: at, entries }
      }
      if (text[pos] !== '"') fail(`expected a key or '}', found ${describe()}`)
      const keyLine = line(pos)
      const key = string()
      blank()
      if (text[pos] !== ':') fail(`expected ':' after "${key}", found ${describe()}`)
      pos++
      entries.push({ key, line: keyLine, value: value() })
      blank()
      if (text[pos] === ',') pos++
      else if (text[pos] !== '}') fail(`expected ',' or '}', found ${describe()}`)
    }
  }
  const array = (at: number): JsonNode => {
    const items: JsonNode[] = []
    for (;;) {
      blank()
      if (text[pos] === ']') {
        pos++
        return { kind: 'array', line: at, items }
      }
      items.push(value())
      blank()
      if (text[pos] === ',') pos++
      else if (text[pos] !== ']') fail(`expected ',' or ']', found ${describe()}`)
    }
  }
  try {
    const root = value()
    blank()
    if (pos < text.length) fail(`unexpected ${describe()} after the value`)
    return { ok: true, value: root }
  } catch (err) {
    if (err instanceof JsonError) return { ok: false, message: err.message, line: line(Math.min(err.pos, text.length)) }
    throw err
  }
}

/** The entry of an object node, or undefined. */
export function member(node: JsonNode | undefined, key: string): JsonNode | undefined {
  if (node?.kind !== 'object') return undefined
  // The last one wins, as in JSON.parse.
  for (let i = node.entries.length - 1; i >= 0; i--) if (node.entries[i]?.key === key) return node.entries[i]?.value
  return undefined
}

export function stringOf(node: JsonNode | undefined): string | undefined {
  return node?.kind === 'string' ? node.value : undefined
}
