import { afterAll, describe, expect, it } from '@jest/globals'
import { runCli } from '../../src/cli/run.js'
import type { JsonReport } from '../../src/report/json.js'
import { df } from '../helpers/dockerfile.js'
import { tempTree } from '../helpers/tmp.js'

async function cli(args: string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = ''
  let stderr = ''
  const code = await runCli(args, { cwd, stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), isTty: false })
  return { code, stdout, stderr }
}

const GOOD = df('ARG GO=1.22', 'FROM golang:${GO} AS builder', 'RUN go build -o /app', 'FROM gcr.io/distroless/static-debian12:nonroot', 'COPY --from=builder /app /app')
const BAD = df('FROM alpine', 'COPY --from=later /x /x', 'FROM alpine AS later')

describe('stagecraft CLI', () => {
  const tree = tempTree({ 'services/api/Dockerfile': GOOD, 'bad/Dockerfile': BAD, 'unreadable/Dockerfile': 'FROM a\n', 'warn/Dockerfile': df('FROM ubuntu', 'USER 1000') })
  afterAll(() => tree.remove())

  it('prints the JSON report in the documented shape and exits 0 on a clean file', async () => {
    const { code, stdout, stderr } = await cli(['services/api/Dockerfile', '--format', 'json'], tree.dir)
    expect(stderr).toBe('')
    expect(code).toBe(0)
    const report = JSON.parse(stdout) as JsonReport
    expect(report).toEqual({
      version: 1,
      files: [
        {
          path: 'services/api/Dockerfile',
          target: 1,
          stages: [
            {
              index: 0,
              name: 'builder',
              line: 2,
              base: { raw: 'golang:${GO}', image: 'golang', tag: '1.22', digest: null, platform: null, kind: 'image', stage: null },
              role: 'build',
              dependsOn: []
            },
            {
              index: 1,
              name: null,
              line: 4,
              base: {
                raw: 'gcr.io/distroless/static-debian12:nonroot',
                image: 'gcr.io/distroless/static-debian12',
                tag: 'nonroot',
                digest: null,
                platform: null,
                kind: 'image',
                stage: null
              },
              role: 'ships',
              dependsOn: [{ stage: 0, via: 'copy', line: 5 }]
            }
          ],
          findings: []
        }
      ]
    })
  })

  it('applies --build-arg and --target', async () => {
    const { stdout } = await cli(['services/api/Dockerfile', '--format=json', '--build-arg', 'GO=1.23', '--target', 'builder'], tree.dir)
    const file = (JSON.parse(stdout) as JsonReport).files[0]
    expect(file?.target).toBe(0)
    expect(file?.stages[0]?.base.tag).toBe('1.23')
    expect(file?.stages.map((s) => s.role)).toEqual(['ships', 'unused'])
  })

  it('prints `path:line  severity  rule  message` and exits 1 on errors', async () => {
    const { code, stdout } = await cli(['bad'], tree.dir)
    expect(code).toBe(1)
    expect(stdout).toContain('bad/Dockerfile:2  error    stage-forward-reference  COPY --from=later refers to stage "later" defined later (line 3)')
    expect(stdout).toContain('1 file: 1 error, 2 warnings, 2 info')
  })

  it('honours --fail-on', async () => {
    expect((await cli(['bad', '--fail-on', 'never'], tree.dir)).code).toBe(0)
    expect((await cli(['warn'], tree.dir)).code).toBe(0)
    expect((await cli(['warn', '--fail-on', 'warning'], tree.dir)).code).toBe(1)
    expect((await cli(['services', '--fail-on', 'info'], tree.dir)).code).toBe(0)
  })

  it('searches the current folder when given no path', async () => {
    const { stdout } = await cli(['--format', 'json'], tree.dir)
    expect((JSON.parse(stdout) as JsonReport).files.map((f) => f.path)).toEqual(['bad/Dockerfile', 'services/api/Dockerfile', 'unreadable/Dockerfile', 'warn/Dockerfile'])
  })

  it.each([
    [['--format', 'xml'], 'stagecraft: --format must be text or json, not "xml" (see stagecraft --help)\n'],
    [['--build-arg', 'NOEQUALS'], 'stagecraft: --build-arg expects K=V, got "NOEQUALS" (see stagecraft --help)\n'],
    [['--fail-on', 'sometimes'], 'stagecraft: --fail-on must be error, warning, info or never, not "sometimes" (see stagecraft --help)\n'],
    [['nowhere/Dockerfile'], 'stagecraft: no Dockerfile found at "nowhere/Dockerfile"\n']
  ])('exits 2 with one line for %j', async (args, message) => {
    const { code, stderr, stdout } = await cli(args, tree.dir)
    expect([code, stderr, stdout]).toEqual([2, message, ''])
  })

  it('exits 2 on an unknown option', async () => {
    const { code, stderr } = await cli(['--nope'], tree.dir)
    expect(code).toBe(2)
    expect(stderr.split('\n').filter((l) => l !== '')).toHaveLength(1)
  })

  it('prints help and version', async () => {
    expect((await cli(['--help'], tree.dir)).stdout).toContain('Usage: stagecraft')
    expect((await cli(['-v'], tree.dir)).stdout).toMatch(/^stagecraft \d+\.\d+\.\d+\n$/)
  })
})
