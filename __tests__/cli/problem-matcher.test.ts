/**
 * .github/stagecraft-matcher.json, as the Actions runner reads it: the runner's own checks on the
 * file (unique owners, a known default severity, group numbers that exist, a message), then every
 * pattern over the real output of the bundled CLI, plain and coloured, text and gnu. Each finding
 * must become exactly one annotation with its file, line, rule and message, and nothing else may.
 */
import { afterAll, describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { MATCHER_OWNERS } from '../../src/cli/run.js'
import { ROOT, runBundle } from '../helpers/bundle.js'
import { df } from '../helpers/dockerfile.js'
import { tempTree } from '../helpers/tmp.js'
import { findingText } from '../../src/model/finding.js'

interface Pattern {
  regexp: string
  file?: number
  line?: number
  column?: number
  severity?: number
  code?: number
  message?: number
}
interface Matcher {
  owner: string
  severity?: string
  pattern: Pattern[]
}

const MATCHER_FILE = join(ROOT, '.github/stagecraft-matcher.json')
const matchers = (JSON.parse(readFileSync(MATCHER_FILE, 'utf8')) as { problemMatcher: Matcher[] }).problemMatcher

interface Annotation {
  severity: string
  file: string
  line: number
  code: string
  message: string
}

/** What the runner does with each line of a step's output, for single-pattern matchers. */
function annotate(output: string): Annotation[] {
  const compiled = matchers.map((m) => ({ m, p: m.pattern[0] as Pattern, re: new RegExp((m.pattern[0] as Pattern).regexp) }))
  return output.split('\n').flatMap((line) =>
    compiled.flatMap(({ m, p, re }) => {
      const match = re.exec(line)
      if (match === null) return []
      return [{ severity: m.severity ?? 'error', file: match[p.file ?? 0] ?? '', line: Number(match[p.line ?? 0]), code: match[p.code ?? 0] ?? '', message: match[p.message ?? 0] ?? '' }]
    })
  )
}

const tree = tempTree({
  'bad/Dockerfile': df('FROM alpine', 'COPY --from=later /x /x', 'FROM alpine AS later', 'RUN curl -s https://x | sh', 'MAINTAINER me'),
  'space dir/Dockerfile': df('FROM ubuntu', 'USER 1000')
})
afterAll(() => tree.remove())

const env = (extra: Record<string, string> = {}): NodeJS.ProcessEnv => ({ PATH: process.env.PATH ?? '', GITHUB_ACTIONS: 'true', ...extra })
const SEVERITY: Record<string, string> = { error: 'error', warning: 'warning', info: 'notice' }

describe('the problem matcher file', () => {
  it('passes the runner’s checks', () => {
    expect(new Set(matchers.map((m) => m.owner.toLowerCase())).size).toBe(matchers.length)
    for (const m of matchers) {
      expect(['', 'error', 'warning', 'notice']).toContain((m.severity ?? '').toLowerCase())
      expect(m.pattern).toHaveLength(1)
      const p = m.pattern[0] as Pattern
      const groups = new RegExp(`${p.regexp}|`).exec('')?.length ?? 0
      for (const key of ['file', 'line', 'column', 'severity', 'code', 'message'] as const) if (p[key] !== undefined) expect(p[key]).toBeLessThan(groups)
      expect(p.message).toBeDefined()
    }
  })

  it('names the owners the CLI removes at the end', () => {
    expect(matchers.map((m) => m.owner)).toEqual([...MATCHER_OWNERS])
  })

  it('ships in the npm package', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { files: string[] }
    expect(pkg.files).toContain('.github/stagecraft-matcher.json')
  })
})

describe('the bundled CLI under GitHub Actions', () => {
  const findings = (): Annotation[] => {
    const report = JSON.parse(runBundle('dist/cli/index.js', ['--format', 'json', '--fail-on', 'never'], { cwd: tree.dir }).stdout) as { files: { path: string; findings: { rule: string; severity: string; line: number; message: string; alsoAt?: number[] }[] }[] }
    return report.files.flatMap((f) => f.findings.map((x) => ({ severity: SEVERITY[x.severity] as string, file: f.path, line: x.line, code: x.rule, message: findingText(x) })))
  }

  it('registers the shipped matcher, then removes it', () => {
    const lines = runBundle('dist/cli/index.js', ['--fail-on', 'never'], { cwd: tree.dir, env: env() }).stdout.trimEnd().split('\n')
    expect(lines[0]).toBe(`::add-matcher::${MATCHER_FILE}`)
    expect(lines.slice(-MATCHER_OWNERS.length)).toEqual(MATCHER_OWNERS.map((o) => `::remove-matcher owner=${o}::`))
  })

  const outputs: [string, string[], Record<string, string>][] = [
    ['text', [], {}],
    ['coloured text', [], { FORCE_COLOR: '1' }],
    ['gnu', ['--format', 'gnu'], {}]
  ]
  it.each(outputs)('turns every finding of the %s output into one annotation, and nothing else', (_name, args, extra) => {
    const expected = findings()
    expect(expected.map((a) => a.severity)).toEqual(expect.arrayContaining(['error', 'warning', 'notice']))
    const output = runBundle('dist/cli/index.js', [...args, '--fail-on', 'never'], { cwd: tree.dir, env: env(extra) }).stdout
    expect(annotate(output)).toEqual(expected)
  })
})
