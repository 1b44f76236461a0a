/** The files that make the repository publishable agree with each other (they cannot be run here). */
import { describe, expect, it } from '@jest/globals'
import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { parse } from 'yaml'
import { ROOT } from '../helpers/bundle.js'

const read = (path: string): string => readFileSync(join(ROOT, path), 'utf8')
type Workflow = { on: Record<string, unknown> | string; permissions?: Record<string, string>; jobs: Record<string, { permissions?: Record<string, string>; steps: { uses?: string; run?: string; with?: Record<string, unknown> }[] }> }
const workflow = (name: string): Workflow => parse(read(`.github/workflows/${name}`)) as Workflow

describe('repository files', () => {
  it('every workflow is valid YAML, reads only by default, and pins the actions it uses to a version', () => {
    for (const name of readdirSync(join(ROOT, '.github/workflows'))) {
      const w = workflow(name)
      expect([name, w.permissions?.contents]).toEqual([name, 'read'])
      const uses = Object.values(w.jobs).flatMap((j) => j.steps.flatMap((s) => (s.uses === undefined ? [] : [s.uses])))
      expect([name, uses.filter((u) => u !== './' && !/@v\d+$/.test(u))]).toEqual([name, []])
    }
  })

  it('the action runs on the Node of .node-version, which the workflows set up', () => {
    const major = read('.node-version').trim()
    expect(major).toBe('24')
    expect(read('action.yml')).toMatch(new RegExp(`^  using: node${major}$`, 'm'))
    for (const name of ['ci.yml', 'check-dist.yml', 'release.yml']) {
      const setup = Object.values(workflow(name).jobs).flatMap((j) => j.steps).find((s) => s.uses?.startsWith('actions/setup-node@'))
      expect([name, setup?.with?.['node-version-file']]).toEqual([name, '.node-version'])
    }
  })

  it('the release workflow runs the release script by hand, from main, with write access', () => {
    const w = workflow('release.yml')
    expect(Object.keys(w.on as Record<string, unknown>)).toEqual(['workflow_dispatch'])
    const job = w.jobs.release
    expect(job?.permissions).toMatchObject({ contents: 'write' })
    const runs = job?.steps.map((s) => s.run ?? '').join('\n') ?? ''
    expect(runs).toContain('node scripts/release.mjs "$VERSION" --notes "$RUNNER_TEMP/notes.md" --push')
    expect(runs).toContain('npm test')
    expect(runs).toContain('gh release create')
  })

  it('CodeQL analyses the TypeScript; Dependabot updates npm packages and actions', () => {
    const codeql = workflow('codeql.yml')
    expect(codeql.jobs.analyze?.permissions).toMatchObject({ 'security-events': 'write' })
    expect(codeql.jobs.analyze?.steps.find((s) => s.uses?.startsWith('github/codeql-action/init@'))?.with?.languages).toBe('javascript-typescript')
    const dependabot = parse(read('.github/dependabot.yml')) as { version: number; updates: { 'package-ecosystem': string }[] }
    expect(dependabot.updates.map((u) => u['package-ecosystem']).sort()).toEqual(['github-actions', 'npm'])
  })

  it('marks dist/ as generated, has the MIT licence package.json names, and a Keep a Changelog CHANGELOG', () => {
    expect(read('.gitattributes')).toMatch(/^dist\/\*\* linguist-generated=true/m)
    expect((JSON.parse(read('package.json')) as { license: string }).license).toBe('MIT')
    expect(read('LICENSE')).toMatch(/^MIT License\n/)
    expect(read('CHANGELOG.md')).toMatch(/Keep a Changelog[\s\S]*\n## \[Unreleased\]\n/)
  })
})
