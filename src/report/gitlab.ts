/**
 * GitLab's Code Quality report (`--format gitlab`): the Code Climate issue format, as a JSON array,
 * for `artifacts: reports: codequality`. GitLab keys issues by fingerprint (a repeated one is
 * dropped) and compares them between the base and the merge request, so a fingerprint names the
 * problem, not its line: rule, file, message and which occurrence of those it is. Pure.
 */
import { createHash } from 'node:crypto'
import { type Severity, findingText } from '../model/finding.js'
import type { Category, Rule } from '../rules/types.js'
import { checkName, findingsByFile, type ReportedFiles } from './findings.js'
import { ruleDocUrl, type Links } from './links.js'

/** GitLab's severities are info, minor, major, critical and blocker. */
const SEVERITY: Record<Severity, 'major' | 'minor' | 'info'> = { error: 'major', warning: 'minor', info: 'info' }

/** Code Climate's categories. */
const CATEGORY: Record<Category, string> = {
  correctness: 'Bug Risk',
  structure: 'Clarity',
  size: 'Performance',
  security: 'Security',
  cache: 'Performance',
  style: 'Style'
}

export interface CodeQualityIssue {
  type: 'issue'
  check_name: string
  description: string
  content: { body: string }
  categories: string[]
  location: { path: string; lines: { begin: number; end: number } }
  severity: 'major' | 'minor' | 'info'
  fingerprint: string
}

export function toGitlabCodeQuality(review: ReportedFiles, rules: readonly Rule[], links: Links): CodeQualityIssue[] {
  const categoryOf = new Map(rules.map((r) => [r.meta.id, CATEGORY[r.meta.category]]))
  const issues: CodeQualityIssue[] = []
  for (const file of findingsByFile(review)) {
    const seen = new Map<string, number>()
    for (const f of file.findings) {
      const check = checkName(f)
      const key = `${check}\u0000${file.path}\u0000${f.message}`
      const occurrence = seen.get(key) ?? 0
      seen.set(key, occurrence + 1)
      issues.push({
        type: 'issue',
        check_name: check,
        description: findingText(f),
        content: { body: `[${f.rule}](${ruleDocUrl(links, f.rule)})` },
        categories: [categoryOf.get(f.rule) ?? 'Bug Risk'],
        location: { path: file.path, lines: { begin: f.line, end: f.endLine } },
        severity: SEVERITY[f.severity],
        fingerprint: createHash('sha256').update(`${key}\u0000${occurrence}`).digest('hex').slice(0, 32)
      })
    }
  }
  return issues
}
