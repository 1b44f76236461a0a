/**
 * Enough of bash to find the commands of a workflow `run:` script and their words: quotes,
 * escapes, `\` line continuations, comments, heredoc bodies (skipped: their text is data), `$(…)`
 * and backticks (unknown, and never scanned for commands), variables from the step's environment,
 * plain `NAME=value` assignments and `for NAME in …; do … done` loops. Not a shell: no globbing,
 * no functions, no `case`.
 */
import type { Maybe } from './types.js'

/** Marks text whose value is unknown (an expression the workflow fills in at run time). */
export const UNKNOWN_TEXT = '\uE000'

type Part =
  | { kind: 'text'; text: string; quoted: boolean }
  | { kind: 'var'; name: string; quoted: boolean; op: string; arg: Part[] }
  | { kind: 'unknown' }

interface Word {
  parts: Part[]
  offset: number
}

type Token = { kind: 'word'; word: Word } | { kind: 'op'; op: string; offset: number }

export interface ShellCommand {
  /** the words as evaluated; unknown parts (a substitution, an unknown variable) are UNKNOWN_TEXT */
  argv: string[]
  /** offset of the command's first word in the script */
  offset: number
}

const MAX_LOOP_EXPANSION = 16

/** Scans a script into words and operators. */
function lex(script: string): Token[] {
  const tokens: Token[] = []
  let i = 0
  let parts: Part[] = []
  let text = ''
  let start = -1
  /** heredoc delimiters waiting for the end of the current line */
  let heredocs: { delimiter: string; strip: boolean }[] = []
  const mark = (): void => {
    if (start < 0) start = i
  }
  const flushText = (quoted = false): void => {
    if (text !== '') parts.push({ kind: 'text', text, quoted })
    text = ''
  }
  const endWord = (): void => {
    flushText()
    if (start >= 0) tokens.push({ kind: 'word', word: { parts, offset: start } })
    parts = []
    start = -1
  }
  /** Skips from an opening `(` (or backtick) to its partner, over quotes and nesting. */
  const skipGroup = (open: string, close: string): void => {
    let depth = 1
    while (i < script.length && depth > 0) {
      const c = script[i] as string
      if (c === '\\') i += 2
      else if (c === "'" && open !== '`') {
        const end = script.indexOf("'", i + 1)
        i = end < 0 ? script.length : end + 1
      } else if (c === '"' && open !== '`') {
        i++
        while (i < script.length && script[i] !== '"') i += script[i] === '\\' ? 2 : 1
        i++
      } else {
        if (c === close) depth--
        else if (c === open && open !== close) depth++
        i++
      }
    }
  }
  /** `$NAME`, `${NAME…}`, `$(…)`; the cursor is on the `$`. */
  const dollar = (quoted: boolean): void => {
    const next = script[i + 1] ?? ''
    if (next === '(') {
      flushText(quoted)
      i += 2
      skipGroup('(', ')')
      parts.push({ kind: 'unknown' })
    } else if (next === '{') {
      flushText(quoted)
      const close = script.indexOf('}', i + 2)
      const inner = close < 0 ? '' : script.slice(i + 2, close)
      i = close < 0 ? script.length : close + 1
      const match = /^([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-=+?])([\s\S]*))?$/.exec(inner)
      if (match === null) parts.push({ kind: 'unknown' })
      else parts.push({ kind: 'var', name: match[1] as string, quoted, op: match[2] ?? '', arg: match[3] === undefined ? [] : [{ kind: 'text', text: match[3], quoted: true }] })
    } else if (/[A-Za-z_]/.test(next)) {
      flushText(quoted)
      const match = /^[A-Za-z_][A-Za-z0-9_]*/.exec(script.slice(i + 1, i + 200)) as RegExpExecArray
      i += 1 + match[0].length
      parts.push({ kind: 'var', name: match[0], quoted, op: '', arg: [] })
    } else if (/[0-9@*#?$!-]/.test(next)) {
      flushText(quoted)
      i += 2
      parts.push({ kind: 'unknown' })
    } else {
      text += '$'
      i++
    }
  }
  const skipHeredocBodies = (): void => {
    for (const { delimiter, strip } of heredocs) {
      while (i < script.length) {
        let eol = script.indexOf('\n', i)
        if (eol < 0) eol = script.length
        const line = script.slice(i, eol).replace(/\r$/, '')
        i = Math.min(eol + 1, script.length)
        if ((strip ? line.replace(/^\t+/, '') : line).trim() === delimiter) break
      }
    }
    heredocs = []
  }
  while (i < script.length) {
    const c = script[i] as string
    if (c === '\\' && script[i + 1] === '\n') {
      i += 2
      continue
    }
    if (c === '\\' && script[i + 1] === '\r' && script[i + 2] === '\n') {
      i += 3
      continue
    }
    if (c === ' ' || c === '\t' || c === '\r') {
      endWord()
      i++
      continue
    }
    if (c === '\n') {
      endWord()
      tokens.push({ kind: 'op', op: '\n', offset: i })
      i++
      if (heredocs.length > 0) skipHeredocBodies()
      continue
    }
    if (c === '#' && start < 0) {
      while (i < script.length && script[i] !== '\n') i++
      continue
    }
    if (c === "'") {
      mark()
      flushText()
      const end = script.indexOf("'", i + 1)
      const body = script.slice(i + 1, end < 0 ? script.length : end)
      parts.push({ kind: 'text', text: body, quoted: true })
      i = end < 0 ? script.length : end + 1
      continue
    }
    if (c === '"') {
      mark()
      flushText()
      i++
      while (i < script.length && script[i] !== '"') {
        const d = script[i] as string
        if (d === '\\' && '"\\$`\n'.includes(script[i + 1] ?? '')) {
          if (script[i + 1] !== '\n') text += script[i + 1]
          i += 2
        } else if (d === '$') dollar(true)
        else if (d === '`') {
          flushText(true)
          i++
          skipGroup('`', '`')
          parts.push({ kind: 'unknown' })
        } else {
          text += d
          i++
        }
      }
      flushText(true)
      // Keep an empty "" as a word of its own.
      if (parts.length === 0) parts.push({ kind: 'text', text: '', quoted: true })
      i++
      continue
    }
    if (c === '\\') {
      mark()
      text += script[i + 1] ?? ''
      i += 2
      continue
    }
    if (c === '$') {
      mark()
      dollar(false)
      continue
    }
    if (c === '`') {
      mark()
      flushText()
      i++
      skipGroup('`', '`')
      parts.push({ kind: 'unknown' })
      continue
    }
    if (c === '<' && script.startsWith('<<<', i)) {
      // A here-string: its word is data.
      endWord()
      i += 3
      tokens.push({ kind: 'op', op: 'redirect', offset: i })
      continue
    }
    if (c === '<' && script[i + 1] === '<') {
      endWord()
      i += 2
      const strip = script[i] === '-'
      if (strip) i++
      while (script[i] === ' ' || script[i] === '\t') i++
      const match = /^(?:'([^'\n]*)'|"([^"\n]*)"|\\?([A-Za-z0-9_.-]+))/.exec(script.slice(i, i + 200))
      if (match !== null) {
        heredocs.push({ delimiter: match[1] ?? match[2] ?? match[3] ?? '', strip })
        i += match[0].length
      }
      continue
    }
    if (c === '&' || c === '|' || c === ';' || c === '(' || c === ')') {
      endWord()
      const two = script.slice(i, i + 2)
      const op = two === '&&' || two === '||' || two === ';;' ? two : c
      tokens.push({ kind: 'op', op, offset: i })
      i += op.length
      continue
    }
    if (c === '>' || c === '<') {
      // A redirection: its target is a word we do not need, nor the fd number before it (`2>&1`).
      if (parts.length === 0 && /^\d+$/.test(text)) {
        text = ''
        start = -1
      }
      endWord()
      i++
      if (script[i] === '>' || script[i] === '&') i++
      tokens.push({ kind: 'op', op: 'redirect', offset: i })
      continue
    }
    mark()
    text += c
    i++
  }
  endWord()
  return tokens
}

