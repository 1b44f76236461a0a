/**
 * The structure of a POSIX shell script, as far as rules need it: lists, and-or chains,
 * pipelines, simple commands, and the compound commands (`{ }`, `( )`, if, while, until, for,
 * case, functions) with their conditions told apart from their bodies. Command substitutions
 * (`$(…)` and backquotes) are parsed as nested scripts of the word they appear in; heredoc bodies
 * are skipped. Tolerant: it never throws, and what it cannot read becomes plain words. One pass
 * over the text (nesting is capped), so a 1 MB line costs linear time.
 */

export interface ShWord {
  /** The word with quotes and escapes removed; expansions stay as written (`$HOME`, `$(uname)`). */
  text: string
  /** As written. */
  raw: string
  /** Has a parameter expansion, command substitution or arithmetic outside single quotes. */
  expands: boolean
  /** Has an unquoted glob character (`*`, `?`, `[`). */
  globs: boolean
  /** Any part was quoted or escaped (so it is never a reserved word). */
  quoted: boolean
  /** The scripts of its command substitutions. */
  substitutions: readonly ShList[]
}

export interface ShRedirect {
  /** `>`, `>>`, `<`, `<<`, `<<-`, `>&`, `<&`, `<>`, `>|`, `&>`, `&>>`, `<<<`. */
  op: string
  /** The file descriptor written before the operator, or ''. */
  fd: string
  target: ShWord | null
}

export interface ShSimpleCommand {
  kind: 'simple'
  /** Leading `NAME=value` words. */
  assignments: ShWord[]
  /** The program and its arguments. */
  words: ShWord[]
  redirects: ShRedirect[]
}

export interface ShCompoundCommand {
  kind: 'group' | 'subshell' | 'if' | 'while' | 'until' | 'for' | 'case' | 'function'
  /** Lists whose status is tested: the conditions of if/elif, while and until. */
  conditions: ShList[]
  /** Lists run for their effect: bodies, branches, case items. */
  bodies: ShList[]
  /** The subject of case, the list of for, the name of a function. */
  words: ShWord[]
  redirects: ShRedirect[]
}

export type ShCommand = ShSimpleCommand | ShCompoundCommand

export interface ShPipeline {
  /** `! a | b` */
  negated: boolean
  commands: ShCommand[]
}

export interface ShAndOr {
  pipelines: ShPipeline[]
  /** operators[i] joins pipelines[i] and pipelines[i + 1]. */
  operators: ('&&' | '||')[]
  /** Ended by `&`: run in the background, its status unseen. */
  background: boolean
}

export type ShList = ShAndOr[]

type Token = { type: 'word'; word: ShWord } | { type: 'op'; op: string } | { type: 'newline' } | { type: 'end' }

/** Nesting (substitutions and compound commands together) beyond which text is read as plain words. */
const MAX_DEPTH = 100
const RESERVED_TERMINATORS = new Set(['then', 'elif', 'else', 'fi', 'do', 'done', 'esac', '}'])

const isBlank = (c: number): boolean => c === 32 || c === 9 || c === 13
/** Characters that end an unquoted word: blanks, newline, ; & | ( ) < > */
const isMeta = (c: number): boolean => isBlank(c) || c === 10 || c === 59 || c === 38 || c === 124 || c === 40 || c === 41 || c === 60 || c === 62
const isDigit = (c: number): boolean => c >= 48 && c <= 57

/** Shared by the words without command substitutions (most of them). */
const NONE: readonly ShList[] = Object.freeze([])

const plainWord = (text: string): ShWord => ({ text, raw: text, expands: false, globs: false, quoted: false, substitutions: NONE })

class Parser {
  private pos = 0
  private peeked: Token | null = null
  /** Heredoc delimiters waiting for the next newline: their bodies follow it. */
  private heredocs: { delimiter: string; stripTabs: boolean }[] = []

