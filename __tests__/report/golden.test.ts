/**
 * Golden files: the whole summary Markdown for a set of fixtures, compared byte for byte.
 * After a deliberate change, regenerate with `UPDATE_GOLDEN=1 npm test -- golden` and review
 * the diff of the .md files like any other change.
 */
import { describe, expect, it } from '@jest/globals'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { analyzeDockerfile, type AnalysisOptions } from '../../src/review/analyze.js'
import { summaryMarkdown, type PreviousVersion } from '../../src/report/markdown.js'
import { compareVersions } from '../../src/enrich/delta.js'
import { LINKS, reviewOf } from '../helpers/review.js'
import { renderLikeGitHub, type GitHubView } from '../helpers/gfm.js'

/** What the summary writes itself (Markdown's and its own HTML); anything else came from a file. */
const ALLOWED_ELEMENTS = new Set(['a', 'br', 'code', 'details', 'em', 'h3', 'h4', 'p', 'pre', 'strong', 'summary', 'table', 'tbody', 'td', 'th', 'thead', 'tr', 'blockquote'])

const DIR = join(dirname(fileURLToPath(import.meta.url)), 'golden')
const UPDATE = process.env.UPDATE_GOLDEN === '1'

interface Fixture {
  name: string
  options?: AnalysisOptions
  /** Compare with `<name>.base.Dockerfile` as the PR's base version ('new' = added by the PR). */
  previous?: 'base' | 'new'
  /** Where the file is (default `services/<name>/Dockerfile`). */
  path?: string
}

/** Markdown, HTML and GitHub's own syntax in a path: it must show as written and link nothing. */
const HOSTILE_PATH = 'apps/src__frontend__/*x*|y<b>`@user #123 $$m$$ https://evil.example/Dockerfile'

const FIXTURES: Fixture[] = [
  { name: 'single-stage' },
  { name: 'two-stage', previous: 'new' },
  { name: 'five-stage' },
  { name: 'target', options: { target: 'test' } },
  { name: 'hostile' },
  { name: 'pr-delta', previous: 'base' },
  { name: 'escaping', path: HOSTILE_PATH, previous: 'new' },
  // 23 stages built as bake targets (binary, image, release): most stages are unused by them.
  { name: 'many-targets', previous: 'base', options: { targets: ['binary', 'image', 'release'].map((name) => ({ name })) } }
]

function render(fixture: Fixture): string {
  const path = fixture.path ?? `services/${fixture.name}/Dockerfile`
  const read = (file: string): string => readFileSync(join(DIR, file), 'utf8')
  // A fixed day: dated tables (end of life) must not change the golden files as the calendar moves.
  const options = { today: '2026-12-01', ...fixture.options }
  const head = analyzeDockerfile(path, read(`${fixture.name}.Dockerfile`), options)
  const previous = new Map<string, PreviousVersion>()
  if (fixture.previous === 'new') previous.set(path, 'new')
  if (fixture.previous === 'base') previous.set(path, analyzeDockerfile(path, read(`${fixture.name}.base.Dockerfile`), options))
  return summaryMarkdown(reviewOf([head], { previous }), { links: LINKS })
}

