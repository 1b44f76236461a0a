import { describe, expect, it } from '@jest/globals'
import { analyzeDockerfile } from '../../src/review/analyze.js'
import { escapeHtml, escapeMarkdown, summaryMarkdown } from '../../src/report/markdown.js'
import { escapeMarkdownCode } from '../../src/report/escape.js'
import { df } from '../helpers/dockerfile.js'
import { LINKS, reviewOf } from '../helpers/review.js'

const Z = '\u200b'

describe('escapeMarkdown (paragraphs and table cells)', () => {
  it('neutralises mentions, references, URLs, math, HTML, pipes, backticks and emphasis', () => {
    expect(escapeMarkdown('@octocat fixes #123 GH-4 <script>a|b</script> `x` *y* [z](u) _w_ ~s~ $$m$$ https://e.x www.e.x a\\b')).toBe(
      `@${Z}octocat fixes #${Z}123 GH-${Z}4 &lt;script&gt;a\\|b&lt;/script&gt; \\\`x\\\` \\*y\\* \\[z\\](u) \\_w\\_ \\~s\\~ \\$\\$m\\$\\$ https:${Z}//e.x www${Z}.e.x a\\\\b`
    )
  })

  it('keeps @ and # as written inside code (GitHub links nothing there) but still breaks URLs', () => {
    expect(escapeMarkdownCode('@team/#1 http://x')).toBe(`@team/#1 http:${Z}//x`)
  })

  it('keeps a table row on one line', () => {
    expect(escapeMarkdown('a\r\nb')).toBe('a b')
  })
})

describe('escapeHtml (inside an HTML block such as <summary>)', () => {
  it('uses entities only: a backslash would show there', () => {
    expect(escapeHtml('src__frontend__/*x* <b>"q"\'s\' & @u #1 http://x')).toBe(`src__frontend__/*x* &lt;b&gt;&quot;q&quot;&#39;s&#39; &amp; @${Z}u #${Z}1 http:${Z}//x`)
  })
})