type Env = ReadonlyMap<string, Maybe>

/**
 * A word's value under `env`, unknown parts as UNKNOWN_TEXT (so `K=$(x)` still says K). A known
 * unquoted value splits on blanks: `$FLAGS` is as many words as it holds.
 */
function evaluateWord(word: Word, env: Env): string[] {
  let value = ''
  let splittable = false
  for (const part of word.parts) {
    if (part.kind === 'unknown') {
      value += UNKNOWN_TEXT
      continue
    }
    if (part.kind === 'text') {
      value += part.text
      continue
    }
    const known = env.get(part.name)
    let piece: Maybe
    if (part.op === ':-' || part.op === '-') {
      if (known === null) piece = null
      else if (known !== undefined && (known !== '' || part.op === '-')) piece = known
      else piece = evaluateWord({ parts: part.arg, offset: word.offset }, env).join(' ')
    } else if (part.op === '') piece = known ?? null
    else piece = null
    value += piece ?? UNKNOWN_TEXT
    if (!part.quoted && piece !== null) splittable = true
  }
  if (splittable && /\s/.test(value)) return value.split(/\s+/).filter((w) => w !== '')
  return [value]
}

/** A word, or null when any part of it is unknown. */
export function known(word: string | undefined): Maybe {
  return word === undefined || word.includes(UNKNOWN_TEXT) ? null : word
}

/** The literal text of a word when it has no expansions (keywords, assignments). */
function literalWord(word: Word): string | null {
  let text = ''
  for (const part of word.parts) {
    if (part.kind !== 'text') return null
    text += part.text
  }
  return text
}

