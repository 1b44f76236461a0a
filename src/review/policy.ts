/**
 * Which findings a pull request owns, and what they make of the check: fails or not, its conclusion. Pure.
 *   changed-lines (default): findings on lines the PR added, plus findings about the file as a
 *     whole (stage graph, shipped image) when the file changed at all;
 *   changed-files: every finding of a changed file;  all: every finding.
 */
import { touches, type LineRange } from '../diff/patch.js'

import { severityRank, type Finding, type Severity } from '../model/finding.js'
import type { Rule } from '../rules/types.js'
import type { FileAnalysis } from '../model/analysis.js'

export type AnnotateMode = 'changed-lines' | 'changed-files' | 'all'
export type FailOn = Severity | 'never'

/** Lines the PR changed in a file; 'all' for a new file or when GitHub sent no patch. */
export type ChangedLines = readonly LineRange[] | 'all'

export function selectFindings(analysis: FileAnalysis, changed: ChangedLines | undefined, mode: AnnotateMode, rules: readonly Rule[]): Finding[] {
  if (mode === 'all') return analysis.findings
  if (changed === undefined) return []
  if (mode === 'changed-files' || changed === 'all') return analysis.findings
  const fileLevel = new Set(rules.filter((r) => r.meta.about === 'file').map((r) => r.meta.id))
  return analysis.findings.filter((f) => fileLevel.has(f.rule) || touches(changed, f.line, f.endLine) || (f.alsoAt ?? []).some((line) => touches(changed, line, line)))
}

export function fails(findings: readonly Finding[], failOn: FailOn): boolean {
  if (failOn === 'never') return false
  const threshold = severityRank(failOn)
  return findings.some((f) => severityRank(f.severity) >= threshold)
}

/** The check run's conclusion: failure when fail-on is reached, neutral for other findings, else success. */
export function conclusion(findings: readonly Finding[], failOn: FailOn): 'success' | 'neutral' | 'failure' {
  return conclusionOf(fails(findings, failOn), findings.length > 0)
}

/** The same, from whether the findings fail and whether there are any (a review that keeps none of them). */
export function conclusionOf(failing: boolean, anyFindings: boolean): 'success' | 'neutral' | 'failure' {
  if (failing) return 'failure'
  return anyFindings ? 'neutral' : 'success'
}