  constructor(
    private readonly src: string,
    /** How deeply this text is nested: substitutions and compound commands. */
    private depth: number,
    /** Parsing the inside of `$(…)`: an unmatched `)` ends it. */
    private readonly substitution = false
  ) {}

  // ---- lexer ----

  private peek(): Token {
    if (this.peeked === null) this.peeked = this.lex()
    return this.peeked
  }

  private next(): Token {
    const t = this.peek()
    this.peeked = null
    return t
  }

  private lex(): Token {
    const s = this.src
    for (;;) {
      while (this.pos < s.length && isBlank(s.charCodeAt(this.pos))) this.pos++
      if (this.pos >= s.length) return { type: 'end' }
      const c = s.charCodeAt(this.pos)
      // A line continuation is nothing.
      if (c === 92 && s.charCodeAt(this.pos + 1) === 10) {
        this.pos += 2
        continue
      }
      if (c === 35 /* # */) {
        while (this.pos < s.length && s.charCodeAt(this.pos) !== 10) this.pos++
        continue
      }
      if (c === 10) {
        this.pos++
        this.skipHeredocBodies()
        return { type: 'newline' }
      }
      break
    }
    const c = s.charCodeAt(this.pos)
    const d = s.charCodeAt(this.pos + 1)
    const e = s.charCodeAt(this.pos + 2)
    switch (c) {
      case 59 /* ; */:
        return this.op(d === 59 ? (e === 38 ? ';;&' : ';;') : d === 38 ? ';&' : ';')
      case 38 /* & */:
        return this.op(d === 38 ? '&&' : d === 62 ? (e === 62 ? '&>>' : '&>') : '&')
      case 124 /* | */:
        return this.op(d === 124 ? '||' : d === 38 ? '|&' : '|')
      case 40:
        return this.op('(')
      case 41:
        return this.op(')')
      case 60 /* < */:
        if (d === 40) return { type: 'word', word: this.word() }
        return this.op(d === 60 ? (e === 45 ? '<<-' : e === 60 ? '<<<' : '<<') : d === 38 ? '<&' : d === 62 ? '<>' : '<')
      case 62 /* > */:
        if (d === 40) return { type: 'word', word: this.word() }
        return this.op(d === 62 ? '>>' : d === 38 ? '>&' : d === 124 ? '>|' : '>')
    }
    // A file descriptor glued to a redirection: 2>&1, 5<<EOF.
    if (isDigit(c)) {
      let j = this.pos
      while (j < s.length && isDigit(s.charCodeAt(j))) j++
      const after = s.charCodeAt(j)
      if (after === 60 || after === 62) {
        const fd = s.slice(this.pos, j)
        this.pos = j
        const t = this.lex()
        if (t.type === 'op') return { type: 'op', op: fd + t.op }
        return t
      }
    }
    return { type: 'word', word: this.word() }
  }

  private op(op: string): Token {
    this.pos += op.length
    return { type: 'op', op }
  }

  /** After a newline: the bodies of the heredocs opened on the line just ended. */
  private skipHeredocBodies(): void {
    const s = this.src
    for (const h of this.heredocs) {
      while (this.pos < s.length) {
        let end = s.indexOf('\n', this.pos)
        if (end < 0) end = s.length
        let line = s.slice(this.pos, end)
        this.pos = Math.min(end + 1, s.length)
        if (h.stripTabs) line = line.replace(/^\t+/, '')
        if (line === h.delimiter) break
      }
    }
    this.heredocs = []
  }

