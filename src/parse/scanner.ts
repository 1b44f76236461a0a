/**
 * The first pass over a Dockerfile's lines, as BuildKit's parser reads them: parser directives
 * at the top, comments, and where each instruction starts and ends (continuation lines, blank
 * and comment lines inside a continuation, heredoc bodies). One linear pass; no regular
 * expression runs over more than one line, so a 10 MB file or a 1 MB line stays linear.
 */
import { continuationAt, logicalLine, splitWords, type LogicalLine } from './words.js'

export interface ScannedDirective {
  /** Lower case. */
  name: string
  value: string
  /** 0-based. */
  line: number
}

export interface ScannedHeredoc {
  name: string
  /** `<<-NAME`: leading tabs are stripped from the body and the terminator. */
  stripTabs: boolean
  quoted: boolean
  /** 0-based line of the first body line. */
  bodyStart: number
  /** 0-based line of the terminator, or null when the file ends first. */
  terminator: number | null
}

export interface ScannedInstruction {
  keywordRaw: string
  /** 0-based lines: the keyword's, and the last one (heredoc bodies included). */
  first: number
  last: number
  /** Column just after the keyword on the first line. */
  keywordEnd: number
  /** The instruction's logical line (continuations joined, from `keywordEnd`). */
  logical: LogicalLine
  heredocs: ScannedHeredoc[]
}

export interface ScannedComment {
  /** 0-based. */
  line: number
  /** After `#` and the spaces that follow it. */
  text: string
}

/**
 * The parser directives at the top, as BuildKit reads them. It reads them twice, and the two
 * readings differ: a file can set its escape character in one and not name a frontend in the other.
 */
export interface ScannedDirectives {
  /**
   * What Parse reads (parser.go processLine → possibleParserDirective): consecutive directive
   * lines from the first, each with its indentation stripped first. All of them in order, a
   * repeated name included (a repeat fails the build). The escape character comes from here,
   * and these lines are neither comments nor instructions.
   */
  parsed: ScannedDirective[]
  /**
   * What DetectSyntax (`syntax`) and ParseDirective (`check`) read (directives.go parseDirective):
   * raw lines, so an indented one ends them, but a `#!` first line is skipped. They stop at a
   * repeated name, so the first of each name counts.
   */
  raw: ScannedDirective[]
}

/** BuildKit's directive names; any other `# key=value` at the top ends the directives. */
const DIRECTIVE_NAMES: ReadonlySet<string> = new Set(['syntax', 'escape', 'check'])

/** Instructions that may carry heredocs. */
const HEREDOC_KEYWORDS: ReadonlySet<string> = new Set(['RUN', 'COPY', 'ADD'])
/** BuildKit's heredoc word: optional fd digits, `<<`, optional `-`, then the (maybe quoted) name. */
const HEREDOC_WORD = /^\d*<<(-?)([^<]*)$/

const isBlank = (c: number): boolean => c === 32 || c === 9
/** Blanks between an instruction's words, as BuildKit splits the command from its arguments (`[\t\v\f\r ]`). */
const isSpaceCode = (c: number): boolean => c === 32 || c === 9 || c === 11 || c === 12 || c === 13

/** Index of the first character that is not a space or tab, or the line's length. */
function indent(line: string): number {
  let i = 0
  while (i < line.length && isBlank(line.charCodeAt(i))) i++
  return i
}

/** Go's unicode.IsSpace: BuildKit trims it from a line's start and after a directive's `#`. */
function isUnicodeSpace(c: number): boolean {
  return (c >= 9 && c <= 13) || c === 32 || c === 0x85 || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000
}
/** `\s` of Go's regular expressions: `[\t\n\f\r ]`. */
const isRegexSpace = (c: number): boolean => c === 32 || c === 9 || c === 10 || c === 12 || c === 13
const isLetter = (c: number): boolean => (c | 32) >= 97 && (c | 32) <= 122
const isDigit = (c: number): boolean => c >= 48 && c <= 57

/**
 * A `#` directive line from column `from`, as DirectiveParser.ParseLine reads it: `#`, blanks,
 * then `^([a-zA-Z][a-zA-Z0-9]*)\s*=\s*(.+?)\s*$` (directives.go directiveRegexp), matched in code
 * so that long runs of blanks stay linear. The value needs a character: `# syntax=` is a comment,
 * and ends the directives. null when the line is not `# name=value`; any name.
 */
function directiveAt(line: string, from: number): { name: string; value: string } | null {
  if (line.charCodeAt(from) !== 35 /* # */) return null
  let i = from + 1
  while (i < line.length && isUnicodeSpace(line.charCodeAt(i))) i++
  const nameStart = i
  if (!isLetter(line.charCodeAt(i))) return null
  while (i < line.length && (isLetter(line.charCodeAt(i)) || isDigit(line.charCodeAt(i)))) i++
  const name = line.slice(nameStart, i).toLowerCase()
  while (i < line.length && isRegexSpace(line.charCodeAt(i))) i++
  if (line.charCodeAt(i) !== 61 /* = */ || i + 1 === line.length) return null
  let start = i + 1
  while (start < line.length && isRegexSpace(line.charCodeAt(start))) start++
  let end = line.length
  while (end > start && isRegexSpace(line.charCodeAt(end - 1))) end--
  // Blanks only: the regex's `\s*` gives the last one back to `(.+?)`.
  return { name, value: start < end ? line.slice(start, end) : line.slice(-1) }
}

