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
import { LINKS, reviewOf } from '../helpers/review.js'

const DIR = join(dirname(fileURLToPath(import.meta.url)), 'golden')
const UPDATE = process.env.UPDATE_GOLDEN === '1'

interface Fixture {
  name: string
  options?: AnalysisOptions
  /** Compare with `<name>.base.Dockerfile` as the PR's base version ('new' = added by the PR). */
  previous?: 'base' | 'new'
}

const FIXTURES: Fixture[] = [
  { name: 'single-stage' },
  { name: 'two-stage', previous: 'new' },
  { name: 'five-stage' },
  { name: 'target', options: { target: 'test' } },
  { name: 'hostile' },
  { name: 'pr-delta', previous: 'base' }
]

function render(fixture: Fixture): string {
  const path = `services/${fixture.name}/Dockerfile`
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

  it('the hostile fixture cannot mention, reference, inject HTML or leak a secret value', () => {
    const md = render({ name: 'hostile' })
    expect(md).not.toMatch(/@team|@octocat|@someone|@org/)
    expect(md).not.toMatch(/#123|#42/)
    expect(md).not.toMatch(/<img|<b>|<\/?script/)
    expect(md).not.toMatch(/hunter2|ghp_should_never_show/)
    // The ENV names are there, their values are not.
    expect(md).toContain('<code>GITHUB\\_TOKEN</code>, <code>NOTE</code>')
    // Every table row still has the columns of its header: no pipe broke out of a cell.
    for (const table of md.split('\n\n').filter((block) => block.startsWith('|'))) {
      const rows = table.split('\n')
      const columns = (row: string): number => row.split('|').length
      expect(rows.map(columns)).toEqual(rows.map(() => columns(rows[0] as string)))
    }
  })
})