  private word(): ShWord {
    const s = this.src
    const start = this.pos
    // Most words are plain: read them in one slice.
    let j = start
    let globs = false
    for (; j < s.length; j++) {
      const d = s.charCodeAt(j)
      if (isMeta(d) || d === 92 || d === 39 || d === 34 || d === 36 || d === 96) break
      if (d === 42 || d === 63 || d === 91) globs = true
    }
    if (j > start && (j === s.length || isMeta(s.charCodeAt(j)))) {
      this.pos = j
      const text = s.slice(start, j)
      return { text, raw: text, expands: false, globs, quoted: false, substitutions: NONE }
    }
    let text = ''
    let expands = false
    let quoted = false
    const substitutions: ShList[] = []
    while (this.pos < s.length) {
      const c = s.charCodeAt(this.pos)
      // Process substitution, <(…) or >(…): a word (bash).
      if ((c === 60 || c === 62) && s.charCodeAt(this.pos + 1) === 40) {
        const from = this.pos
        this.nested(substitutions)
        expands = true
        text += s.slice(from, this.pos)
        continue
      }
      if (isMeta(c)) break
      if (c === 92 /* \ */) {
        if (s.charCodeAt(this.pos + 1) === 10) {
          this.pos += 2
          continue
        }
        quoted = true
        text += s[this.pos + 1] ?? ''
        this.pos += 2
      } else if (c === 39 /* ' */) {
        quoted = true
        const end = s.indexOf("'", this.pos + 1)
        const stop = end < 0 ? s.length : end
        text += s.slice(this.pos + 1, stop)
        this.pos = stop + 1
      } else if (c === 34 /* " */) {
        quoted = true
        this.pos++
        while (this.pos < s.length && s.charCodeAt(this.pos) !== 34) {
          const d = s.charCodeAt(this.pos)
          if (d === 92 && this.pos + 1 < s.length) {
            const e = s[this.pos + 1] as string
            text += e === '"' || e === '\\' || e === '$' || e === '`' ? e : e === '\n' ? '' : '\\' + e
            this.pos += 2
          } else if (d === 36 /* $ */ || d === 96 /* ` */) {
            const part = this.expansion(substitutions)
            if (part.expands) expands = true
            text += part.text
          } else {
            text += s[this.pos]
            this.pos++
          }
        }
        this.pos++
      } else if (c === 36 || c === 96) {
        const part = this.expansion(substitutions)
        if (part.expands) expands = true
        text += part.text
      } else {
        if (c === 42 || c === 63 || c === 91) globs = true
        // Copy the run of plain characters at once.
        let j = this.pos + 1
        while (j < s.length) {
          const d = s.charCodeAt(j)
          if (isMeta(d) || d === 92 || d === 39 || d === 34 || d === 36 || d === 96) break
          if (d === 42 || d === 63 || d === 91) globs = true
          j++
        }
        text += s.slice(this.pos, j)
        this.pos = j
      }
    }
    return { text, raw: s.slice(start, this.pos), expands, globs, quoted, substitutions: substitutions.length === 0 ? NONE : substitutions }
  }