/** Both of BuildKit's readings of the directives at the top of the lines (see ScannedDirectives). */
export function scanDirectives(lines: readonly string[]): ScannedDirectives {
  const parsed: ScannedDirective[] = []
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string
    let from = 0
    while (from < line.length && isUnicodeSpace(line.charCodeAt(from))) from++
    const directive = directiveAt(line, from)
    if (directive === null || !DIRECTIVE_NAMES.has(directive.name)) break
    parsed.push({ ...directive, line: i })
  }
  const raw: ScannedDirective[] = []
  const seen = new Set<string>()
  for (let i = (lines[0] ?? '').startsWith('#!') ? 1 : 0; i < lines.length; i++) {
    const directive = directiveAt(lines[i] as string, 0)
    if (directive === null || !DIRECTIVE_NAMES.has(directive.name) || seen.has(directive.name)) break
    seen.add(directive.name)
    raw.push({ ...directive, line: i })
  }
  return { parsed, raw }
}

/** The first word of a logical line, upper case (ONBUILD's trigger instruction). */
function firstWord(logical: LogicalLine): string {
  const text = logical.text
  let i = 0
  while (i < text.length && isSpaceCode(text.charCodeAt(i))) i++
  let end = i
  while (end < text.length && !isSpaceCode(text.charCodeAt(end))) end++
  return text.slice(i, end).toUpperCase()
}

/** RUN, COPY and ADD open heredocs, and so does ONBUILD with one of them as its trigger (BuildKit canContainHeredoc). */
function canContainHeredoc(keywordRaw: string, logical: LogicalLine): boolean {
  const keyword = keywordRaw.toUpperCase()
  return HEREDOC_KEYWORDS.has(keyword === 'ONBUILD' ? firstWord(logical) : keyword)
}

/** Heredocs an instruction's words open, in order (`<<EOF`, `<<-EOF`, `<<'EOF'`, `3<<"EOF"`). */
function heredocWords(logical: LogicalLine, escape: string): { name: string; stripTabs: boolean; quoted: boolean }[] {
  const found: { name: string; stripTabs: boolean; quoted: boolean }[] = []
  for (const word of splitWords(logical, escape)) {
    if (!word.text.includes('<<')) continue
    const m = HEREDOC_WORD.exec(word.text)
    if (m === null) continue
    let name = m[2] as string
    const quoted = /["']/.test(name)
    if (quoted) name = name.replace(/["']/g, '')
    if (name === '') continue
    found.push({ name, stripTabs: m[1] === '-', quoted })
  }
  return found
}

/**
 * Scans the lines (already split on `\n`), handing each instruction to `onInstruction` as soon
 * as its end is known; returns the comments. `directiveCount` lines at the top were directives;
 * `escape` is the escape character they set.
 */
export function scanLines(lines: readonly string[], directiveCount: number, escape: string, onInstruction: (instruction: ScannedInstruction) => void): ScannedComment[] {
  const comments: ScannedComment[] = []
  let i = directiveCount
  while (i < lines.length) {
    const line = lines[i] as string
    const start = indent(line)
    if (start === line.length) {
      i++
      continue
    }
    if (line.charCodeAt(start) === 35 /* # */) {
      comments.push({ line: i, text: line.slice(start + 1).replace(/^[ \t]+/, '') })
      i++
      continue
    }
    let end = start
    while (end < line.length && !isBlank(line.charCodeAt(end))) end++
    // `RUN\` at the end of a line: the escape continues the line, it is not part of the keyword.
    // (`RUN\\` does not continue: its keyword is `RUN\\`, as BuildKit reads it.)
    const continuation = continuationAt(line, start, start, escape)
    if (continuation === end - 1 && continuation > start) end = continuation
    const first = i
    const logical = logicalLine(lines, first, lines.length - 1, end, start, escape)
    let last = logical.lastLine - 1
    // Comment lines inside the continuation are comments too (suppressions may sit there).
    for (let j = first + 1; j <= last; j++) {
      const l = lines[j] as string
      const k = indent(l)
      if (k < l.length && l.charCodeAt(k) === 35) comments.push({ line: j, text: l.slice(k + 1).replace(/^[ \t]+/, '') })
    }
    const keywordRaw = line.slice(start, end)
    const heredocs: ScannedHeredoc[] = []
    if (canContainHeredoc(keywordRaw, logical) && logical.text.includes('<<')) {
      for (const h of heredocWords(logical, escape)) {
        const bodyStart = last + 1
        let terminator: number | null = null
        for (let j = bodyStart; j < lines.length; j++) {
          const candidate = h.stripTabs ? (lines[j] as string).replace(/^\t+/, '') : (lines[j] as string)
          if (candidate === h.name) {
            terminator = j
            break
          }
        }
        heredocs.push({ ...h, bodyStart, terminator })
        last = terminator ?? lines.length - 1
      }
    }
    onInstruction({ keywordRaw, first, last, keywordEnd: end, logical, heredocs })
    i = last + 1
  }
  return comments
}
