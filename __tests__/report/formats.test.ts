/**
 * The report formats other tools read, each checked the way its consumer checks it: JUnit against
 * the XSD Jenkins validates with (by libxml2's xmllint), GitLab Code Quality against GitLab's own
 * schema and its de-duplication by fingerprint, rdjson against reviewdog's JSON Schema (and a
 * strict copy of it that rejects unknown keys), checkstyle against the shape ESLint's official
 * checkstyle formatter writes, and gnu against the GNU error format.
 */
import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { FileAnalysis } from '../../src/model/analysis.js'
import type { Finding } from '../../src/model/finding.js'
import { toCheckstyle } from '../../src/report/checkstyle.js'
import { toGitlabCodeQuality } from '../../src/report/gitlab.js'
import { toGnu } from '../../src/report/gnu.js'
import { toJunit } from '../../src/report/junit.js'
import { toRdjson } from '../../src/report/rdjson.js'
import { xmlAttribute } from '../../src/report/xml.js'
import { analyzeDockerfile } from '../../src/review/analyze.js'
import { RULES } from '../../src/rules/registry.js'
import { corpusAvailable, readManifest } from '../helpers/corpus.js'
import { df } from '../helpers/dockerfile.js'
import { reviewOf } from '../helpers/review.js'
import { CLI_LINKS as LINKS } from '../../src/cli/run.js'

const require = createRequire(import.meta.url)
const { default: Ajv } = require('ajv-draft-04') as typeof import('ajv-draft-04')
const { validateXML } = require('xmllint-wasm') as typeof import('xmllint-wasm')
const eslintCheckstyle = require('eslint-formatter-checkstyle') as (results: unknown[]) => string
const { XMLParser, XMLValidator } = require('fast-xml-parser') as typeof import('fast-xml-parser')

const SCHEMAS = join(dirname(fileURLToPath(import.meta.url)), 'schemas')
const schema = (name: string): Record<string, unknown> => JSON.parse(readFileSync(join(SCHEMAS, name), 'utf8')) as Record<string, unknown>

/** A file with findings of every severity, and one whose message has everything a format must escape. */
const bad = analyzeDockerfile('svc/Dockerfile', df('FROM alpine', 'COPY --from=later /x /x', 'FROM alpine:3 AS later', 'USER app', 'RUN curl -s https://x | sh'))
const clean = analyzeDockerfile('ok/Dockerfile', df('FROM gcr.io/distroless/static-debian12:nonroot'))
const HOSTILE = 'Quote " apostrophe \' <tag> & amp; bell \u0007 nul \u0000 line\nbreak tab\t emoji 🐳 lone \ud800 end ]]>'
const hostileFinding: Finding = { rule: 'pipefail', severity: 'warning', line: 2, endLine: 3, message: HOSTILE, stage: 0, equivalents: { hadolint: 'DL4006', buildkit: null } }
const shellcheckFinding: Finding = { rule: 'shellcheck', severity: 'info', line: 2, endLine: 2, message: 'SC2086: Double quote to prevent globbing and word splitting.', stage: 0, equivalents: { hadolint: 'SC2086', buildkit: null } }
const hostile: FileAnalysis = { ...bad, path: './odd dir\\Docker"file', findings: [hostileFinding, hostileFinding, shellcheckFinding] }
const review = reviewOf([bad, clean, hostile])

async function junitErrors(xml: string): Promise<string[]> {
  const result = await validateXML({ xml: [{ fileName: 'report.xml', contents: xml }], schema: [readFileSync(join(SCHEMAS, 'junit-10.xsd'), 'utf8')] })
  return result.errors.map((e) => e.message)
}

type Element = Record<string, string> & Record<string, Element[] | undefined>
const LISTS = new Set(['file', 'error', 'testsuite', 'testcase', 'failure'])

/** The document's root element, after a well-formedness check; attributes as strings, children as lists. */
function parseXml(xml: string, root: string): Element {
  expect(XMLValidator.validate(xml)).toBe(true)
  const parsed = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', htmlEntities: true, parseAttributeValue: false, textNodeName: '#text', isArray: (name) => LISTS.has(name) }).parse(xml) as Record<string, Element>
  return parsed[root] as Element
}
const all = (element: Element | undefined, name: string): Element[] => element?.[name] ?? []

