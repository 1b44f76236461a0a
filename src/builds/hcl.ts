/**
 * An HCL2 parser for bake files: bodies of attributes and blocks, and the whole expression syntax
 * (templates with `${}`, heredocs `<<EOT`/`<<-EOT`, tuples, objects, operators, conditionals,
 * function calls, traversals; `for` expressions and `%{}` directives are kept as unknown values).
 * Comments `#`, `//` and block comments are skipped. Every attribute and block keeps its line.
 *
 * Why our own and not a package from npm: the HCL2 parsers there either drop source positions
 * (hcl2-parser, hcl2-json-parser and @cdktf/hcl2json convert to JSON, so no target has a line; the
 * last is also asynchronous wasm, and the first a 3.8 MB GopherJS build), or come with an editor:
 * codemirror-lang-hcl (a Lezer grammar) bundles and runs, but pulls @codemirror/view and
 * @codemirror/state (about 950 kB in each of our two bundles) for a parser whose errors carry no
 * message. Bake files use a small, stable part of HCL, and we evaluate the values ourselves anyway.
 *
 * Linear in the input; nesting deeper than MAX_DEPTH is a syntax error, not a stack overflow.
 */

export type Expr =
  | { kind: 'literal'; value: string | number | boolean | null }
  /** A template: literal chunks and interpolations; `unknown` when it has a `%{}` directive. */
  | { kind: 'template'; parts: (string | Expr)[]; unknown: boolean }
  | { kind: 'variable'; name: string }
  | { kind: 'tuple'; items: Expr[] }
  | { kind: 'object'; items: { key: Expr; value: Expr }[] }
  | { kind: 'call'; name: string; args: Expr[]; expand: boolean }
  | { kind: 'unary'; op: '!' | '-'; operand: Expr }
  | { kind: 'binary'; op: string; left: Expr; right: Expr }
  | { kind: 'conditional'; test: Expr; then: Expr; otherwise: Expr }
  | { kind: 'index'; target: Expr; index: Expr }
  | { kind: 'attr'; target: Expr; name: string }
  /** `for` expressions and splats: parsed over, never evaluated. */
  | { kind: 'unknown'; text: string }

export interface Attribute {
  name: string
  expr: Expr
  line: number
}

export interface Block {
  type: string
  labels: string[]
  body: Body
  line: number
}

export interface Body {
  attributes: Attribute[]
  blocks: Block[]
}

export type HclResult = { ok: true; body: Body } | { ok: false; message: string; line: number }

const MAX_DEPTH = 200

class SyntaxError_ extends Error {
  constructor(
    message: string,
    readonly pos: number
  ) {
    super(message)
  }
}

const BINARY_PRECEDENCE: Record<string, number> = {
  '||': 1,
  '&&': 2,
  '==': 3,
  '!=': 3,
  '<': 4,
  '>': 4,
  '<=': 4,
  '>=': 4,
  '+': 5,
  '-': 5,
  '*': 6,
  '/': 6,
  '%': 6
}

function isIdentStart(c: string): boolean {
  return /[A-Za-z_]/.test(c) || c > '\x7f'
}

function isIdentPart(c: string): boolean {
  return /[A-Za-z0-9_-]/.test(c) || c > '\x7f'
}

class Parser {
  pos = 0
  /** Brackets, parentheses and interpolations open around the cursor: inside them newlines are blanks. */
  depth = 0
  /** Blocks open around the cursor. */
  depthBlocks = 0

  constructor(
    readonly src: string,
    readonly end = src.length
  ) {}

  fail(message: string, pos = this.pos): never {
    throw new SyntaxError_(message, pos)
  }

  peek(offset = 0): string {
    const i = this.pos + offset
    return i < this.end ? (this.src[i] as string) : ''
  }

  startsWith(text: string): boolean {
    return this.src.startsWith(text, this.pos) && this.pos + text.length <= this.end
  }

