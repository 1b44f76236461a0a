/** Findings as check-run annotations, in the shape and within the limits of GitHub's Checks API. Pure. */
import { type Finding, type Severity, findingText } from '../model/finding.js'
import { ruleDocUrl, type Links } from '../report/links.js'

export interface CheckAnnotation {
  path: string
  start_line: number
  end_line: number
  annotation_level: 'notice' | 'warning' | 'failure'
  title: string
  message: string
}

const LEVEL: Record<Severity, CheckAnnotation['annotation_level']> = { error: 'failure', warning: 'warning', info: 'notice' }

/** Annotations one check run gets (20 requests of 50); the rest are in its summary's count and in the reports. */
export const ANNOTATION_CAP = 1000

/** A title of at most 255 characters. */
function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`
}

/** A message of at most 64 KB in UTF-8 bytes: 30,000 CJK characters are 90 KB, and one message too long loses the whole request (422). */
export const MESSAGE_BYTES = 64_000

/** The longest head of `text` that fits in `max` UTF-8 bytes, with `…` when cut, never splitting a character. */
export function clipBytes(text: string, max: number): string {
  // Most text is ASCII and short: no scan then.
  if (text.length * 3 <= max || Buffer.byteLength(text, 'utf8') <= max) return text
  const budget = max - 3
  let bytes = 0
  let i = 0
  while (i < text.length) {
    const c = text.codePointAt(i) as number
    const size = c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4
    if (bytes + size > budget) break
    bytes += size
    i += c >= 0x10000 ? 2 : 1
  }
  return `${text.slice(0, i)}…`
}

export function toCheckAnnotation(path: string, f: Finding, links: Links): CheckAnnotation {
  // The rule's link stays whole at the end; the finding's text gives way.
  const url = ruleDocUrl(links, f.rule)
  return {
    path,
    start_line: f.line,
    end_line: f.endLine,
    annotation_level: LEVEL[f.severity],
    title: clip(`${f.rule} (${f.severity})`, 255),
    message: `${clipBytes(findingText(f), MESSAGE_BYTES - Buffer.byteLength(url, 'utf8') - 1)}\n${url}`
  }
}

/** The Checks API takes at most 50 annotations per request. */
export function batches<T>(items: readonly T[], size = 50): T[][] {
  const out: T[][] = []
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size))
  return out
}
