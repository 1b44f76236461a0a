/**
 * From an instruction's physical lines to its logical line and words, as BuildKit reads
 * them: the escape character at a line's end continues it; blank and comment lines inside
 * a continuation are dropped; quotes keep spaces inside one word. Every word remembers the
 * physical line it starts on, so findings point at the right line of a long RUN.
 */

export interface Word {
  /** As written, quotes and escapes kept. */
  text: string
  /** 1-based physical line. */
  line: number
  /** Offset in the logical text. */
  offset: number
}

export interface LogicalLine {
  text: string
  /** 1-based physical line of the last line that belongs to the logical line. */
  lastLine: number
  /** For mapping offsets back to lines: segment start offsets and their lines. */
  segmentOffsets: number[]
  segmentLines: number[]
  /** 1-based lines left empty inside the continuation (BuildKit warns: NoEmptyContinuation). */
  emptyLines: number[]
}

/**
 * Where `text[from..]` continues on the next line: the index of the escape character that ends it
 * (blanks after it allowed), or -1. As BuildKit's lineContinuationRegex, `([^\\])\\[ \t]*$|^\\[ \t]*$`:
 * an escape right after another one is an escaped escape and does not continue the line
 * (`ENV C trailing\\backslash\\` ends there). BuildKit looks at that one character only, so
 * `a\\\` does not continue either. `lineStart` is where `^` is: BuildKit strips the indentation of
 * an instruction's first line, not of the lines that continue it.
 */
export function continuationAt(text: string, from: number, lineStart: number, escape: string): number {
  let end = text.length
  while (end > from && (text[end - 1] === ' ' || text[end - 1] === '\t')) end--
  if (end <= from || text[end - 1] !== escape) return -1
  const at = end - 1
  return at > lineStart && text[at - 1] === escape ? -1 : at
}

function isBlankOrComment(text: string): boolean {
  const trimmed = text.trimStart()
  return trimmed === '' || trimmed.startsWith('#')
}

/**
 * Joins `lines[first..last]` (0-based indexes) from column `column` of the first line, whose
 * indentation ends at `indent`. Stops at the first line that does not continue, so heredoc
 * bodies are left out.
 */
export function logicalLine(lines: readonly string[], first: number, last: number, column: number, indent: number, escape: string): LogicalLine {
  const segmentOffsets: number[] = []
  const segmentLines: number[] = []
  const emptyLines: number[] = []
  let text = ''
  let index = first
  let line = lines[first] ?? ''
  let from = column
  let lineStart = indent
  for (;;) {
    const cut = continuationAt(line, from, lineStart, escape)
    segmentOffsets.push(text.length)
    segmentLines.push(index + 1)
    if (cut < 0) {
      text += line.slice(from)
      break
    }
    text += line.slice(from, cut)
    index++
    while (index <= last && isBlankOrComment(lines[index] ?? '')) {
      if ((lines[index] ?? '').trim() === '') emptyLines.push(index + 1)
      index++
    }
    if (index > last) {
      index = last
      break
    }
    line = lines[index] ?? ''
    from = 0
    lineStart = 0
  }
  return { text, lastLine: index + 1, segmentOffsets, segmentLines, emptyLines }
}

export function lineAt(logical: LogicalLine, offset: number): number {
  let lo = 0
  let hi = logical.segmentOffsets.length - 1
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1
    if ((logical.segmentOffsets[mid] as number) <= offset) lo = mid
    else hi = mid - 1
  }
  return logical.segmentLines[lo] ?? 1
}

const isSpaceCode = (c: number): boolean => c === 32 || c === 9 || c === 13 || c === 10

/** Splits on whitespace outside quotes; an escaped character never splits. Compares char codes: this runs on every instruction. */
export function splitWords(logical: LogicalLine, escape: string, from = 0): Word[] {
  const text = logical.text
  const esc = escape.charCodeAt(0)
  const words: Word[] = []
  // Words come in order, so the segment (physical line) of each is found by walking forward, not searched for.
  const offsets = logical.segmentOffsets
  let segment = 0
  let i = from
  while (i < text.length) {
    while (i < text.length && isSpaceCode(text.charCodeAt(i))) i++
    if (i >= text.length) break
    const start = i
    let quote = 0
    while (i < text.length) {
      const c = text.charCodeAt(i)
      if (quote !== 0) {
        if (c === esc && quote === 34 && i + 1 < text.length) i++
        else if (c === quote) quote = 0
      } else if (c === esc && i + 1 < text.length) {
        i++
      } else if (c === 34 || c === 39) {
        quote = c
      } else if (isSpaceCode(c)) {
        break
      }
      i++
    }
    while (segment + 1 < offsets.length && (offsets[segment + 1] as number) <= start) segment++
    words.push({ text: text.slice(start, i), line: logical.segmentLines[segment] ?? 1, offset: start })
  }
  return words
}

/** Removes one level of matching quotes around a whole word, if any. */
export function unquote(word: string): string {
  if (word.length >= 2) {
    const first = word[0]
    if ((first === '"' || first === "'") && word[word.length - 1] === first) return word.slice(1, -1)
  }
  return word
}

/** Splits `a=1,b="x,y"` on commas outside quotes (BuildKit reads mount options as CSV). */
export function splitCsv(value: string): string[] {
  const parts: string[] = []
  let current = ''
  let quote = ''
  for (const c of value) {
    if (quote !== '') {
      if (c === quote) quote = ''
      else current += c
    } else if (c === '"' || c === "'") {
      quote = c
    } else if (c === ',') {
      parts.push(current)
      current = ''
    } else {
      current += c
    }
  }
  parts.push(current)
  return parts
}