  /** `$name`, `${…}`, `$(…)`, `$((…))` or a backquoted command at pos, kept as written. */
  private expansion(substitutions: ShList[]): { text: string; expands: boolean } {
    const s = this.src
    const start = this.pos
    if (s.charCodeAt(this.pos) === 96) {
      let j = this.pos + 1
      let inner = ''
      while (j < s.length && s.charCodeAt(j) !== 96) {
        if (s.charCodeAt(j) === 92 && j + 1 < s.length) {
          inner += s[j + 1]
          j += 2
        } else inner += s[j++]
      }
      this.pos = Math.min(j + 1, s.length)
      substitutions.push(this.depth < MAX_DEPTH ? new Parser(inner, this.depth + 1).script() : [])
      return { text: s.slice(start, this.pos), expands: true }
    }
    const c = s.charCodeAt(this.pos + 1)
    if (c === 40 /* ( */ && s.charCodeAt(this.pos + 2) === 40) {
      this.pos = skipBalanced(s, this.pos + 1, 40, 41)
      return { text: s.slice(start, this.pos), expands: true }
    }
    if (c === 40) {
      this.nested(substitutions)
      return { text: s.slice(start, this.pos), expands: true }
    }
    if (c === 123 /* { */) {
      this.pos = skipBalanced(s, this.pos + 1, 123, 125)
      return { text: s.slice(start, this.pos), expands: true }
    }
    let j = this.pos + 1
    if (j < s.length && /[A-Za-z_]/.test(s[j] as string)) {
      while (j < s.length && /[A-Za-z0-9_]/.test(s[j] as string)) j++
    } else if (j < s.length && /[0-9@*#?$!-]/.test(s[j] as string)) j++
    else {
      // A lone `$` is literal.
      this.pos = j
      return { text: '$', expands: false }
    }
    this.pos = j
    return { text: s.slice(start, j), expands: true }
  }

  /** The script of `$(…)`, `<(…)` or `>(…)` at pos (two characters before it starts). */
  private nested(substitutions: ShList[]): void {
    if (this.depth >= MAX_DEPTH) {
      this.pos = skipBalanced(this.src, this.pos + 1, 40, 41)
      substitutions.push([])
      return
    }
    const inner = new Parser(this.src, this.depth + 1, true)
    inner.pos = this.pos + 2
    substitutions.push(inner.script())
    // The nested script stopped at its closing `)`, already read (or at the end).
    this.pos = inner.pos
  }

  // ---- parser ----

  script(): ShList {
    const list = this.list(new Set())
    return list
  }

  /** A list up to a reserved word in `stops` (not consumed), `)`, `;;` or the end. */
  private list(stops: ReadonlySet<string>): ShList {
    const out: ShList = []
    for (;;) {
      const t = this.peek()
      if (t.type === 'end') break
      if (t.type === 'newline' || (t.type === 'op' && (t.op === ';' || t.op === '&'))) {
        this.next()
        continue
      }
      if (t.type === 'op' && (t.op === ')' || t.op === ';;' || t.op === ';&' || t.op === ';;&')) {
        if (stops.size > 0 || this.substitution) break
        this.next()
        continue
      }
      if (t.type === 'word' && !t.word.quoted && (stops.has(t.word.text) || RESERVED_TERMINATORS.has(t.word.text))) {
        if (stops.has(t.word.text)) break
        // A stray terminator (`fi` with no `if`): skip it.
        this.next()
        continue
      }
      const andOr = this.andOr()
      if (andOr === null) {
        this.next()
        continue
      }
      const sep = this.peek()
      if (sep.type === 'op' && sep.op === '&') andOr.background = true
      out.push(andOr)
    }
    return out
  }

  private andOr(): ShAndOr | null {
    const first = this.pipeline()
    if (first === null) return null
    const result: ShAndOr = { pipelines: [first], operators: [], background: false }
    for (;;) {
      const t = this.peek()
      if (t.type !== 'op' || (t.op !== '&&' && t.op !== '||')) break
      this.next()
      this.skipNewlines()
      const p = this.pipeline()
      if (p === null) break
      result.operators.push(t.op)
      result.pipelines.push(p)
    }
    return result
  }

  private pipeline(): ShPipeline | null {
    let negated = false
    let t = this.peek()
    while (t.type === 'word' && !t.word.quoted && t.word.text === '!') {
      negated = !negated
      this.next()
      t = this.peek()
    }
    const first = this.command()
    if (first === null) return negated ? { negated, commands: [] } : null
    const commands = [first]
    for (;;) {
      const p = this.peek()
      if (p.type !== 'op' || (p.op !== '|' && p.op !== '|&')) break
      this.next()
      this.skipNewlines()
      const c = this.command()
      if (c === null) break
      commands.push(c)
    }
    return { negated, commands }
  }

  private skipNewlines(): void {
    while (this.peek().type === 'newline') this.next()
  }

  private reserved(): string | null {
    const t = this.peek()
    return t.type === 'word' && !t.word.quoted ? t.word.text : null
  }

  private command(): ShCommand | null {
    if (this.depth >= MAX_DEPTH) return this.simpleCommand()
    this.depth++
    const c = this.compoundOrSimple()
    this.depth--
    return c
  }

  private compoundOrSimple(): ShCommand | null {
    const t = this.peek()
    if (t.type === 'op' && t.op === '(') {
      this.next()
      const body = this.list(new Set([')']))
      this.expectOp(')')
      return this.withRedirects({ kind: 'subshell', conditions: [], bodies: [body], words: [], redirects: [] })
    }
    const r = this.reserved()
    switch (r) {
      case '{': {
        this.next()
        const body = this.list(new Set(['}']))
        this.expectWord('}')
        return this.withRedirects({ kind: 'group', conditions: [], bodies: [body], words: [], redirects: [] })
      }
      case 'if':
        return this.ifCommand()
      case 'while':
      case 'until': {
        this.next()
        const condition = this.list(new Set(['do']))
        this.expectWord('do')
        const body = this.list(new Set(['done']))
        this.expectWord('done')
        return this.withRedirects({ kind: r, conditions: [condition], bodies: [body], words: [], redirects: [] })
      }
      case 'for':
        return this.forCommand()
      case 'case':
        return this.caseCommand()
      case 'function': {
        this.next()
        const name = this.next()
        if (this.peekOp('(')) {
          this.next()
          this.expectOp(')')
        }
        this.skipNewlines()
        return this.functionFrom(name.type === 'word' ? name.word : plainWord(''), this.command())
      }
      default:
        if (r !== null && RESERVED_TERMINATORS.has(r)) return null
        return this.simpleCommand()
    }
  }

  private peekOp(op: string): boolean {
    const t = this.peek()
    return t.type === 'op' && t.op === op
  }

  private expectOp(op: string): void {
    if (this.peekOp(op)) this.next()
  }

  private expectWord(word: string): void {
    if (this.reserved() === word) this.next()
  }

  private ifCommand(): ShCompoundCommand {
    this.next()
    const conditions: ShList[] = []
    const bodies: ShList[] = []
    conditions.push(this.list(new Set(['then'])))
    this.expectWord('then')
    bodies.push(this.list(new Set(['elif', 'else', 'fi'])))
    for (;;) {
      const r = this.reserved()
      if (r === 'elif') {
        this.next()
        conditions.push(this.list(new Set(['then'])))
        this.expectWord('then')
        bodies.push(this.list(new Set(['elif', 'else', 'fi'])))
      } else if (r === 'else') {
        this.next()
        bodies.push(this.list(new Set(['fi'])))
      } else break
    }
    this.expectWord('fi')
    return this.withRedirects({ kind: 'if', conditions, bodies, words: [], redirects: [] })
  }

  private forCommand(): ShCompoundCommand {
    this.next()
    const words: ShWord[] = []
    const name = this.next()
    if (name.type === 'word') words.push(name.word)
    this.skipNewlines()
    if (this.reserved() === 'in') {
      this.next()
      for (;;) {
        const t = this.peek()
        if (t.type !== 'word') break
        this.next()
        words.push(t.word)
      }
    }
    // `for ((…))` and other forms: read up to `do`.
    while (this.peek().type !== 'end' && this.reserved() !== 'do') this.next()
    this.expectWord('do')
    const body = this.list(new Set(['done']))
    this.expectWord('done')
    return this.withRedirects({ kind: 'for', conditions: [], bodies: [body], words, redirects: [] })
  }

  private caseCommand(): ShCompoundCommand {
    this.next()
    const words: ShWord[] = []
    const subject = this.next()
    if (subject.type === 'word') words.push(subject.word)
    this.skipNewlines()
    this.expectWord('in')
    const bodies: ShList[] = []
    for (;;) {
      this.skipNewlines()
      const t = this.peek()
      if (t.type === 'end' || this.reserved() === 'esac') break
      // The pattern: words and `|` up to `)`.
      if (this.peekOp('(')) this.next()
      for (;;) {
        const p = this.peek()
        if (p.type === 'end' || p.type === 'newline' || (p.type === 'op' && p.op === ')')) break
        this.next()
      }
      this.expectOp(')')
      bodies.push(this.list(new Set(['esac'])))
      const sep = this.peek()
      if (sep.type === 'op' && (sep.op === ';;' || sep.op === ';&' || sep.op === ';;&')) this.next()
      else if (this.reserved() !== 'esac') break
    }
    this.expectWord('esac')
    return this.withRedirects({ kind: 'case', conditions: [], bodies, words, redirects: [] })
  }

  private withRedirects(c: ShCompoundCommand): ShCompoundCommand {
    for (;;) {
      const r = this.redirect()
      if (r === null) break
      c.redirects.push(r)
    }
    return c
  }

  private redirect(): ShRedirect | null {
    const t = this.peek()
    if (t.type !== 'op') return null
    // A redirection operator, after any file descriptor: starts with < or >, or is &> / &>>.
    let at = 0
    while (at < t.op.length && isDigit(t.op.charCodeAt(at))) at++
    const first = t.op.charCodeAt(at)
    if (first !== 60 && first !== 62 && !(first === 38 && t.op.charCodeAt(at + 1) === 62)) return null
    this.next()
    const op = t.op.slice(at)
    const fd = t.op.slice(0, at)
    const target = this.peek()
    let word: ShWord | null = null
    if (target.type === 'word') {
      this.next()
      word = target.word
      if (op === '<<' || op === '<<-') this.heredocs.push({ delimiter: word.text, stripTabs: op === '<<-' })
    }
    return { op, fd, target: word }
  }

  private simpleCommand(): ShCommand | null {
    const command: ShSimpleCommand = { kind: 'simple', assignments: [], words: [], redirects: [] }
    for (;;) {
      const r = this.redirect()
      if (r !== null) {
        command.redirects.push(r)
        continue
      }
      const t = this.peek()
      if (t.type !== 'word') break
      if (command.words.length === 0 && /^[A-Za-z_][A-Za-z0-9_]*=/.test(t.word.raw)) {
        this.next()
        command.assignments.push(t.word)
        continue
      }
      this.next()
      command.words.push(t.word)
      // `[[ … ]]`: its && || ( ) < > belong to the test.
      if (command.words.length === 1 && t.word.raw === '[[') this.conditionalExpression(command)
      // `name() { … }`: a function definition.
      if (command.words.length === 1 && command.assignments.length === 0 && this.peekOp('(')) {
        this.next()
        this.expectOp(')')
        this.skipNewlines()
        return this.functionFrom(t.word, this.command())
      }
    }
    return command.words.length === 0 && command.assignments.length === 0 && command.redirects.length === 0 ? null : command
  }

  private functionFrom(name: ShWord, body: ShCommand | null): ShCompoundCommand {
    return { kind: 'function', conditions: [], bodies: body === null ? [] : [[{ pipelines: [{ negated: false, commands: [body] }], operators: [], background: false }]], words: [name], redirects: [] }
  }

  private conditionalExpression(command: ShSimpleCommand): void {
    for (;;) {
      const t = this.peek()
      if (t.type === 'end' || t.type === 'newline') return
      this.next()
      const word = t.type === 'word' ? t.word : plainWord(t.op)
      command.words.push(word)
      if (t.type === 'word' && t.word.raw === ']]') return
    }
  }
}

/** The position after the bracket that closes the one at `open` (quotes skipped), or the end. */
function skipBalanced(s: string, open: number, opening: number, closing: number): number {
  let depth = 0
  for (let i = open; i < s.length; i++) {
    const c = s.charCodeAt(i)
    if (c === 92) i++
    else if (c === 39) {
      const end = s.indexOf("'", i + 1)
      i = end < 0 ? s.length : end
    } else if (c === opening) depth++
    else if (c === closing && --depth === 0) return i + 1
  }
  return s.length
}

/** Parses a shell script. */
export function parseShell(script: string): ShList {
  return new Parser(script, 0).script()
}

/** Where a pipeline runs, as far as its exit status goes. */
export interface PipelineContext {
  /** Its status is tested: an if/elif/while/until condition, or negated with `!`. */
  tested: boolean
  /** Inside a command substitution, `$(…)`, whose status is lost. */
  substituted: boolean
  /** Its status is thrown away: run in the background, or followed by `|| true` (or `|| :`). */
  ignored: boolean
}

/** The eight contexts, shared: forEachPipeline visits every pipeline of every RUN, and a new object per visit was much of the rules' garbage. */
const CONTEXTS: readonly PipelineContext[] = Array.from({ length: 8 }, (_, i) => Object.freeze({ tested: (i & 1) !== 0, substituted: (i & 2) !== 0, ignored: (i & 4) !== 0 }))
const contextOf = (tested: boolean, substituted: boolean, ignored: boolean): PipelineContext => CONTEXTS[(tested ? 1 : 0) | (substituted ? 2 : 0) | (ignored ? 4 : 0)] as PipelineContext
const TOP = contextOf(false, false, false)

const isNoop = (p: ShPipeline | undefined): boolean => {
  const c = p?.commands.length === 1 ? p.commands[0] : undefined
  return c?.kind === 'simple' && c.words.length === 1 && (c.words[0]?.text === 'true' || c.words[0]?.text === ':')
}

/** Visits the pipelines of the command substitutions in these words (the words whose substitutions run). */
function substitutionsIn(words: readonly ShWord[], visit: (pipeline: ShPipeline, context: PipelineContext) => void, context: PipelineContext): void {
  for (const w of words) for (const s of w.substitutions) forEachPipeline(s, visit, context)
}

/** Calls `visit` for every pipeline of the script, nested ones included, with its context. */
export function forEachPipeline(list: ShList, visit: (pipeline: ShPipeline, context: PipelineContext) => void, context: PipelineContext = TOP): void {
  for (const andOr of list) {
    const { pipelines } = andOr
    for (let i = 0; i < pipelines.length; i++) {
      const p = pipelines[i] as ShPipeline
      const own = contextOf(context.tested || p.negated, context.substituted, context.ignored || andOr.background || (andOr.operators[i] === '||' && isNoop(pipelines[i + 1])))
      visit(p, own)
      const substituted = contextOf(own.tested, true, own.ignored)
      for (const c of p.commands) {
        // The words whose command substitutions run: assignments, words and redirection targets.
        if (c.kind === 'simple') substitutionsIn(c.assignments, visit, substituted)
        substitutionsIn(c.words, visit, substituted)
        for (const r of c.redirects) if (r.target !== null) for (const s of r.target.substitutions) forEachPipeline(s, visit, substituted)
        if (c.kind === 'simple') continue
        const tested = contextOf(true, own.substituted, own.ignored)
        for (const condition of c.conditions) forEachPipeline(condition, visit, tested)
        for (const b of c.bodies) forEachPipeline(b, visit, own)
      }
    }
  }
}

/** Every simple command the script runs, those in command substitutions included. */
export function simpleCommands(list: ShList): ShSimpleCommand[] {
  const out: ShSimpleCommand[] = []
  forEachPipeline(list, (p) => {
    for (const c of p.commands) if (c.kind === 'simple') out.push(c)
  })
  return out
}

/** The simple commands of a command, in order, bodies and conditions included (not substitutions). */
export function commandsWithin(c: ShCommand): ShSimpleCommand[] {
  if (c.kind === 'simple') return [c]
  const out: ShSimpleCommand[] = []
  for (const l of [...c.conditions, ...c.bodies]) for (const a of l) for (const p of a.pipelines) for (const x of p.commands) out.push(...commandsWithin(x))
  return out
}
