/**
 * Checkstyle XML (`--format checkstyle`), the format Jenkins' warnings-ng, reviewdog, Danger and
 * most CI dashboards read: one <file> per Dockerfile, one <error> per finding, with the shape of
 * ESLint's own checkstyle formatter. Pure.
 */
import { type Severity, findingText } from '../model/finding.js'
import { checkName, findingsByFile, type ReportedFiles } from './findings.js'
import { XML_DECLARATION, xmlAttribute } from './xml.js'

/** Checkstyle's own severities are error, warning, info and ignore. */
const SEVERITY: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'info' }

export function toCheckstyle(review: ReportedFiles): string {
  const out = [XML_DECLARATION, '<checkstyle version="4.3">']
  for (const file of findingsByFile(review)) {
    out.push(`  <file name="${xmlAttribute(file.path)}">`)
    for (const f of file.findings) {
      out.push(`    <error line="${f.line}" severity="${SEVERITY[f.severity]}" message="${xmlAttribute(findingText(f))}" source="${xmlAttribute(`stagecraft.${checkName(f)}`)}"/>`)
    }
    out.push('  </file>')
  }
  out.push('</checkstyle>')
  return out.join('\n') + '\n'
}