describe('summary Markdown golden files', () => {
  it.each(FIXTURES.map((f) => [f.name, f] as const))('%s', (name, fixture) => {
    const actual = render(fixture)
    const file = join(DIR, `${name}.md`)
    if (UPDATE || !existsSync(file)) writeFileSync(file, actual)
    expect(actual).toBe(readFileSync(file, 'utf8'))
  })

  it('a 23-stage file built as several bake targets stays under 10,000 characters and names every new finding', () => {
    const fixture = FIXTURES.find((f) => f.name === 'many-targets') as Fixture
    const md = render(fixture)
    expect([...md].length).toBeLessThan(10_000)
    const read = (file: string): string => readFileSync(join(DIR, file), 'utf8')
    const path = `services/${fixture.name}/Dockerfile`
    const head = analyzeDockerfile(path, read('many-targets.Dockerfile'), fixture.options)
    const base = analyzeDockerfile(path, read('many-targets.base.Dockerfile'), fixture.options)
    expect(head.model.stages.length).toBeGreaterThanOrEqual(20)
    const fresh = compareVersions(base, head).newInHead
    expect(fresh.length).toBeGreaterThanOrEqual(5)
    // Every new finding is named: its rule in the new-findings table, its stage in that row.
    const table = md.slice(md.indexOf('**New in this pull request**'), md.indexOf('already there before this pull request'))
    for (const f of fresh) {
      const row = table.split('\n').find((l) => l.includes(`[\`${f.rule}\`]`) && (f.stage === null || l.includes(`<code>${head.model.stages[f.stage]?.name ?? ''}</code>`)))
      expect(row).toBeDefined()
    }
    // The unused stages are one row among the new findings, one among the old, and one node.
    const rows = md.split('\n').filter((l) => l.includes('[`unused-stage`]'))
    expect(rows.map((r) => r.startsWith('| 🆕'))).toEqual([true, false])
    expect(md).toMatch(/u0\["\+\d+ unused stages"\]/)
  })

  describe('as GitHub renders them (a GFM renderer, GitHub math, mention and reference linking)', () => {
    const views = renderLikeGitHub(FIXTURES.map((f) => ({ name: f.name, markdown: render(f) })))
    const byName = new Map(views.map((v) => [v.name, v]))

    it.each(views.map((v) => [v.name, v] as const))('%s pings no one, links no issue, typesets no math, autolinks no URL and injects no HTML', (_, view) => {
      expect(view.mentions).toEqual([])
      expect(view.references).toEqual([])
      expect(view.math).toEqual([])
      // The only links are the rule pages.
      expect(view.links.filter((href) => !href.startsWith(`${LINKS.rules}/`))).toEqual([])
      // Only the elements the summary itself writes.
      expect(view.elements.filter((e) => !ALLOWED_ELEMENTS.has(e))).toEqual([])
    })

    it('the check can fail: the same text unescaped pings, links, typesets and injects', () => {
      const [raw] = renderLikeGitHub([{ name: 'raw', markdown: `${HOSTILE_PATH} fixes GH-7, see www.evil.example <img src=x>` }])
      expect(raw?.mentions).toEqual(['@user'])
      expect(raw?.references).toEqual(['#123', 'GH-7'])
      expect(raw?.math).toEqual(['m'])
      expect(raw?.links).toEqual(['https://evil.example/Dockerfile', 'http://www.evil.example'])
      expect(raw?.elements).toContain('img')
    })

    it('paths, stage and image names show exactly as written (no backslashes, entities or lost characters)', () => {
      const view = byName.get('escaping') as GitHubView
      const codes = view.codes.map((c) => c.replace(/\u200b/g, ''))
      expect(codes).toContain(HOSTILE_PATH)
      for (const name of ['build_stage_1', 'stage_with_*stars*', 'final_$x$']) expect(codes).toContain(name)
      // Images: Docker Hub's prefix dropped, the digest cut to 12 hex digits (the full one in the tooltip).
      expect(codes).toContain('alpine:3.20@sha256:0123456789ab…')
      expect(view.html).toContain('title="docker.io/library/alpine:3.20@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"')
      expect(view.text).not.toMatch(/\\[_*|`$]/)
    })

    it('the hostile fixture shows its names but leaks no secret value and breaks no table', () => {
      const view = byName.get('hostile') as GitHubView
      expect(view.codes).toEqual(expect.arrayContaining(['@team<img', '`tick`', 'GITHUB_TOKEN', 'NOTE']))
      expect(view.text).toContain('stage name "@\u200bteam<img" is invalid')
      expect(view.text).not.toMatch(/hunter2|ghp_should_never_show/)
      const md = render({ name: 'hostile' })
      // Every table row still has the columns of its header: no pipe broke out of a cell.
      for (const table of md.split('\n\n').filter((block) => block.startsWith('|'))) {
        const rows = table.split('\n')
        const columns = (row: string): number => row.replace(/\\\|/g, '').split('|').length
        expect(rows.map(columns)).toEqual(rows.map(() => columns(rows[0] as string)))
      }
    })
  })
})
