/**
 * The GNU error format (`--format gnu`): `file:line: severity: message [rule]`, one line per
 * finding, as compilers print them, so editors (Emacs' compile mode, Vim's quickfix), reviewdog's
 * errorformat and the problem matcher in .github/stagecraft-matcher.json read it. Pure.
 */
import type { FileAnalysis } from '../model/analysis.js'
import { checkName, oneLine, reportPath, unreadByFile, type ReportedFiles } from './findings.js'
import { findingText, type Finding } from '../model/finding.js'

/** One file's lines, so a large run can print as it goes. */
export function gnuFilePiece(analysis: FileAnalysis): string {
  return gnuLines(reportPath(analysis.path), analysis.findings)
}

function gnuLines(path: string, findings: readonly Finding[]): string {
  return findings.map((f) => `${path}:${f.line}: ${f.severity}: ${oneLine(findingText(f))} [${checkName(f)}]\n`).join('')
}

/** The lines of the files that could not be read (the streamed report prints them last). */
export function gnuUnread(review: Pick<ReportedFiles, 'unread'>): string {
  return unreadByFile(review).map((u) => gnuLines(u.path, u.findings)).join('')
}

export function toGnu(review: ReportedFiles): string {
  return review.files.map((f) => gnuFilePiece(f.analysis)).join('') + gnuUnread(review)
}
