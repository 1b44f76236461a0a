/**
 * The first pass over a Dockerfile's lines, as BuildKit's parser reads them: parser directives
 * at the top, comments, and where each instruction starts and ends (continuation lines, blank
 * and comment lines inside a continuation, heredoc bodies). One linear pass; no regular
 * expression runs over more than one line, so a 10 MB file or a 1 MB line stays linear.
 */
import { logicalLine, splitWords, type LogicalLine } from './words.js'

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

/** BuildKit's directive names; any other `# key=value` at the top ends the directives. */
const DIRECTIVE_NAMES: ReadonlySet<string> = new Set(['syntax', 'escape', 'check'])
// The value is trimmed in code: a lazy `(.*?)[ \t]*$` would be quadratic on long runs of blanks.
const DIRECTIVE = /^#[ \t]*([a-zA-Z][a-zA-Z0-9]*)[ \t]*=[ \t]*(.*)$/

/** Instructions that may carry heredocs. */
const HEREDOC_KEYWORDS: ReadonlySet<string> = new Set(['RUN', 'COPY', 'ADD'])
/** BuildKit's heredoc word: optional fd digits, `<<`, optional `-`, then the (maybe quoted) name. */
const HEREDOC_WORD = /^\d*<<(-?)([^<]*)$/

const isBlank = (c: number): boolean => c === 32 || c === 9

/** Index of the first character that is not a space or tab, or the line's length. */
function indent(line: string): number {
  let i = 0
  while (i < line.length && isBlank(line.charCodeAt(i))) i++
  return i
}

/** Parser directives: consecutive `# name=value` lines from the first line, known names only. */
export function scanDirectives(lines: readonly string[]): ScannedDirective[] {
  const found: ScannedDirective[] = []
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string
    if (!line.startsWith('#') || line.length > 4096) break
    const m = DIRECTIVE.exec(line)
    if (m === null) break
    const name = (m[1] as string).toLowerCase()
    if (!DIRECTIVE_NAMES.has(name)) break
    found.push({ name, value: (m[2] as string).trimEnd(), line: i })
  }
  return found
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
    if (end === line.length && end - start > 1 && line[end - 1] === escape) end--
    const first = i
    const logical = logicalLine(lines, first, lines.length - 1, end, escape)
    let last = logical.lastLine - 1
    // Comment lines inside the continuation are comments too (suppressions may sit there).
    for (let j = first + 1; j <= last; j++) {
      const l = lines[j] as string
      const k = indent(l)
      if (k < l.length && l.charCodeAt(k) === 35) comments.push({ line: j, text: l.slice(k + 1).replace(/^[ \t]+/, '') })
    }
    const keywordRaw = line.slice(start, end)
    const heredocs: ScannedHeredoc[] = []
    if (HEREDOC_KEYWORDS.has(keywordRaw.toUpperCase()) && logical.text.includes('<<')) {
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