  /** Skips blanks and comments; newlines too when `newlines` (or when inside brackets). */
  blank(newlines = this.depth > 0): void {
    while (this.pos < this.end) {
      const c = this.src[this.pos] as string
      if (c === ' ' || c === '\t' || c === '\r' || c === '\ufeff') this.pos++
      else if (c === '\n' && newlines) this.pos++
      else if (c === '#' || (c === '/' && this.peek(1) === '/')) {
        while (this.pos < this.end && this.src[this.pos] !== '\n') this.pos++
      } else if (c === '/' && this.peek(1) === '*') {
        const close = this.src.indexOf('*/', this.pos + 2)
        if (close < 0 || close + 2 > this.end) this.fail('unterminated /* comment')
        this.pos = close + 2
      } else break
    }
  }

  ident(): string {
    const start = this.pos
    if (!isIdentStart(this.peek())) this.fail(`expected a name, found ${this.describe()}`)
    while (this.pos < this.end && isIdentPart(this.src[this.pos] as string)) this.pos++
    return this.src.slice(start, this.pos)
  }

  describe(): string {
    const c = this.peek()
    if (c === '') return 'the end of the file'
    if (c === '\n') return 'the end of the line'
    return `'${c}'`
  }

  expect(c: string): void {
    if (this.peek() !== c) this.fail(`expected '${c}', found ${this.describe()}`)
    this.pos++
  }

  enter(): void {
    if (++this.depth > MAX_DEPTH) this.fail(`nested more than ${MAX_DEPTH} deep`)
  }

  /** A body up to `}` (inside a block) or to the end of the file. */
  body(inBlock: boolean, line: (pos: number) => number): Body {
    const body: Body = { attributes: [], blocks: [] }
    const saved = this.depth
    this.depth = 0
    for (;;) {
      this.blank(true)
      if (this.pos >= this.end) {
        if (inBlock) this.fail("unterminated block: expected '}'")
        break
      }
      if (this.peek() === '}') {
        if (!inBlock) this.fail("unexpected '}'")
        break
      }
      const start = this.pos
      const name = this.ident()
      this.blank(false)
      if (this.peek() === '=' && this.peek(1) !== '=') {
        this.pos++
        this.blank(false)
        const expr = this.expression()
        body.attributes.push({ name, expr, line: line(start) })
        this.blank(false)
        const next = this.peek()
        if (next !== '\n' && next !== '' && !(next === '}' && inBlock)) this.fail(`expected the end of the line after attribute ${name}, found ${this.describe()}`)
        continue
      }
      const labels: string[] = []
      while (this.peek() === '"' || isIdentStart(this.peek())) {
        if (this.peek() === '"') {
          const label = this.quoted()
          const text = label.parts.length === 0 ? '' : label.parts.length === 1 && typeof label.parts[0] === 'string' ? label.parts[0] : null
          if (text === null) this.fail('a block label cannot hold an interpolation')
          labels.push(text)
        } else labels.push(this.ident())
        this.blank(false)
      }
      if (this.peek() !== '{') this.fail(`expected '=' or a block after ${name}, found ${this.describe()}`)
      this.pos++
      this.enterBlock()
      const inner = this.body(true, line)
      this.depthBlocks--
      this.expect('}')
      body.blocks.push({ type: name, labels, body: inner, line: line(start) })
    }
    this.depth = saved
    return body
  }

  enterBlock(): void {
    if (++this.depthBlocks > MAX_DEPTH) this.fail(`blocks nested more than ${MAX_DEPTH} deep`)
  }

  expression(): Expr {
    const test = this.binary(1)
    this.blank()
    if (this.peek() !== '?') return test
    this.pos++
    this.blank()
    const then = this.expression()
    this.blank()
    this.expect(':')
    this.blank()
    const otherwise = this.expression()
    return { kind: 'conditional', test, then, otherwise }
  }

  operator(): string | null {
    const two = this.src.slice(this.pos, this.pos + 2)
    if (two === '&&' || two === '||' || two === '==' || two === '!=' || two === '<=' || two === '>=') return two
    const one = this.peek()
    // `=>` belongs to `for` expressions, `<<` to heredocs.
    if ((one === '<' || one === '>') && (this.peek(1) === '<' || this.peek(1) === '=')) return null
    if ('+-*/%<>'.includes(one) && one !== '') return one
    return null
  }

  binary(minPrecedence: number): Expr {
    let left = this.unary()
    for (;;) {
      this.blank()
      const op = this.operator()
      const precedence = op === null ? 0 : (BINARY_PRECEDENCE[op] ?? 0)
      if (op === null || precedence < minPrecedence) return left
      this.pos += op.length
      this.blank()
      const right = this.binary(precedence + 1)
      left = { kind: 'binary', op, left, right }
    }
  }

