/**
 * Which findings a pull request owns, and how they become check-run annotations. Pure.
 *   changed-lines (default): findings on lines the PR added, plus findings about the file as a
 *     whole (stage graph, shipped image) when the file changed at all;
 *   changed-files: every finding of a changed file;  all: every finding.
 */
import { touches, type LineRange } from '../diff/patch.js'
import type { FileAnalysis } from '../analyze.js'
import { severityRank, type Finding, type Severity } from '../model/finding.js'
import { docsUrl, type Rule } from '../rules/types.js'

export type AnnotateMode = 'changed-lines' | 'changed-files' | 'all'
export type FailOn = Severity | 'never'

/** Lines the PR changed in a file; 'all' for a new file or when GitHub sent no patch. */
export type ChangedLines = readonly LineRange[] | 'all'

export function selectFindings(analysis: FileAnalysis, changed: ChangedLines | undefined, mode: AnnotateMode, rules: readonly Rule[]): Finding[] {
  if (mode === 'all') return analysis.findings
  if (changed === undefined) return []
  if (mode === 'changed-files' || changed === 'all') return analysis.findings
  const fileLevel = new Set(rules.filter((r) => r.meta.about === 'file').map((r) => r.meta.id))
  return analysis.findings.filter((f) => fileLevel.has(f.rule) || touches(changed, f.line, f.endLine))
}

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

export function toCheckAnnotation(path: string, f: Finding): CheckAnnotation {
  return {
    path,
    start_line: f.line,
    end_line: f.endLine,
    annotation_level: LEVEL[f.severity],
    title: clip(`${f.rule} (${f.severity})`, 255),
    message: clip(`${f.message}\n${docsUrl(f.rule)}`, 65000)
  }
}

/** The Checks API takes at most 50 annotations per request. */
export function batches<T>(items: readonly T[], size = 50): T[][] {
  const out: T[][] = []
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size))
  return out
}

export function fails(findings: readonly Finding[], failOn: FailOn): boolean {
  if (failOn === 'never') return false
  const threshold = severityRank(failOn)
  return findings.some((f) => severityRank(f.severity) >= threshold)
}

/** The check run's conclusion: failure when fail-on is reached, neutral for other findings, else success. */
export function conclusion(findings: readonly Finding[], failOn: FailOn): 'success' | 'neutral' | 'failure' {
  if (fails(findings, failOn)) return 'failure'
  return findings.length > 0 ? 'neutral' : 'success'
}
