/**
 * Which findings a pull request owns, and what they make of the check: fails or not, its conclusion. Pure.
 *   changed-lines (default): findings on lines the PR added or on lines that use a variable the
 *     PR changed, plus findings about the file as a whole (stage graph, shipped image) when the
 *     file changed at all;
 *   changed-files: every finding of a changed file;  all: every finding.
 */
import { touches, type LineRange } from '../diff/patch.js'
import type { DockerfileModel } from '../model/dockerfile.js'
import { referencedNames } from '../parse/variables.js'

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
  const reach = changed.length === 0 ? changed : [...changed, ...dependentLines(analysis.model, changed)]
  return analysis.findings.filter((f) => fileLevel.has(f.rule) || touches(reach, f.line, f.endLine) || (f.alsoAt ?? []).some((line) => touches(reach, line, line)))
}

/**
 * The lines a change decides without touching them: instructions that use a variable declared
 * on a changed line, or on a line that itself uses one. A PR that changes only `ARG BASE=…` on
 * line 1 owns what is found on `FROM ${BASE}` on line 3 (an untrusted registry, say).
 */
export function dependentLines(model: DockerfileModel, changed: readonly LineRange[]): LineRange[] {
  // Lines of ARG/ENV declarations whose value the change decides.
  const decided = new Set<number>()
  const lastGlobal = new Map<string, number>()
  const out: LineRange[] = []
  for (const ins of model.instructions) {
    const own = touches(changed, ins.line, ins.endLine)
    const uses = (name: string): boolean => {
      const binding = ins.scope.get(name)
      return binding !== undefined && decided.has(binding.line)
    }
    // A stage's `ARG NAME` with no default takes the global ARG's value.
    const inherits = ins.keyword === 'ARG' && ins.stage >= 0 && (ins.variables ?? []).some((v) => v.raw === null && decided.has(lastGlobal.get(v.name) ?? -1))
    const depends = inherits || (!own && referencedNames(ins.raw).some(uses))
    if ((own || depends) && (ins.keyword === 'ARG' || ins.keyword === 'ENV')) decided.add(ins.line)
    if (ins.keyword === 'ARG' && ins.stage < 0) for (const v of ins.variables ?? []) lastGlobal.set(v.name, ins.line)
    if (depends && !own) out.push({ start: ins.line, end: ins.endLine })
  }
  return out
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