describe('xml escaping', () => {
  it('keeps what XML can carry and replaces what it cannot', () => {
    expect(xmlAttribute('a"b<c>&\'\n')).toBe('a&quot;b&lt;c&gt;&amp;&apos;&#10;')
    expect(xmlAttribute('\u0000\u0007\ud800x\ud83d\udc33')).toBe('\ufffd\ufffd\ufffdx🐳')
  })
})

describe('junit', () => {
  it('is valid against the JUnit schema Jenkins validates with', async () => {
    expect(await junitErrors(toJunit(review, LINKS))).toEqual([])
  })

  it('is checked by a validator that rejects what the schema does not allow', async () => {
    const broken = toJunit(review, LINKS).replace('<testsuite name=', '<testsuite nom=')
    expect((await junitErrors(broken)).length).toBeGreaterThan(0)
  })

  it('has one failed case per finding, one passed case per clean file, and the counts to match', () => {
    const doc = parseXml(toJunit(review, LINKS), 'testsuites')
    const suites = all(doc, 'testsuite')
    expect(suites.map((s) => s.name)).toEqual(['svc/Dockerfile', 'ok/Dockerfile', 'odd dir/Docker"file'])
    expect(suites.map((s) => [s.tests, s.failures])).toEqual([
      [String(bad.findings.length), String(bad.findings.length)],
      ['1', '0'],
      ['3', '3']
    ])
    const cases = suites.flatMap((s) => all(s, 'testcase'))
    const failures = cases.flatMap((c) => all(c, 'failure'))
    expect(failures).toHaveLength(bad.findings.length + 3)
    // The message survives the round trip (line break folded, the characters XML cannot hold replaced).
    expect(failures[bad.findings.length]?.message).toBe(HOSTILE.replace('\n', ' ').replace('\u0007', '\ufffd').replace('\u0000', '\ufffd').replace('\ud800', '\ufffd'))
    expect(doc.failures).toBe(String(bad.findings.length + 3))
    expect(cases.map((c) => c.name)).toContain('shellcheck/SC2086 at line 2')
  })

  it('is valid for no file at all', async () => {
    expect(await junitErrors(toJunit(reviewOf([]), LINKS))).toEqual([])
  })
})