  unary(): Expr {
    const c = this.peek()
    if (c === '!' || c === '-') {
      this.pos++
      this.blank()
      this.enter()
      const operand = this.unary()
      this.depth--
      return { kind: 'unary', op: c, operand }
    }
    return this.postfix(this.primary())
  }

  postfix(target: Expr): Expr {
    for (;;) {
      // A traversal never starts a new line outside brackets.
      const save = this.pos
      this.blank()
      const c = this.peek()
      if (c === '.' && this.peek(1) === '*') {
        this.pos += 2
        target = { kind: 'unknown', text: 'splat' }
      } else if (c === '.' && /[0-9]/.test(this.peek(1))) {
        this.pos++
        const start = this.pos
        while (/[0-9]/.test(this.peek())) this.pos++
        target = { kind: 'index', target, index: { kind: 'literal', value: Number(this.src.slice(start, this.pos)) } }
      } else if (c === '.' && isIdentStart(this.peek(1))) {
        this.pos++
        target = { kind: 'attr', target, name: this.ident() }
      } else if (c === '[') {
        this.pos++
        this.enter()
        this.blank()
        if (this.peek() === '*') {
          this.pos++
          this.blank()
          this.expect(']')
          target = { kind: 'unknown', text: 'splat' }
        } else {
          const index = this.expression()
          this.blank()
          this.expect(']')
          target = { kind: 'index', target, index }
        }
        this.depth--
      } else {
        this.pos = save
        return target
      }
    }
  }

  primary(): Expr {
    const c = this.peek()
    if (c === '"') return this.simplify(this.quoted())
    if (c === '<' && this.peek(1) === '<') return this.simplify(this.heredoc())
    if (/[0-9]/.test(c)) return this.number()
    if (c === '(') {
      this.pos++
      this.enter()
      this.blank()
      const inner = this.expression()
      this.blank()
      this.expect(')')
      this.depth--
      return inner
    }
    if (c === '[') return this.tuple()
    if (c === '{') return this.object()
    if (isIdentStart(c)) {
      const name = this.ident()
      if (name === 'true' || name === 'false') return { kind: 'literal', value: name === 'true' }
      if (name === 'null') return { kind: 'literal', value: null }
      // `provider::ns::fn(...)`: namespaced functions.
      let full = name
      while (this.startsWith('::')) {
        this.pos += 2
        full += `::${this.ident()}`
      }
      const save = this.pos
      this.blank(false)
      if (this.peek() === '(') return this.call(full)
      this.pos = save
      return { kind: 'variable', name: full }
    }
    this.fail(`expected an expression, found ${this.describe()}`)
  }

