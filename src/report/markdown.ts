/**
 * The Markdown that the sticky comment and the job summary show: a status line, then per file a
 * collapsible findings table. Pure. Everything taken from a Dockerfile is escaped, so a file
 * cannot ping people, link issues, inject HTML or break a table. The body never exceeds
 * GitHub's comment limit: past it, per-file tables give way to counts and a pointer.
 */
import type { FileAnalysis } from '../analyze.js'
import { tally, type Finding, type Severity } from '../model/finding.js'
import { docsUrl } from '../rules/types.js'
import { countFindings } from './text.js'

/** GitHub's comment body limit, in code points (the safe budget from the research notes). */
export const COMMENT_LIMIT = 65536

const ICONS: Record<Severity, string> = { error: '🔴', warning: '🟡', info: '🔵' }

const ENTITIES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '|': '&#124;',
  '`': '&#96;',
  '@': '&#64;',
  '#': '&#35;',
  '\\': '\\\\',
  '*': '\\*',
  _: '\\_',
  '[': '\\[',
  ']': '\\]',
  '~': '\\~',
  '\n': ' ',
  '\r': ''
}

/** Escapes text for a Markdown table cell or paragraph: no mentions, references, HTML or pipes. One pass. */
export function escapeMarkdown(text: string): string {
  let out = ''
  for (const c of text) out += ENTITIES[c] ?? c
  return out
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`
}

function counts(findings: readonly Finding[]): string {
  const c = tally(findings)
  if (findings.length === 0) return 'no findings'
  return [c.error > 0 ? plural(c.error, 'error') : '', c.warning > 0 ? plural(c.warning, 'warning') : '', c.info > 0 ? `${c.info} info` : ''].filter((s) => s !== '').join(', ')
}

export function findingsTable(findings: readonly Finding[]): string {
  const rows = findings.map((f) => `| ${f.line === f.endLine ? f.line : `${f.line}–${f.endLine}`} | ${ICONS[f.severity]} ${f.severity} | [\`${f.rule}\`](${docsUrl(f.rule)}) | ${escapeMarkdown(f.message)} |`)
  return ['| line | severity | rule | finding |', '| ---: | --- | --- | --- |', ...rows].join('\n')
}

function fileSection(analysis: FileAnalysis): string {
  const hasErrors = analysis.findings.some((f) => f.severity === 'error')
  const summary = `<summary><code>${escapeMarkdown(analysis.path)}</code> — ${counts(analysis.findings)}</summary>`
  // The blank line after </summary> is what makes GitHub render the table inside.
  const body = analysis.findings.length === 0 ? 'No findings.' : findingsTable(analysis.findings)
  return `<details${hasErrors ? ' open' : ''}>\n${summary}\n\n${body}\n\n</details>\n`
}

export interface SummaryOptions {
  /** Hidden marker put first, so the sticky comment can be found again. */
  marker?: string
  /** Where the full report is, said when the body had to be shortened. */
  fullReportHint?: string
  /** Extra lines under the status line (e.g. "the PR has more than 3,000 files"). */
  notes?: readonly string[]
  limit?: number
}

function statusLine(analyses: readonly FileAnalysis[]): string {
  const t = countFindings(analyses)
  if (analyses.length === 0) return 'No Dockerfile changed.'
  const total = t.error + t.warning + t.info
  if (total === 0) return `✅ ${plural(t.files, 'Dockerfile')} reviewed: no findings.`
  return `${t.error > 0 ? '❌' : '⚠️'} ${plural(t.files, 'Dockerfile')} reviewed: ${plural(t.error, 'error')}, ${plural(t.warning, 'warning')}, ${t.info} info.`
}

const codePoints = (s: string): number => [...s].length

export function summaryMarkdown(analyses: readonly FileAnalysis[], options: SummaryOptions = {}): string {
  const limit = options.limit ?? COMMENT_LIMIT
  const head = [options.marker ?? '', '### Stagecraft', '', statusLine(analyses), ...(options.notes ?? []).map((n) => `\n> ${escapeMarkdown(n)}`), ''].filter((l, i) => i > 0 || l !== '').join('\n')
  const full = `${head}\n${analyses.map(fileSection).join('\n')}`
  if (codePoints(full) <= limit) return full
  // Too long: one line per file, worst first, as many as fit.
  const hint = options.fullReportHint ?? 'the job summary'
  const lines = [...analyses]
    .sort((a, b) => b.findings.filter((f) => f.severity === 'error').length - a.findings.filter((f) => f.severity === 'error').length)
    .map((a) => `| <code>${escapeMarkdown(a.path)}</code> | ${counts(a.findings)} |`)
  const note = `\nThe full report did not fit in ${limit.toLocaleString('en-US')} characters: see ${hint}.\n\n| file | findings |\n| --- | --- |\n`
  let body = `${head}${note}`
  let shown = 0
  for (const line of lines) {
    if (codePoints(body) + codePoints(line) + 200 > limit) break
    body += `${line}\n`
    shown++
  }
  if (shown < lines.length) body += `\n…and ${lines.length - shown} more files.\n`
  return body
}
