/** scripts/release.mjs, run as a maintainer runs it, in a throwaway git repository (with a bare one as origin). */
import { afterAll, describe, expect, it } from '@jest/globals'
import { execFileSync, spawnSync } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { ROOT } from '../helpers/bundle.js'
import { tempTree } from '../helpers/tmp.js'

const HOME = 'https://github.com/stagecraft-dev/stagecraft-action'
// The bundles carry the version: the release rebuilds them (here, a build that writes the version into dist/).
const build = "node -e \"require('fs').writeFileSync('dist/version.txt', require('./package.json').version)\""
const pkg = { name: 'stagecraft', version: '0.1.0', repository: { type: 'git', url: `git+${HOME}.git` }, scripts: { build } }
const tree = tempTree({
  'repo/package.json': `${JSON.stringify(pkg, null, 2)}\n`,
  'repo/package-lock.json': `${JSON.stringify({ name: 'stagecraft', version: '0.1.0', lockfileVersion: 3, packages: { '': { name: 'stagecraft', version: '0.1.0' } } }, null, 2)}\n`,
  'repo/CHANGELOG.md': readFileSync(join(ROOT, 'CHANGELOG.md'), 'utf8'),
  'repo/dist/version.txt': '0.1.0'
})
afterAll(() => tree.remove())
const repo = join(tree.dir, 'repo')
const origin = join(tree.dir, 'origin.git')
const env = { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@t', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@t' }
const git = (cwd: string, ...args: string[]): string => execFileSync('git', ['-C', cwd, ...args], { encoding: 'utf8', env }).trim()
const release = (...args: string[]) => spawnSync(process.execPath, [join(ROOT, 'scripts/release.mjs'), ...args], { cwd: repo, encoding: 'utf8', env })
const read = (file: string): string => readFileSync(join(repo, file), 'utf8')
const version = (file: string): string => (JSON.parse(read(file)) as { version: string }).version

execFileSync('git', ['init', '-q', '--bare', origin])
git(repo, 'init', '-q', '-b', 'main')
git(repo, 'add', '.')
git(repo, 'commit', '-qm', 'start')
git(repo, 'remote', 'add', 'origin', origin)

describe('scripts/release.mjs', () => {
  it('--dry-run says what it would do and changes nothing', () => {
    const result = release('minor', '--dry-run', '--date', '2026-12-01')
    expect(result.status).toBe(0)
    expect(result.stdout).toContain('would release v0.2.0 (after no earlier release): package.json 0.1.0 → 0.2.0')
    expect(result.stdout).toContain('## [0.2.0] - 2026-12-01')
    expect(git(repo, 'status', '--porcelain')).toBe('')
    expect(git(repo, 'tag')).toBe('')
  })

  it('bumps the version, moves Unreleased into the release, commits, tags vX.Y.Z and vX, and pushes', () => {
    const notes = join(tree.dir, 'notes.md')
    const result = release('minor', '--date', '2026-12-01', '--notes', notes, '--push')
    expect([result.status, result.stderr]).toEqual([0, ''])
    expect([version('package.json'), version('package-lock.json'), (JSON.parse(read('package-lock.json')) as { packages: Record<string, { version: string }> }).packages['']?.version]).toEqual(['0.2.0', '0.2.0', '0.2.0'])
    const changelog = read('CHANGELOG.md')
    expect(changelog).toMatch(/## \[Unreleased\]\n\n## \[0\.2\.0\] - 2026-12-01\n\n### Added\n\n- The GitHub Action/)
    expect(changelog).toContain(`[Unreleased]: ${HOME}/compare/v0.2.0...HEAD\n[0.2.0]: ${HOME}/releases/tag/v0.2.0\n`)
    expect(readFileSync(notes, 'utf8')).toMatch(/^### Added\n\n- The GitHub Action/)
    expect(git(repo, 'log', '-1', '--format=%s')).toBe('Release v0.2.0')
    expect(git(repo, 'show', 'HEAD:dist/version.txt')).toBe('0.2.0')
    expect(git(repo, 'status', '--porcelain')).toBe('')
    const head = git(repo, 'rev-parse', 'HEAD')
    expect([git(repo, 'rev-parse', 'v0.2.0^{commit}'), git(repo, 'rev-parse', 'v0^{commit}')]).toEqual([head, head])
    expect(git(origin, 'rev-parse', 'v0.2.0^{commit}', 'v0^{commit}', 'main').split('\n')).toEqual([head, head, head])
  })

  it('moves the major tag to the next patch release and compares it with the one before', () => {
    writeFileSync(join(repo, 'CHANGELOG.md'), read('CHANGELOG.md').replace('## [Unreleased]\n', '## [Unreleased]\n\n### Fixed\n\n- A fix.\n'))
    git(repo, 'commit', '-qam', 'fix')
    expect(release('patch', '--date', '2026-12-02').status).toBe(0)
    const head = git(repo, 'rev-parse', 'HEAD')
    expect(git(repo, 'rev-parse', 'v0^{commit}')).toBe(head)
    expect(git(repo, 'rev-parse', 'v0.2.0^{commit}')).not.toBe(head)
    const changelog = read('CHANGELOG.md')
    expect(changelog).toContain(`[Unreleased]: ${HOME}/compare/v0.2.1...HEAD\n[0.2.1]: ${HOME}/compare/v0.2.0...v0.2.1\n[0.2.0]: ${HOME}/releases/tag/v0.2.0\n`)
    expect(changelog.indexOf('## [0.2.1] - 2026-12-02\n\n### Fixed\n\n- A fix.')).toBeLessThan(changelog.indexOf('## [0.2.0]'))
  })

  it('a major release gets its own major tag and leaves the old one where it was', () => {
    const v0 = git(repo, 'rev-parse', 'v0^{commit}')
    writeFileSync(join(repo, 'CHANGELOG.md'), read('CHANGELOG.md').replace('## [Unreleased]\n', '## [Unreleased]\n\n### Changed\n\n- Breaking.\n'))
    git(repo, 'commit', '-qam', 'breaking')
    expect(release('major', '--date', '2026-12-03').status).toBe(0)
    expect(git(repo, 'rev-parse', 'v1^{commit}')).toBe(git(repo, 'rev-parse', 'HEAD'))
    expect(git(repo, 'rev-parse', 'v0^{commit}')).toBe(v0)
    expect(version('package.json')).toBe('1.0.0')
  })

  it('refuses a dirty tree, an empty Unreleased, a version that is not higher, and a bad argument', () => {
    expect(release('patch').stderr).toBe('release: CHANGELOG.md: nothing under Unreleased to release\n')
    expect(release('0.9.0').stderr).toBe('release: 0.9.0 is not higher than the current 1.0.0\n')
    expect(release('huge').stderr).toBe('release: "huge" is not patch, minor, major or X.Y.Z\n')
    expect(release().status).toBe(1)
    writeFileSync(join(repo, 'package.json'), read('package.json').replace('"name"', '"x": 1, "name"'))
    const dirty = release('patch')
    expect([dirty.status, dirty.stderr]).toEqual([1, expect.stringContaining('release: the working tree has changes') as unknown as string])
  })
})
