import { describe, expect, it } from '@jest/globals'
import { analyzeDockerfile } from '../../src/review/analyze.js'
import { escapeMarkdown, summaryMarkdown } from '../../src/report/markdown.js'
import { df } from '../helpers/dockerfile.js'
import { LINKS, reviewOf } from '../helpers/review.js'

describe('escapeMarkdown', () => {
  it('neutralises mentions, issue references, HTML, pipes, backticks and emphasis', () => {
    expect(escapeMarkdown('@octocat fixes #123 <script>a|b</script> `x` *y* [z](u)')).toBe(
      '&#64;octocat fixes &#35;123 &lt;script&gt;a&#124;b&lt;/script&gt; &#96;x&#96; \\*y\\* \\[z\\](u)'
    )
  })
})

describe('summaryMarkdown', () => {
  const bad = analyzeDockerfile('svc/Dockerfile', df('FROM alpine', 'COPY --from=later /x /x', 'FROM alpine:3 AS later', 'USER app'))
  const clean = analyzeDockerfile('ok/Dockerfile', df('FROM alpine:3.20', 'USER app'))

  it('starts with the marker, says the status, opens files with errors and keeps a blank line after </summary>', () => {
    const md = summaryMarkdown(reviewOf([bad, clean]), { links: LINKS, marker: '<!-- stagecraft:ci/lint -->' })
    expect(md.startsWith('<!-- stagecraft:ci/lint -->\n### Stagecraft\n\n❌ 2 Dockerfiles reviewed: 1 error, 1 warning, 1 info.\n')).toBe(true)
    expect(md).toContain('<details open>\n<summary><code>svc/Dockerfile</code> — 1 error, 1 warning, 1 info · 2 stages · ships on <code>alpine:3</code></summary>\n\n**Stages**\n\n| # | stage |')
    expect(md).toContain('<details>\n<summary><code>ok/Dockerfile</code> — no findings · 1 stage · ships on <code>alpine:3.20</code></summary>\n\n**Stages**')
    expect(md).toMatch(/\*\*Findings:\*\* none\.\n\n<\/details>\n$/)
    expect(md).toContain(`| 2 | 🔴 error | [\`stage-forward-reference\`](${LINKS.rules}/stage-forward-reference.md) |`)
  })

  it('says so when nothing is wrong, or nothing changed', () => {
    expect(summaryMarkdown(reviewOf([clean]), { links: LINKS })).toContain('✅ 1 Dockerfile reviewed: no findings.')
    expect(summaryMarkdown(reviewOf([]), { links: LINKS })).toContain('No Dockerfile changed.')
  })

  it('escapes what comes from the Dockerfile (paths, messages)', () => {
    const hostile = analyzeDockerfile('a|b/@team/Dockerfile', df('FROM alpine:3 AS @evil<img>#1', 'USER app'))
    const md = summaryMarkdown(reviewOf([hostile]), { links: LINKS })
    expect(hostile.findings.map((f) => f.rule)).toContain('invalid-stage-name')
    expect(md).not.toMatch(/@team|<img>|@evil/)
    expect(md).toContain("&#64;evil&lt;img&gt;&#35;1")
    expect(md).toContain('a&#124;b/&#64;team/Dockerfile')
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
