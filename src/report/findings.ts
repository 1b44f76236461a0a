/** What every machine-readable report needs of a review: each file's path and its findings, in order. */
import { NO_EQUIVALENTS, type Finding } from '../model/finding.js'
import type { FileAnalysis, UnreadFile } from '../model/analysis.js'

/** A review (src/review) or anything shaped like one. */
export interface ReportedFiles {
  files: readonly { analysis: FileAnalysis }[]
  /** Files that could not be read: each becomes an error on its first line, so no consumer of a report misses it. */
  unread?: readonly UnreadFile[]
}

/** How the summaries, the SARIF log and the CLI say a file was left out (the summaries add their verdict). */
export function unreadSentence(u: UnreadFile): string {
  return `${u.path} could not be read (${u.reason}); it was not analysed`
}

/** A file that could not be read, as a finding: a report made only of findings still shows it was not reviewed. */
export function unreadFinding(reason: string): Finding {
  return { rule: 'parse-error', severity: 'error', line: 1, endLine: 1, message: `the file could not be read (${reason}), so it was not reviewed`, stage: null, equivalents: NO_EQUIVALENTS }
}

/** Paths with forward slashes, as every consumer of these reports expects (and as git shows them). */
export function reportPath(path: string): string {
  return path.replace(/\\/g, '/').replace(/^(?:\.\/)+/, '')
}

/** One line of text: reports made of lines (gnu, text, JUnit names) must not be split by a message. */
export function oneLine(text: string): string {
  return text.replace(/\r\n|[\r\n]/g, ' ')
}

export function findingsByFile(review: ReportedFiles): { path: string; findings: readonly Finding[] }[] {
  return [...review.files.map((f) => ({ path: reportPath(f.analysis.path), findings: f.analysis.findings })), ...unreadByFile(review)]
}

/** The unread files, each with its one finding (the reports' file lists end with them). */
export function unreadByFile(review: Pick<ReportedFiles, 'unread'>): { path: string; findings: readonly Finding[] }[] {
  return (review.unread ?? []).map((u) => ({ path: reportPath(u.path), findings: [unreadFinding(u.reason)] }))
}

/**
 * The check a finding comes from, as a report names it: the rule id, or `shellcheck/SC2086` for a
 * rule that passes on another tool's codes (its findings carry the code as their hadolint name).
 */
export function checkName(f: Pick<Finding, 'rule' | 'equivalents'>): string {
  const code = f.equivalents.hadolint
  return code !== null && code.startsWith('SC') ? `${f.rule}/${code}` : f.rule
}
