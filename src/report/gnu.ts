/**
 * The GNU error format (`--format gnu`): `file:line: severity: message [rule]`, one line per
 * finding, as compilers print them, so editors (Emacs' compile mode, Vim's quickfix), reviewdog's
 * errorformat and the problem matcher in .github/stagecraft-matcher.json read it. Pure.
 */
import type { FileAnalysis } from '../model/analysis.js'
import { checkName, oneLine, reportPath, type ReportedFiles } from './findings.js'
import { findingText } from '../model/finding.js'

/** One file's lines, so a large run can print as it goes. */
export function gnuFilePiece(analysis: FileAnalysis): string {
  const path = reportPath(analysis.path)
  return analysis.findings.map((f) => `${path}:${f.line}: ${f.severity}: ${oneLine(findingText(f))} [${checkName(f)}]\n`).join('')
}

export function toGnu(review: ReportedFiles): string {
  return review.files.map((f) => gnuFilePiece(f.analysis)).join('')
}