const KEYWORDS = new Set(['if', 'then', 'else', 'elif', 'fi', 'do', 'while', 'until', '!', '{', '}', 'time'])
const WRAPPERS = new Set(['sudo', 'exec', 'nice', 'nohup', 'command', 'env', 'xargs', 'timeout'])
const DECLARATIONS = new Set(['export', 'local', 'declare', 'readonly', 'typeset'])

/**
 * The simple commands of a script, with words evaluated under `env` (the step's environment).
 * A command inside `for v in a b` is returned once per value of `v` (at most 16).
 */
export function shellCommands(script: string, env: Env): ShellCommand[] {
  const tokens = lex(script)
  const vars = new Map<string, Maybe>(env)
  const loops: { name: string; values: Maybe[] }[] = []
  const commands: ShellCommand[] = []
  let words: Word[] = []
  const assign = (text: string, word: Word): boolean => {
    const match = /^([A-Za-z_][A-Za-z0-9_]*)\+?=/.exec(text)
    if (match === null) return false
    const name = match[1] as string
    const rest: Word = { parts: [], offset: word.offset }
    // Drop the `NAME=` from the word's first text part, keep the rest of its parts.
    let skip = match[0].length
    for (const part of word.parts) {
      if (skip > 0 && part.kind === 'text') {
        const cut = Math.min(skip, part.text.length)
        skip -= cut
        if (part.text.length > cut) rest.parts.push({ ...part, text: part.text.slice(cut) })
      } else rest.parts.push(part)
    }
    const values = evaluateWord({ ...rest, parts: rest.parts.map((p) => (p.kind === 'var' || p.kind === 'text' ? { ...p, quoted: true } : p)) }, vars)
    vars.set(name, match[0].endsWith('+=') ? null : known(values[0] ?? ''))
    return true
  }
  const finish = (): void => {
    let list = words
    words = []
    // Leading keywords, assignments and wrappers are not the program.
    for (;;) {
      const first = list[0]
      if (first === undefined) return
      const text = literalWord(first)
      if (text === 'for' && list[1] !== undefined) {
        const name = literalWord(list[1]) ?? ''
        const inAt = list.findIndex((w) => literalWord(w) === 'in')
        const items = inAt < 0 ? [null] : list.slice(inAt + 1).flatMap((w) => (literalWord(w) === 'do' ? [] : evaluateWord(w, vars).map(known)))
        loops.push({ name, values: items.length > MAX_LOOP_EXPANSION ? [null] : items })
        const doAt = list.findIndex((w) => literalWord(w) === 'do')
        if (doAt < 0) return
        list = list.slice(doAt + 1)
        continue
      }
      if (text === 'done') {
        loops.pop()
        list = list.slice(1)
        continue
      }
      if (text !== null && (KEYWORDS.has(text) || WRAPPERS.has(text))) {
        list = list.slice(1)
        // A wrapper's own options (`sudo -E`, `timeout 10m`).
        while (list[0] !== undefined && /^-|^\d+[smh]?$/.test(literalWord(list[0]) ?? '')) list = list.slice(1)
        continue
      }
      if (text !== null && DECLARATIONS.has(text)) {
        for (const w of list.slice(1)) assign(w.parts[0]?.kind === 'text' ? w.parts[0].text : '', w)
        return
      }
      if (text !== null || first.parts[0]?.kind === 'text') {
        const head = first.parts[0]?.kind === 'text' ? first.parts[0].text : ''
        if (/^[A-Za-z_][A-Za-z0-9_]*\+?=/.test(head)) {
          const rest = list.slice(1)
          // `NAME=value` alone sets a shell variable; before a program it only sets that program's environment.
          if (rest.length === 0) assign(head, first)
          list = rest
          continue
        }
      }
      break
    }
    const offset = (list[0] as Word).offset
    // Expand the loop variables the command uses.
    let bindings: Map<string, Maybe>[] = [new Map<string, Maybe>()]
    for (const loop of loops) {
      if (!list.some((w) => w.parts.some((p) => p.kind === 'var' && p.name === loop.name))) continue
      const next: Map<string, Maybe>[] = []
      for (const b of bindings) for (const v of loop.values) next.push(new Map(b).set(loop.name, v))
      bindings = next.length > MAX_LOOP_EXPANSION ? [new Map([[loop.name, null]])] : next
    }
    for (const binding of bindings) {
      const scope = new Map(vars)
      for (const [k, v] of binding) scope.set(k, v)
      commands.push({ argv: list.flatMap((w) => evaluateWord(w, scope)), offset })
    }
  }
  let redirect = false
  for (const token of tokens) {
    if (token.kind === 'op') {
      if (token.op === 'redirect') {
        redirect = true
        continue
      }
      finish()
      continue
    }
    if (redirect) {
      redirect = false
      continue
    }
    words.push(token.word)
  }
  finish()
  return commands
}
