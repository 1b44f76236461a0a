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

/** GitHub's limits: a title of at most 255 characters, a message of at most 64 KB. */
function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`
}

export function toCheckAnnotation(path: string, f: Finding, links: Links): CheckAnnotation {
  return {
    path,
    start_line: f.line,
    end_line: f.endLine,
    annotation_level: LEVEL[f.severity],
    title: clip(`${f.rule} (${f.severity})`, 255),
    message: clip(`${findingText(f)}\n${ruleDocUrl(links, f.rule)}`, 65000)
  }
}

/** The Checks API takes at most 50 annotations per request. */
export function batches<T>(items: readonly T[], size = 50): T[][] {
  const out: T[][] = []
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size))
  return out
}