describe('checkstyle', () => {
  it('has the shape ESLint’s checkstyle formatter writes, finding for finding', () => {
    const ours = parseXml(toCheckstyle(review), 'checkstyle')
    // The same findings through ESLint's official formatter (it knows error and warning only).
    const eslint = parseXml(
      eslintCheckstyle(
        review.files.map((f) => ({
          filePath: f.analysis.path.replace(/\\/g, '/').replace(/^\.\//, ''),
          messages: f.analysis.findings.map((x) => ({ line: x.line, column: 0, severity: x.severity === 'error' ? 2 : 1, message: x.message, ruleId: x.rule }))
        }))
      ),
      'checkstyle'
    )
    expect(ours.version).toBe(eslint.version)
    const errors = (doc: Element): Element[] => all(doc, 'file').flatMap((file) => all(file, 'error'))
    const shape = (doc: Element): string[][] =>
      all(doc, 'file').flatMap((file) => all(file, 'error').map((e) => [file.name ?? '', e.line ?? '', (e.source ?? '').replace(/^stagecraft\.|^eslint\.rules\./, '').replace(/\/SC\d+$/, '')]))
    expect(shape(ours)).toEqual(shape(eslint))
    expect(errors(ours).map((e) => (e.severity === 'info' ? 'warning' : e.severity))).toEqual(errors(eslint).map((e) => e.severity))
    // ESLint appends " (rule)" to the message; ours keeps the message and names the check in source.
    const readable = (text: string): string => text.replace('\u0000', '\ufffd').replace('\u0007', '\ufffd').replace('\ud800', '\ufffd')
    expect(errors(ours).map((e) => e.message)).toEqual(review.files.flatMap((f) => f.analysis.findings.map((x) => readable(x.message))))
    expect(errors(eslint).map((e) => e.message).slice(0, bad.findings.length)).toEqual(bad.findings.map((x) => `${x.message} (${x.rule})`))
    expect(errors(ours).map((e) => e.source)).toContain('stagecraft.shellcheck/SC2086')
  })

  it('lists a clean file with no error, as checkstyle does', () => {
    const doc = parseXml(toCheckstyle(reviewOf([clean])), 'checkstyle')
    expect(all(doc, 'file').map((f) => [f.name, all(f, 'error').length])).toEqual([['ok/Dockerfile', 0]])
  })
})

describe('gitlab code quality', () => {
  const ajv = new Ajv({ allErrors: true, strict: false })
  const validateIssue = ajv.compile(schema('gitlab-codeclimate.json'))
  const issues = toGitlabCodeQuality(review, RULES, LINKS)

  it('passes GitLab’s own schema for every issue (GitLab stops reading at the first that does not)', () => {
    expect(issues.filter((i) => !validateIssue(i))).toEqual([])
    expect(issues).toHaveLength(bad.findings.length + 3)
  })

  it('is checked by a schema that rejects an issue without a fingerprint', () => {
    const rest: Partial<(typeof issues)[number]> = { ...issues[0] }
    delete rest.fingerprint
    expect(validateIssue(rest)).toBe(false)
  })

  it('gives every issue its own fingerprint, stable when lines move', () => {
    expect(new Set(issues.map((i) => i.fingerprint)).size).toBe(issues.length)
    const moved = analyzeDockerfile('svc/Dockerfile', df('# a comment that moves every line', 'FROM alpine', 'COPY --from=later /x /x', 'FROM alpine:3 AS later', 'USER app', 'RUN curl -s https://x | sh'))
    const before = toGitlabCodeQuality(reviewOf([bad]), RULES, LINKS).map((i) => i.fingerprint)
    const after = toGitlabCodeQuality(reviewOf([moved]), RULES, LINKS).map((i) => i.fingerprint)
    expect(after.filter((f) => before.includes(f)).length).toBeGreaterThan(0)
  })

  it('uses GitLab’s severities and Code Climate’s categories', () => {
    expect(new Set(issues.map((i) => i.severity))).toEqual(new Set(['major', 'minor', 'info']))
    const categories = ['Bug Risk', 'Clarity', 'Compatibility', 'Complexity', 'Duplication', 'Performance', 'Security', 'Style']
    expect(issues.every((i) => i.type === 'issue' && i.categories.length > 0 && i.categories.every((c) => categories.includes(c)))).toBe(true)
    expect(issues.find((i) => i.check_name === 'shellcheck/SC2086')?.location).toEqual({ path: 'odd dir/Docker"file', lines: { begin: 2, end: 2 } })
  })
})

describe('rdjson', () => {
  const published = schema('rdjson-DiagnosticResult.json')
  // The published schema allows any extra key; a strict copy catches a misspelt one too.
  const strict = JSON.parse(JSON.stringify(published)) as { definitions: Record<string, { additionalProperties?: boolean }> }
  for (const definition of Object.values(strict.definitions)) definition.additionalProperties = false
  const ajv = new Ajv({ allErrors: true, strict: false })
  const validate = ajv.compile(published)
  const validateStrict = new Ajv({ allErrors: true, strict: false }).compile(strict)

  it('is valid against reviewdog’s schema, also with unknown keys forbidden', () => {
    const result = toRdjson(review, LINKS)
    expect(validate(result)).toBe(true)
    expect(validateStrict(result)).toBe(true)
    expect(result.diagnostics).toHaveLength(bad.findings.length + 3)
    expect(result.diagnostics.find((d) => d.code.value === 'shellcheck/SC2086')?.location).toEqual({ path: 'odd dir/Docker"file', range: { start: { line: 2 }, end: { line: 2 } } })
  })

  it('is checked by a schema that rejects a wrong severity and a misspelt key', () => {
    const result = toRdjson(review, LINKS) as unknown as { diagnostics: Record<string, unknown>[] }
    const first = result.diagnostics[0] as Record<string, unknown>
    expect(validate({ ...result, diagnostics: [{ ...first, severity: 'FATAL' }] })).toBe(false)
    expect(validateStrict({ ...result, diagnostics: [{ ...first, mesage: 'x' }] })).toBe(false)
  })
})

describe('gnu', () => {
  it('prints file:line: severity: message [check], one line per finding', () => {
    const lines = toGnu(review).split('\n').filter((l) => l !== '')
    expect(lines).toHaveLength(bad.findings.length + 3)
    const GNU = /^([^:]+):(\d+): (error|warning|info): (.*) \[([a-z-]+(?:\/SC\d+)?)\]$/
    expect(lines.filter((l) => !GNU.test(l))).toEqual([])
    expect(lines[0]).toBe(`svc/Dockerfile:${bad.findings[0]?.line}: ${bad.findings[0]?.severity}: ${bad.findings[0]?.message} [${bad.findings[0]?.rule}]`)
    expect(lines.at(-1)).toBe('odd dir/Docker"file:2: info: SC2086: Double quote to prevent globbing and word splitting. [shellcheck/SC2086]')
  })
})

const itCorpus = corpusAvailable() ? it : it.skip
describe('a file that could not be read', () => {
  // Each format is all a consumer may read: the file must be there, as an error at its first line.
  const withUnread = { ...reviewOf([clean]), unread: [{ path: 'bin/Dockerfile', reason: 'binary content (a NUL byte)' }] }
  const said = 'the file could not be read (binary content (a NUL byte)), so it was not reviewed'

  it('is a failed case in JUnit, still valid against the schema', async () => {
    const xml = toJunit(withUnread, LINKS)
    expect(await junitErrors(xml)).toEqual([])
    const suites = all(parseXml(xml, 'testsuites'), 'testsuite')
    expect(suites.map((s) => [s.name, s.failures])).toEqual([['ok/Dockerfile', '0'], ['bin/Dockerfile', '1']])
    expect(all(all(suites[1], 'testcase')[0], 'failure')[0]?.message).toBe(said)
  })

  it('is an error in checkstyle, GitLab Code Quality, rdjson and gnu', () => {
    const files = all(parseXml(toCheckstyle(withUnread), 'checkstyle'), 'file')
    expect(files.map((f) => [f.name, all(f, 'error').map((e) => [e.line, e.severity, e.message])])).toEqual([['ok/Dockerfile', []], ['bin/Dockerfile', [['1', 'error', said]]]])
    const issue = toGitlabCodeQuality(withUnread, RULES, LINKS).find((i) => i.location.path === 'bin/Dockerfile')
    expect([issue?.severity, issue?.description]).toEqual(['major', said])
    expect(new Ajv({ allErrors: true, strict: false }).compile(schema('gitlab-codeclimate.json'))(issue)).toBe(true)
    const rdjson = toRdjson(withUnread, LINKS)
    expect(new Ajv({ allErrors: true, strict: false }).compile(schema('rdjson-DiagnosticResult.json'))(rdjson)).toBe(true)
    expect(rdjson.diagnostics.map((d) => [d.location.path, d.severity, d.message])).toEqual([['bin/Dockerfile', 'ERROR', said]])
    expect(toGnu(withUnread)).toBe(`bin/Dockerfile:1: error: ${said} [parse-error]\n`)
  })
})

describe('the whole corpus', () => {
  itCorpus('gives valid JUnit, Code Quality and rdjson', async () => {
    const corpus = reviewOf(readManifest().map((e) => analyzeDockerfile(e.file, readFileSync(e.path, 'utf8'))))
    expect(await junitErrors(toJunit(corpus, LINKS))).toEqual([])
    const validateIssue = new Ajv({ strict: false }).compile(schema('gitlab-codeclimate.json'))
    const issues = toGitlabCodeQuality(corpus, RULES, LINKS)
    expect(issues.filter((i) => !validateIssue(i))).toEqual([])
    expect(new Set(issues.map((i) => i.fingerprint)).size).toBe(issues.length)
    expect(new Ajv({ strict: false }).compile(schema('rdjson-DiagnosticResult.json'))(toRdjson(corpus, LINKS))).toBe(true)
    expect(all(parseXml(toCheckstyle(corpus), 'checkstyle'), 'file')).toHaveLength(corpus.files.length)
  })
})