describe('summaryMarkdown', () => {
  const bad = analyzeDockerfile('svc/Dockerfile', df('FROM alpine', 'COPY --from=later /x /x', 'FROM alpine:3 AS later', 'USER app'))
  const clean = analyzeDockerfile('ok/Dockerfile', df('FROM alpine:3.20', 'USER app'))

  it('starts with the marker and the status, then per file its facts and its findings by severity with their stage', () => {
    const md = summaryMarkdown(reviewOf([bad, clean]), { links: LINKS, marker: '<!-- stagecraft:ci/lint -->' })
    expect(md.startsWith('<!-- stagecraft:ci/lint -->\n### Stagecraft\n\n❌ 2 Dockerfiles reviewed: 1 error, 1 warning, 1 info.\n')).toBe(true)
    expect(md).toContain('#### <code>svc/Dockerfile</code>\n\n2 stages · ships on <code>alpine:3</code>\n\n**Findings** (1 error, 1 warning, 1 info)\n\n| severity | rule | stage | line | finding |')
    expect(md).toContain(`| 🔴 error | [\`stage-forward-reference\`](${LINKS.rules}/stage-forward-reference.md) | <code>stage 0</code> (unused) | 2 |`)
    // Errors first, then warnings, then info.
    expect(md.indexOf('🔴 error')).toBeLessThan(md.indexOf('🟡 warning'))
    expect(md.indexOf('🟡 warning')).toBeLessThan(md.indexOf('🔵 info'))
    expect(md).toContain('#### <code>ok/Dockerfile</code>\n\n1 stage · ships on <code>alpine:3.20</code>\n\n**Findings:** none.')
    // The stages, graph and images come last, closed, with a blank line after </summary>.
    expect(md).toMatch(/<details>\n<summary>1 stage: table, graph, base images, final image<\/summary>\n\n\| # \| stage \|[\s\S]*<\/details>\n$/)
    expect(md).not.toContain('<details open>')
  })

  it('leads with what the PR did: the delta table, its new findings marked new, the old ones closed and counted', () => {
    const before = analyzeDockerfile('svc/Dockerfile', df('FROM node:20 AS build', 'COPY . .', 'RUN npm ci', 'FROM node:20', 'COPY --from=build /app /app', 'USER node'))
    const after = analyzeDockerfile('svc/Dockerfile', df('FROM node:20 AS build', 'COPY . .', 'RUN npm ci', 'FROM node:20-slim', 'COPY --from=build /app /app', 'RUN cd /app && npm run x', 'USER node'))
    const md = summaryMarkdown(reviewOf([after], { previous: new Map([['svc/Dockerfile', before]]) }), { links: LINKS })
    const old = after.findings.filter((f) => f.rule !== 'run-cd')
    expect(old.length).toBeGreaterThan(0)
    // The header counts the PR's findings only.
    expect(md).toContain(`ℹ️ 1 Dockerfile reviewed: this pull request adds **1 info**; ${old.length} findings were already there.`)
    expect(md).toContain('| | before | after |\n| --- | --- | --- |\n| stages | 2 | 2 |\n| shipped base image | <code>node:20</code> (≈ 390 MB) | <code>node:20-slim</code> (≈ 70 MB, −320 MB, estimates) |\n| new findings |  | **1**: `run-cd` |\n| fixed findings |  | 1: `heavy-final-base` |')
    expect(md).toMatch(/\*\*New in this pull request\*\* \(1 info\)\n\n\| severity \| rule \| stage \| line \| finding \|\n.*\n\| 🆕 🔵 info \| \[`run-cd`\]/)
    expect(md).toContain(`<details>\n<summary>${old.length} findings already there before this pull request`)
    // The delta comes before the new findings, and they before the old ones and the stages.
    const at = (s: string): number => md.indexOf(s)
    expect(at('| | before | after |')).toBeLessThan(at('**New in this pull request**'))
    expect(at('**New in this pull request**')).toBeLessThan(at('already there before this pull request'))
    expect(at('already there before this pull request')).toBeLessThan(at('| # | stage |'))
    expect(md.match(/🆕/g)).toHaveLength(1)
  })

  it('says "no new findings" when the PR brings none, and counts what was there', () => {
    const a = analyzeDockerfile('svc/Dockerfile', df('FROM ubuntu', 'RUN make'))
    const b = analyzeDockerfile('svc/Dockerfile', df('FROM ubuntu', 'RUN make', '# a comment'))
    const md = summaryMarkdown(reviewOf([b], { previous: new Map([['svc/Dockerfile', a]]) }), { links: LINKS })
    expect(md).toContain(`✅ 1 Dockerfile reviewed: this pull request adds no findings; ${b.findings.length} findings were already there.`)
    expect(md).toContain('**No new findings.**')
    expect(md).not.toContain('🆕')
  })

  it('groups repeated findings of a rule into one row that names every stage', () => {
    const lines = ['FROM alpine:3.20 AS base', ...Array.from({ length: 17 }, (_, i) => [`FROM base AS extra${i}`, 'RUN true']).flat(), 'FROM base', 'USER app']
    const a = analyzeDockerfile('Dockerfile', df(...lines))
    expect(a.findings.filter((f) => f.rule === 'unused-stage')).toHaveLength(17)
    const md = summaryMarkdown(reviewOf([a]), { links: LINKS })
    const rows = md.split('\n').filter((l) => l.includes('[`unused-stage`]'))
    expect(rows).toHaveLength(1)
    expect(rows[0]).toContain('17 stages: <code>extra0</code>, <code>extra1</code>')
    expect(rows[0]).toContain('**17×** stage "extra0" is not used')
    expect(rows[0]).toContain('and 16 more like it (each stage is in the stage table)')
    // Two of a kind stay two rows.
    const two = analyzeDockerfile('Dockerfile', df('FROM alpine:3.20 AS base', 'FROM base AS a', 'FROM base AS b', 'FROM base', 'USER app'))
    expect(summaryMarkdown(reviewOf([two]), { links: LINKS }).split('\n').filter((l) => l.includes('[`unused-stage`]'))).toHaveLength(2)
  })

  it('says so when nothing is wrong, or nothing changed', () => {
    expect(summaryMarkdown(reviewOf([clean]), { links: LINKS })).toContain('✅ 1 Dockerfile reviewed: no findings.')
    expect(summaryMarkdown(reviewOf([]), { links: LINKS })).toContain('No Dockerfile changed.')
  })

  it('escapes what comes from the Dockerfile (paths, messages)', () => {
    const hostile = analyzeDockerfile('a|b/@team/Dockerfile', df('FROM alpine:3 AS @evil<img>#1', 'USER app'))
    const md = summaryMarkdown(reviewOf([hostile]), { links: LINKS })
    expect(hostile.findings.map((f) => f.rule)).toContain('invalid-stage-name')
    expect(md).not.toMatch(/<img>/)
    // In a message, @ and # get a zero-width space; inside code they stay (GitHub links nothing there).
    expect(md).toContain(`"@\u200bevil&lt;img&gt;#\u200b1"`)
    expect(md).toContain('<code>@evil&lt;img&gt;#1</code>')
    expect(md).toContain('#### <code>a\\|b/@team/Dockerfile</code>')
  })

  it('never exceeds the limit: per-file tables give way to counts and a pointer', () => {
    const many = Array.from({ length: 400 }, (_, i) => analyzeDockerfile(`services/s${i}/Dockerfile`, df('FROM ubuntu', 'RUN apt-get update && apt-get install -y gcc', 'CMD run')))
    const md = summaryMarkdown(reviewOf(many), { links: LINKS, limit: 20000, fullReportHint: 'the job summary of run 42' })
    expect([...md].length).toBeLessThanOrEqual(20000)
    expect(md).toContain('The full report did not fit in 20,000 characters: see the job summary of run 42.')
    expect(md).toMatch(/…and \d+ more files\./)
    expect(summaryMarkdown(reviewOf(many), { links: LINKS }).length).toBeLessThanOrEqual(65536)
  })
})
