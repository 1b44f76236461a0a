/**
 * The package as npm would publish it: `npm pack`, installed into an empty folder (offline: the
 * CLI is one bundle and the package has no runtime dependency), then `npx stagecraft` there.
 */
import { afterAll, describe, expect, it } from '@jest/globals'
import { execFileSync, spawnSync } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { ROOT } from '../helpers/bundle.js'
import { df } from '../helpers/dockerfile.js'
import { tempTree } from '../helpers/tmp.js'

const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { name: string; version: string; bin: Record<string, string>; dependencies?: object; files: string[] }
const tree = tempTree({ 'app/package.json': '{ "name": "app", "private": true }\n', 'app/Dockerfile': df('FROM alpine:3.20', 'COPY --from=later /x /x', 'FROM alpine:3.20 AS later') })
afterAll(() => tree.remove())

const npm = (args: string[], cwd: string): string => execFileSync('npm', args, { cwd, encoding: 'utf8', timeout: 120_000, env: { ...process.env, npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false' } })

describe('npm pack', () => {
  const tarball = join(tree.dir, npm(['pack', '--silent', '--pack-destination', tree.dir], ROOT).trim().split('\n').pop() ?? '')
  const listing = execFileSync('tar', ['-tzf', tarball], { encoding: 'utf8' }).split('\n')

  it('holds the bundles, action.yml, LICENSE, README and CHANGELOG, and no sources', () => {
    for (const file of ['dist/cli/index.js', 'dist/index.js', 'action.yml', 'LICENSE', 'README.md', 'CHANGELOG.md', 'package.json']) expect(listing).toContain(`package/${file}`)
    expect(listing.filter((f) => f.startsWith('package/src/') || f.startsWith('package/__tests__/'))).toEqual([])
  })

  it('has a bin with a shebang and no runtime dependency (everything is in the bundle)', () => {
    expect(pkg.bin).toEqual({ stagecraft: 'dist/cli/index.js' })
    expect(readFileSync(join(ROOT, 'dist/cli/index.js'), 'utf8').startsWith('#!/usr/bin/env node\n')).toBe(true)
    expect(pkg.dependencies ?? {}).toEqual({})
  })

  it('installs into an empty folder, offline, and `npx stagecraft` runs there', () => {
    const app = join(tree.dir, 'app')
    npm(['install', '--offline', '--no-save', tarball], app)
    const version = spawnSync('npx', ['--offline', 'stagecraft', '--version'], { cwd: app, encoding: 'utf8', timeout: 60_000 })
    expect([version.status, version.stdout]).toEqual([0, `stagecraft ${pkg.version}\n`])
    const review = spawnSync('npx', ['--offline', 'stagecraft', 'Dockerfile'], { cwd: app, encoding: 'utf8', timeout: 60_000 })
    expect(review.status).toBe(1)
    expect(review.stdout).toContain('stage-forward-reference')
    writeFileSync(join(app, 'Dockerfile'), df('FROM alpine:3.20', 'USER app'))
    expect(spawnSync('npx', ['--offline', 'stagecraft'], { cwd: app, encoding: 'utf8', timeout: 60_000 }).status).toBe(0)
  })
})
