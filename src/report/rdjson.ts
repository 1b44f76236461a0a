/**
 * reviewdog's Diagnostic Format (`--format rdjson`): `stagecraft --format rdjson | reviewdog
 * -f=rdjson -reporter=github-pr-review` posts the findings as review comments. Pure.
 */
import { type Severity, findingText } from '../model/finding.js'
import { checkName, findingsByFile, type ReportedFiles } from './findings.js'
import { ruleDocUrl, type Links } from './links.js'

const SEVERITY: Record<Severity, 'ERROR' | 'WARNING' | 'INFO'> = { error: 'ERROR', warning: 'WARNING', info: 'INFO' }

export const RDJSON_SOURCE = { name: 'stagecraft', url: 'https://github.com/stagecraft/stagecraft' } as const

export interface RdjsonDiagnostic {
  message: string
  location: { path: string; range: { start: { line: number }; end: { line: number } } }
  severity: 'ERROR' | 'WARNING' | 'INFO'
  source: typeof RDJSON_SOURCE
  code: { value: string; url: string }
}

export interface RdjsonResult {
  source: typeof RDJSON_SOURCE
  diagnostics: RdjsonDiagnostic[]
}

export function toRdjson(review: ReportedFiles, links: Links): RdjsonResult {
  return {
    source: RDJSON_SOURCE,
    diagnostics: findingsByFile(review).flatMap((file) =>
      file.findings.map((f) => ({
        message: findingText(f),
        // Lines without columns: reviewdog reads the range as whole lines, end line included.
        location: { path: file.path, range: { start: { line: f.line }, end: { line: f.endLine } } },
        severity: SEVERITY[f.severity],
        source: RDJSON_SOURCE,
        code: { value: checkName(f), url: ruleDocUrl(links, f.rule) }
      }))
    )
  }
}
