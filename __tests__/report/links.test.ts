/**
 * Every link a run can show resolves: the rule pages the comment, the annotations and SARIF link
 * are files of this repository (at the ref of the version that ran: the working tree here, the
 * release tag once tagged), the links come from the running action or package.json, and the
 * README's `uses:` line names package.json's repository.
 */
import { describe, expect, it } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { actionLinks } from '../../src/github/links.js'
import { toCheckAnnotation } from '../../src/github/annotations.js'
import { HOME, REPOSITORY, VERSION, repositoryHome } from '../../src/model/version.js'
import { linksAt, ruleDocUrl, type Links } from '../../src/report/links.js'
import { summaryMarkdown } from '../../src/report/markdown.js'
import { toSarif } from '../../src/report/sarif.js'
import { INTERNAL_ERROR, analyzeDockerfile } from '../../src/review/analyze.js'
import { RULES } from '../../src/rules/registry.js'
import { CLI_LINKS, USAGE } from '../../src/cli/run.js'
import { ROOT } from '../helpers/bundle.js'
import { reviewOf } from '../helpers/review.js'

const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string; repository: { url: string }; homepage: string; bugs: { url: string } }
const tracked = new Set(execFileSync('git', ['-C', ROOT, 'ls-files'], { encoding: 'utf8' }).split('\n'))

/** The repository file a link under `links` names, or null for a link elsewhere. */
function fileOf(url: string, links: Links): string | null {
  const prefix = `${links.home}/blob/`
  if (!url.startsWith(prefix)) return null
  return url.slice(prefix.length).split('/').slice(1).join('/').replace(/[#?].*$/, '')
}

/** A file with a finding of every rule (and of Stagecraft's own failure), so every link a comment can hold is rendered. */
function everyRuleFiring() {
  const analysis = analyzeDockerfile('svc/Dockerfile', 'FROM alpine\nRUN true\n')
  const model = analysis.findings[0]
  if (model === undefined) throw new Error('expected a finding to copy')
  const findings = [...RULES.map((r) => r.meta.id), INTERNAL_ERROR].map((rule, i) => ({ ...model, rule, line: 1 + (i % 2), endLine: 1 + (i % 2), stage: null }))
  return [{ ...analysis, findings }]
}

describe('links', () => {
  it('one canonical home, in package.json: repository, homepage and bugs agree', () => {
    expect(HOME).toBe('https://github.com/stagecraft-dev/stagecraft-action')
    expect(repositoryHome(pkg.repository.url)).toBe(HOME)
    expect(pkg.homepage).toBe(`${HOME}#readme`)
    expect(pkg.bugs.url).toBe(`${HOME}/issues`)
    expect(REPOSITORY).toBe('stagecraft-dev/stagecraft-action')
  })

  it("every link the comment can hold opens a file of this repository at the version's tag", () => {
    const analyses = everyRuleFiring()
    const body = summaryMarkdown(reviewOf(analyses), { links: CLI_LINKS, limit: Number.MAX_SAFE_INTEGER })
    const urls = [...body.matchAll(/\]\((https?:[^)\s]+)\)/g)].map((m) => m[1] as string)
    expect(urls.length).toBe(RULES.length + 1)
    // Stagecraft's own failure links a new issue; every other link is a rule page at the tag.
    expect(urls.filter((u) => u === `${HOME}/issues/new`)).toHaveLength(1)
    const pages = urls.filter((u) => u !== `${HOME}/issues/new`)
    expect(pages.filter((u) => !u.startsWith(`${HOME}/blob/v${VERSION}/`))).toEqual([])
    expect([...new Set(pages.map((u) => fileOf(u, CLI_LINKS)))].filter((f) => f === null || !tracked.has(f))).toEqual([])
  })

  it('every rule page the annotations and SARIF link is a file of this repository', () => {
    const links = actionLinks({ GITHUB_ACTION_REPOSITORY: 'stagecraft-dev/stagecraft-action', GITHUB_ACTION_REF: 'v0' })
    const analyses = everyRuleFiring()
    const annotationUrls = analyses.flatMap((a) => a.findings.filter((f) => f.rule !== INTERNAL_ERROR).map((f) => toCheckAnnotation(a.path, f, links).message.split('\n').pop() ?? ''))
    const sarif = toSarif(reviewOf(analyses), RULES, links)
    const helpUris = (sarif.runs[0]?.tool.driver.rules ?? []).map((r) => r.helpUri ?? '')
    const files = [...annotationUrls, ...helpUris].map((u) => fileOf(u, links))
    expect(files.filter((f) => f === null || !tracked.has(f))).toEqual([])
    expect(sarif.runs[0]?.tool.driver.informationUri).toBe(HOME)
  })

  it('the action links its own repository and ref; a local action or a bad value, the package at its tag', () => {
    expect(actionLinks({ GITHUB_ACTION_REPOSITORY: 'someone/fork', GITHUB_ACTION_REF: 'main' })).toEqual({ home: 'https://github.com/someone/fork', rules: 'https://github.com/someone/fork/blob/main/docs/rules' })
    expect(actionLinks({ GITHUB_ACTION_REPOSITORY: 'o/r', GITHUB_ACTION_REF: 'v1', GITHUB_SERVER_URL: 'https://ghe.example.com/' }).rules).toBe('https://ghe.example.com/o/r/blob/v1/docs/rules')
    const sha = 'a'.repeat(40)
    expect(ruleDocUrl(actionLinks({ GITHUB_ACTION_REPOSITORY: 'o/r', GITHUB_ACTION_REF: sha }), 'pipefail')).toBe(`https://github.com/o/r/blob/${sha}/docs/rules/pipefail.md`)
    const fallback = linksAt(HOME, `v${VERSION}`)
    expect(actionLinks({})).toEqual(fallback)
    expect(actionLinks({ GITHUB_ACTION_REPOSITORY: '', GITHUB_ACTION_REF: '' })).toEqual(fallback)
    expect(actionLinks({ GITHUB_ACTION_REPOSITORY: 'not a repo', GITHUB_ACTION_REF: 'v1' })).toEqual(fallback)
  })

  it('the CLI links the package at its tag: --help and the Markdown', () => {
    expect(CLI_LINKS).toEqual({ home: HOME, rules: `${HOME}/blob/v${VERSION}/docs/rules` })
    expect(USAGE).toContain(`${HOME}#readme`)
    expect(fileOf(`${CLI_LINKS.rules}/README.md`, CLI_LINKS)).toBe('docs/rules/README.md')
  })

  it("the README's uses: lines name package.json's repository at the current major tag", () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8')
    const ours = [...readme.matchAll(/^\s*-?\s*uses:\s*(\S+)\s*$/gm)].map((m) => m[1] as string).filter((u) => !/^(?:actions|github)\//.test(u) && u !== './')
    expect(ours.length).toBeGreaterThan(2)
    expect([...new Set(ours)]).toEqual([`${REPOSITORY}@v${VERSION.split('.')[0] ?? ''}`])
    expect(readme).not.toContain('stagecraft/stagecraft@')
  })

  it("action.yml's name is the Marketplace one", () => {
    expect(readFileSync(join(ROOT, 'action.yml'), 'utf8')).toMatch(/^name: Stagecraft Dockerfile Review$/m)
  })
})