  number(): Expr {
    const match = /^[0-9]+(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/.exec(this.src.slice(this.pos, Math.min(this.end, this.pos + 64)))
    const text = match?.[0] ?? ''
    this.pos += text.length
    return { kind: 'literal', value: Number(text) }
  }

  call(name: string): Expr {
    this.pos++
    this.enter()
    const args: Expr[] = []
    let expand = false
    this.blank()
    while (this.peek() !== ')') {
      args.push(this.expression())
      this.blank()
      if (this.startsWith('...')) {
        this.pos += 3
        expand = true
        this.blank()
      }
      if (this.peek() === ',') {
        this.pos++
        this.blank()
      } else if (this.peek() !== ')') this.fail(`expected ',' or ')' in the call of ${name}, found ${this.describe()}`)
    }
    this.pos++
    this.depth--
    return { kind: 'call', name, args, expand }
  }

  /** `for` right after an opening bracket: a for expression. */
  isFor(): boolean {
    return this.startsWith('for') && /[\s]/.test(this.peek(3))
  }

  /** Skips to the bracket that closes the one just opened, over strings and nested brackets. */
  skipBalanced(close: string): string {
    const start = this.pos
    const stack = [close]
    while (this.pos < this.end && stack.length > 0) {
      const c = this.src[this.pos] as string
      if (c === '"') {
        this.quoted()
        continue
      }
      if (c === '#' || (c === '/' && (this.peek(1) === '/' || this.peek(1) === '*'))) {
        this.blank(true)
        continue
      }
      if (c === '(' || c === '[' || c === '{') stack.push(c === '(' ? ')' : c === '[' ? ']' : '}')
      else if (c === ')' || c === ']' || c === '}') {
        if (stack.pop() !== c) this.fail(`unexpected '${c}'`)
      }
      this.pos++
    }
    if (stack.length > 0) this.fail(`expected '${close}', found the end of the file`)
    return this.src.slice(start, this.pos - 1)
  }

  tuple(): Expr {
    this.pos++
    this.enter()
    this.blank()
    if (this.isFor()) {
      const text = this.skipBalanced(']')
      this.depth--
      return { kind: 'unknown', text: `[${text}]` }
    }
    const items: Expr[] = []
    while (this.peek() !== ']') {
      items.push(this.expression())
      this.blank()
      if (this.peek() === ',') {
        this.pos++
        this.blank()
      } else if (this.peek() !== ']') this.fail(`expected ',' or ']' in a list, found ${this.describe()}`)
    }
    this.pos++
    this.depth--
    return { kind: 'tuple', items }
  }

  object(): Expr {
    this.pos++
    this.enter()
    this.blank()
    if (this.isFor()) {
      const text = this.skipBalanced('}')
      this.depth--
      return { kind: 'unknown', text: `{${text}}` }
    }
    const items: { key: Expr; value: Expr }[] = []
    while (this.peek() !== '}') {
      // A bare name is the key itself, not a variable.
      let key: Expr
      if (isIdentStart(this.peek())) {
        const save = this.pos
        const name = this.ident()
        this.blank()
        if (this.peek() === '=' || this.peek() === ':') key = { kind: 'literal', value: name }
        else {
          this.pos = save
          key = this.expression()
        }
      } else key = this.expression()
      this.blank()
      const sep = this.peek()
      if ((sep !== '=' && sep !== ':') || this.peek(1) === '=') this.fail(`expected '=' or ':' after an object key, found ${this.describe()}`)
      this.pos++
      this.blank()
      const value = this.expression()
      items.push({ key, value })
      this.blank()
      if (this.peek() === ',') {
        this.pos++
        this.blank()
      } else if (this.peek() === '') this.fail("expected '}', found the end of the file")
    }
    this.pos++
    this.depth--
    return { kind: 'object', items }
  }

  /** A quoted template; the cursor is on the opening quote. */
  quoted(): Extract<Expr, { kind: 'template' }> {
    const open = this.pos
    this.pos++
    const parts: (string | Expr)[] = []
    let text = ''
    let unknown = false
    for (;;) {
      if (this.pos >= this.end || this.peek() === '\n') this.fail('unterminated string', open)
      const c = this.src[this.pos] as string
      if (c === '"') {
        this.pos++
        break
      }
      if (c === '\\') {
        const next = this.peek(1)
        const simple: Record<string, string> = { n: '\n', t: '\t', r: '\r', '"': '"', '\\': '\\' }
        if (next in simple) {
          text += simple[next]
          this.pos += 2
        } else if (next === 'u' || next === 'U') {
          const width = next === 'u' ? 4 : 8
          const hex = this.src.slice(this.pos + 2, this.pos + 2 + width)
          if (!/^[0-9A-Fa-f]+$/.test(hex) || hex.length !== width) this.fail('invalid \\u escape')
          text += String.fromCodePoint(Math.min(parseInt(hex, 16), 0x10ffff))
          this.pos += 2 + width
        } else this.fail(`invalid escape \\${next}`)
        continue
      }
      if ((c === '$' || c === '%') && this.peek(1) === c && this.peek(2) === '{') {
        text += `${c}{`
        this.pos += 3
        continue
      }
      if ((c === '$' || c === '%') && this.peek(1) === '{') {
        if (text !== '') parts.push(text)
        text = ''
        if (c === '$') parts.push(this.interpolation())
        else {
          this.pos += 2
          this.skipBalanced('}')
          unknown = true
        }
        continue
      }
      text += c
      this.pos++
    }
    if (text !== '') parts.push(text)
    return { kind: 'template', parts, unknown }
  }

  /** `${ expr }` with optional `~` strip markers; the cursor is on the `$`. */
  interpolation(): Expr {
    this.pos += 2
    const saved = this.depth
    this.enter()
    if (this.peek() === '~') this.pos++
    this.blank()
    const expr = this.expression()
    this.blank()
    if (this.peek() === '~') this.pos++
    this.expect('}')
    this.depth = saved
    return expr
  }

  /** `<<EOT` / `<<-EOT` up to a line holding only the marker; the body is a template. */
  heredoc(): Extract<Expr, { kind: 'template' }> {
    const open = this.pos
    this.pos += 2
    const indent = this.peek() === '-'
    if (indent) this.pos++
    const marker = this.ident()
    while (this.peek() === ' ' || this.peek() === '\t' || this.peek() === '\r') this.pos++
    if (this.peek() !== '\n') this.fail('a heredoc marker must end its line')
    this.pos++
    const lines: string[] = []
    let closed = false
    while (this.pos < this.end) {
      let eol = this.src.indexOf('\n', this.pos)
      if (eol < 0 || eol > this.end) eol = this.end
      const lineText = this.src.slice(this.pos, eol).replace(/\r$/, '')
      if (lineText.trim() === marker) {
        // The marker line ends the heredoc; what follows it on the same line is the next token.
        this.pos = this.pos + lineText.indexOf(marker) + marker.length
        closed = true
        break
      }
      lines.push(lineText)
      this.pos = Math.min(eol + 1, this.end)
    }
    if (!closed) this.fail(`unterminated heredoc: no line with ${marker}`, open)
    let body = lines
    if (indent) {
      const widths = lines.filter((l) => l.trim() !== '').map((l) => /^[ \t]*/.exec(l)?.[0].length ?? 0)
      const strip = widths.length === 0 ? 0 : Math.min(...widths)
      body = lines.map((l) => l.slice(Math.min(strip, /^[ \t]*/.exec(l)?.[0].length ?? 0)))
    }
    const content = body.length === 0 ? '' : `${body.join('\n')}\n`
    return templateOf(content)
  }

  /** A template that is one literal chunk is that string. */
  simplify(template: Extract<Expr, { kind: 'template' }>): Expr {
    if (template.unknown) return template
    if (template.parts.length === 0) return { kind: 'literal', value: '' }
    if (template.parts.length === 1 && typeof template.parts[0] === 'string') return { kind: 'literal', value: template.parts[0] }
    return template
  }
}

/** A template body (a heredoc's, or a JSON bake file's string): literal text with `${}`, no escapes. */
export function templateOf(content: string): Extract<Expr, { kind: 'template' }> {
  const parser = new Parser(content)
  const parts: (string | Expr)[] = []
  let text = ''
  let unknown = false
  try {
    while (parser.pos < content.length) {
      const c = content[parser.pos] as string
      if ((c === '$' || c === '%') && parser.peek(1) === c && parser.peek(2) === '{') {
        text += `${c}{`
        parser.pos += 3
      } else if (c === '$' && parser.peek(1) === '{') {
        if (text !== '') parts.push(text)
        text = ''
        parts.push(parser.interpolation())
      } else if (c === '%' && parser.peek(1) === '{') {
        parser.pos += 2
        parser.skipBalanced('}')
        unknown = true
      } else {
        text += c
        parser.pos++
      }
    }
  } catch {
    // An interpolation we cannot parse: the value is unknown, the file still reads.
    return { kind: 'template', parts: [], unknown: true }
  }
  if (text !== '') parts.push(text)
  return { kind: 'template', parts, unknown }
}

/** Line starts of a text, for offset → 1-based line. */
export function lineIndex(text: string): (pos: number) => number {
  const starts = [0]
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1)
  return (pos) => {
    let lo = 0
    let hi = starts.length - 1
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1
      if ((starts[mid] as number) <= pos) lo = mid
      else hi = mid - 1
    }
    return lo + 1
  }
}

export function parseHcl(text: string): HclResult {
  const line = lineIndex(text)
  const parser = new Parser(text)
  try {
    return { ok: true, body: parser.body(false, line) }
  } catch (err) {
    if (err instanceof SyntaxError_) return { ok: false, message: err.message, line: line(err.pos) }
    throw err
  }
}
