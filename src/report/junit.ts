/**
 * JUnit XML (`--format junit`), for the test-report views of GitLab, Jenkins, Azure DevOps and
 * CircleCI: one <testsuite> per Dockerfile, one failed <testcase> per finding, and one passing
 * case for a file without findings (so a clean file shows as a passed test, not as nothing).
 * Checked against the JUnit schema that Jenkins' xunit plugin validates with. Pure.
 */
import { checkName, findingsByFile, oneLine, type ReportedFiles } from './findings.js'
import { XML_DECLARATION, xmlAttribute, xmlText } from './xml.js'
import { findingText } from '../model/finding.js'
import { ruleDocUrl, type Links } from './links.js'

export function toJunit(review: ReportedFiles, links: Links): string {
  const files = findingsByFile(review)
  const total = files.reduce((n, f) => n + f.findings.length, 0)
  const tests = files.reduce((n, f) => n + Math.max(1, f.findings.length), 0)
  const out = [XML_DECLARATION, `<testsuites name="stagecraft" tests="${tests}" failures="${total}" errors="0" time="0">`]
  for (const file of files) {
    const path = xmlAttribute(file.path)
    out.push(`  <testsuite name="${path}" tests="${Math.max(1, file.findings.length)}" failures="${file.findings.length}" errors="0" skipped="0" time="0" file="${path}">`)
    if (file.findings.length === 0) out.push(`    <testcase name="${path}" classname="${path}" time="0"/>`)
    for (const f of file.findings) {
      const check = checkName(f)
      out.push(`    <testcase name="${xmlAttribute(`${check} at line ${f.line}`)}" classname="${path}" time="0">`)
      out.push(`      <failure type="${f.severity}" message="${xmlAttribute(oneLine(findingText(f)))}">${xmlText(`${file.path}:${f.line} ${f.severity} ${check}: ${findingText(f)}\n${ruleDocUrl(links, f.rule)}`)}</failure>`)
      out.push('    </testcase>')
    }
    out.push('  </testsuite>')
  }
  out.push('</testsuites>')
  return out.join('\n') + '\n'
}
