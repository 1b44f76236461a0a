/** The committed bundles work as processes: `npx stagecraft` (dist/cli) and the action (dist/index.js). */
import { afterAll, describe, expect, it } from '@jest/globals'
import { readFileSync, writeFileSync } from 'node:fs'
import { spawnSync } from 'node:child_process'
import { join } from 'node:path'
import { VERSION } from '../../src/model/version.js'
import { ROOT, runBundle } from '../helpers/bundle.js'
import { df } from '../helpers/dockerfile.js'
import { tempTree } from '../helpers/tmp.js'

const tree = tempTree({
  'ok/Dockerfile': df('FROM golang:1.22 AS build', 'RUN go build -o /app', 'FROM scratch', 'COPY --from=build /app /app'),
  'bad/Dockerfile': df('FROM alpine', 'COPY --from=later /x /x', 'FROM alpine AS later'),
  'broken/Dockerfile': df('FROM alpine', 'RUN <<EOF', 'echo never closed'),
  'many/.keep': ''
})
afterAll(() => tree.remove())

describe('dist/cli/index.js', () => {
  it('exits 0, 1 and 2 as documented', () => {
    expect(runBundle('dist/cli/index.js', ['ok'], { cwd: tree.dir }).code).toBe(0)
    expect(runBundle('dist/cli/index.js', ['bad'], { cwd: tree.dir }).code).toBe(1)
    const usage = runBundle('dist/cli/index.js', ['--format', 'yaml'], { cwd: tree.dir })
    expect([usage.code, usage.stderr]).toEqual([2, 'stagecraft: --format must be text, json, markdown, sarif, checkstyle, gitlab, junit, rdjson or gnu, not "yaml" (see stagecraft --help)\n'])
  })

  it('analyses every file even when one does not parse', () => {
    const result = runBundle('dist/cli/index.js', ['--format', 'json'], { cwd: tree.dir })
    const report = JSON.parse(result.stdout) as { files: { path: string; findings: { rule: string; line: number; severity: string }[] }[] }
    expect(report.files.map((f) => [f.path, f.findings.filter((x) => x.severity === 'error').map((x) => `${x.rule}@${x.line}`)])).toEqual([
      ['bad/Dockerfile', ['stage-forward-reference@2']],
      ['broken/Dockerfile', ['parse-error@2']],
      ['ok/Dockerfile', []]
    ])
  })

  it('colours its text when FORCE_COLOR says so (CI logs are no TTY), and not when NO_COLOR or no terminal', () => {
    const env = (extra: Record<string, string>) => ({ PATH: process.env.PATH ?? '', ...extra })
    expect(runBundle('dist/cli/index.js', ['bad'], { cwd: tree.dir, env: env({ FORCE_COLOR: '1' }) }).stdout).toContain('\u001b[31merror')
    expect(runBundle('dist/cli/index.js', ['bad'], { cwd: tree.dir, env: env({ FORCE_COLOR: '0' }) }).stdout).not.toContain('\u001b[')
    expect(runBundle('dist/cli/index.js', ['bad'], { cwd: tree.dir, env: env({ NO_COLOR: '1' }) }).stdout).not.toContain('\u001b[')
  })

  it('stops quietly when its reader closes the pipe (stagecraft … | head)', () => {
    // Far more output than a pipe buffers: the writes after head exits fail with EPIPE.
    writeFileSync(join(tree.dir, 'many/Dockerfile'), df('FROM alpine:3', ...Array.from({ length: 20_000 }, (_, i) => `MAINTAINER person${i}`)))
    const cli = JSON.stringify(join(ROOT, 'dist/cli/index.js'))
    const result = spawnSync('sh', ['-c', `node ${cli} many | head -c 10 >/dev/null`], { cwd: tree.dir, encoding: 'utf8' })
    expect(result.stderr).toBe('')
  })

  it('reports the version of package.json', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }
    expect(VERSION).toBe(pkg.version)
    expect(runBundle('dist/cli/index.js', ['--version'], { cwd: tree.dir }).stdout).toBe(`stagecraft ${pkg.version}\n`)
  })
})

describe('dist/index.js (the action)', () => {
  it('annotates findings with file and line through workflow commands and sets outputs', () => {
    const output = join(tree.dir, 'github_output')
    writeFileSync(output, '')
    const result = runBundle('dist/index.js', [], {
      cwd: tree.dir,
      env: { PATH: process.env.PATH ?? '', GITHUB_WORKSPACE: tree.dir, GITHUB_OUTPUT: output, 'INPUT_DOCKERFILES': 'bad\nok' }
    })
    expect(result.stdout).toContain(
      '::error title=stage-forward-reference (error),file=bad/Dockerfile,line=2,endLine=2::COPY --from=later refers to stage "later" defined later (line 3); a stage can only use stages defined before it'
    )
    expect(result.code).toBe(1)
    const outputs = readFileSync(output, 'utf8')
    expect(outputs).toMatch(/^dockerfiles<<ghadelimiter_[\w-]+\n2\n/m)
    expect(outputs).toMatch(/^errors<<ghadelimiter_[\w-]+\n1\n/m)
  })
})
