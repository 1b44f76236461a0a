import { afterAll, describe, expect, it } from '@jest/globals'
import { rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
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
          // Without --registry, sizes are the built-in estimates (in bytes).
          finalImage: {
            stage: 1,
            base: 'gcr.io/distroless/static-debian12:nonroot',
            compressedSize: 2_000_000,
            size: null,
            sizeSource: 'estimate',
            // The effective settings: the user is known for this image (distroless :nonroot), nothing else is set.
            settings: {
              user: { value: null, origin: { kind: 'known', image: 'gcr.io/distroless/static-debian12:nonroot', why: 'an image that runs as a non-root user' }, buildArgs: [], root: false },
              workdir: { value: null, origin: { kind: 'default' }, buildArgs: [] },
              entrypoint: { value: null, origin: { kind: 'default' }, buildArgs: [] },
              cmd: { value: null, origin: { kind: 'default' }, buildArgs: [] },
              healthcheck: { value: null, origin: { kind: 'default' }, buildArgs: [] },
              ports: []
            }
          },
          targets: [{ stage: 1, purpose: 'runtime', because: 'it is the image that is built', builtBy: [] }],
          // No workflow, bake, compose or dev container file in this tree builds it.
          builds: [],
          stages: [
            {
              index: 0,
              name: 'builder',
              line: 2,
              base: { raw: 'golang:${GO}', image: 'golang', tag: '1.22', digest: null, platform: null, kind: 'image', stage: null, compressedSize: 300_000_000, size: null, sizeSource: 'estimate' },
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
                stage: null,
                compressedSize: 2_000_000,
                size: null,
                sizeSource: 'estimate'
              },
              role: 'ships',
              dependsOn: [{ stage: 0, via: 'copy', line: 5 }]
            }
          ],
          findings: []
        }
      ],
      unread: [],
      incomplete: []
    })
  })

  it('applies --build-arg and --target', async () => {
    const { stdout } = await cli(['services/api/Dockerfile', '--format=json', '--build-arg', 'GO=1.23', '--target', 'builder'], tree.dir)
    const file = (JSON.parse(stdout) as JsonReport).files[0]
    expect(file?.target).toBe(0)
    expect(file?.stages[0]?.base.tag).toBe('1.23')
    // The target is a build stage on golang with no command: a build environment, not a shipped image.
    expect(file?.stages.map((s) => s.role)).toEqual(['environment', 'unused'])
  })

  it('prints `path:line  severity  rule  message` and exits 1 on errors', async () => {
    const { code, stdout } = await cli(['bad'], tree.dir)
    expect(code).toBe(1)
    expect(stdout).toContain('bad/Dockerfile:2  error    stage-forward-reference  COPY --from=later refers to stage "later" defined later (line 3)')
    // The untagged alpine on lines 1 and 3 is one cause, reported once.
    expect(stdout).toContain('base-image-untagged  FROM alpine has no tag, so it means :latest and changes under you; pin a version tag (also on line 3)')
    expect(stdout).toContain('1 file: 1 error, 1 warning, 1 info')
  })

  it('reviews a file the user names outside the folder it runs in (../corpus/Dockerfile), and a link out of it', async () => {
    // The action confines reads to the workspace a pull request controls; on the command line the user names the files.
    const own = tempTree({ 'corpus/Dockerfile': BAD, 'work/.keep': '' })
    try {
      const { code, stdout } = await cli(['--fail-on', 'never', '../corpus/Dockerfile'], join(own.dir, 'work'))
      expect(code).toBe(0)
      expect(stdout).toContain('../corpus/Dockerfile:2  error    stage-forward-reference')
      symlinkSync(join(own.dir, 'corpus/Dockerfile'), join(own.dir, 'work/linked.Dockerfile'))
      const linked = await cli(['--fail-on', 'never', 'linked.Dockerfile'], join(own.dir, 'work'))
      expect(linked.stdout).toContain('linked.Dockerfile:2  error    stage-forward-reference')
    } finally {
      own.remove()
    }
  })

  it('honours --fail-on', async () => {
    expect((await cli(['bad', '--fail-on', 'never'], tree.dir)).code).toBe(0)
    expect((await cli(['warn'], tree.dir)).code).toBe(0)
    expect((await cli(['warn', '--fail-on', 'warning'], tree.dir)).code).toBe(1)
    expect((await cli(['services', '--fail-on', 'info'], tree.dir)).code).toBe(0)
  })

  it('lists a file it could not read in the JSON, SARIF and gnu reports too, and exits 2', async () => {
    const mixed = tempTree({ 'ok/Dockerfile': df('FROM alpine:3.20', 'USER 1000'), 'bin/Dockerfile': 'FROM a\u0000\u0001' })
    try {
      const json = await cli(['--format', 'json', '--fail-on', 'never'], mixed.dir)
      expect(json.code).toBe(2)
      const report = JSON.parse(json.stdout) as JsonReport
      expect([report.files.map((f) => f.path), report.unread.map((u) => u.path), report.incomplete]).toEqual([['ok/Dockerfile'], ['bin/Dockerfile'], []])
      expect(report.unread[0]?.reason).toContain('binary content')
      const sarif = await cli(['--format', 'sarif', '--fail-on', 'never'], mixed.dir)
      expect(sarif.code).toBe(2)
      expect(JSON.parse(sarif.stdout)).toMatchObject({ runs: [{ invocations: [{ executionSuccessful: false, toolExecutionNotifications: [{ level: 'error', locations: [{ physicalLocation: { artifactLocation: { uri: 'bin/Dockerfile' } } }] }] }] }] })
      // The gnu lines are printed as the files come; the unread file's line comes last.
      const gnu = await cli(['--format', 'gnu', '--fail-on', 'never'], mixed.dir)
      expect([gnu.code, gnu.stdout.trim().split('\n').at(-1)]).toEqual([2, expect.stringMatching(/^bin\/Dockerfile:1: error: the file could not be read \(binary content.*\), so it was not reviewed \[parse-error\]$/)])
      const markdown = await cli(['--format', 'markdown', '--fail-on', 'never'], mixed.dir)
      expect([markdown.code, markdown.stdout]).toEqual([2, expect.stringContaining('> bin/Dockerfile could not be read (binary content')])
      // Nothing unread: a successful invocation and an empty list.
      const clean = await cli(['--format', 'sarif', 'ok'], mixed.dir)
      expect(JSON.parse(clean.stdout)).toMatchObject({ runs: [{ invocations: [{ executionSuccessful: true }] }] })
      expect((JSON.parse((await cli(['--format', 'json', 'ok'], mixed.dir)).stdout) as JsonReport).unread).toEqual([])
    } finally {
      mixed.remove()
    }
  })

  it('searches the current folder when given no path', async () => {
    const { stdout } = await cli(['--format', 'json'], tree.dir)
    expect((JSON.parse(stdout) as JsonReport).files.map((f) => f.path)).toEqual(['bad/Dockerfile', 'services/api/Dockerfile', 'unreadable/Dockerfile', 'warn/Dockerfile'])
  })

  it.each([
    [['--format', 'xml'], 'stagecraft: --format must be text, json, markdown, sarif, checkstyle, gitlab, junit, rdjson or gnu, not "xml" (see stagecraft --help)\n'],
    [['--build-arg', 'NOEQUALS'], 'stagecraft: --build-arg expects K=V, got "NOEQUALS" (see stagecraft --help)\n'],
    [['--fail-on', 'sometimes'], 'stagecraft: --fail-on must be error, warning, info or never, not "sometimes" (see stagecraft --help)\n'],
    [['nowhere/Dockerfile'], 'stagecraft: no Dockerfile found at "nowhere/Dockerfile"\n']
  ])('exits 2 with one line for %j', async (args, message) => {
    const { code, stderr, stdout } = await cli(args, tree.dir)
    expect([code, stderr, stdout]).toEqual([2, message, ''])
  })

  it.each([
    ['sarif', (out: string) => (JSON.parse(out) as { runs: { results: unknown[] }[] }).runs[0]?.results.length],
    ['gitlab', (out: string) => (JSON.parse(out) as unknown[]).length],
    ['rdjson', (out: string) => (JSON.parse(out) as { diagnostics: unknown[] }).diagnostics.length],
    ['checkstyle', (out: string) => out.match(/<error /g)?.length],
    ['junit', (out: string) => out.match(/<failure /g)?.length],
    ['gnu', (out: string) => out.split('\n').filter((l) => l !== '').length]
  ])('prints --format %s with one entry per finding and the same exit code', async (format, entries) => {
    const json = JSON.parse((await cli(['bad', '--format', 'json'], tree.dir)).stdout) as JsonReport
    const { code, stdout, stderr } = await cli(['bad', '--format', format], tree.dir)
    expect([code, stderr]).toEqual([1, ''])
    expect(entries(stdout)).toBe(json.files[0]?.findings.length)
  })

  it('registers the problem matcher under GitHub Actions for text and gnu, and removes it at the end', async () => {
    const run = async (args: string[], env: Record<string, string>) => {
      let stdout = ''
      await runCli(args, { cwd: tree.dir, stdout: (t) => (stdout += t), stderr: () => undefined, isTty: false, env, matcherFile: '/pkg/.github/stagecraft-matcher.json' })
      return stdout.split('\n')
    }
    const text = await run(['bad'], { GITHUB_ACTIONS: 'true' })
    expect(text[0]).toBe('::add-matcher::/pkg/.github/stagecraft-matcher.json')
    expect(text.filter((l) => l.startsWith('::remove-matcher owner='))).toHaveLength(6)
    expect((await run(['bad', '--format', 'gnu'], { GITHUB_ACTIONS: 'true' }))[0]).toBe('::add-matcher::/pkg/.github/stagecraft-matcher.json')
    expect((await run(['bad'], {})).some((l) => l.startsWith('::'))).toBe(false)
    expect((await run(['bad', '--format', 'json'], { GITHUB_ACTIONS: 'true' })).some((l) => l.startsWith('::'))).toBe(false)
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

describe('stagecraft CLI with a configuration', () => {
  const tree = tempTree({
    '.stagecraft.yml': 'rules:\n  base-image-untagged: error\n  root-user: off\nignore:\n  - legacy/**\ntarget: prod\nbuild-args:\n  GO: "1.23"\n',
    'Dockerfile': df('ARG GO=1.22', 'FROM golang:${GO} AS build', 'FROM ubuntu AS prod', 'COPY --from=build /a /a'),
    'legacy/Dockerfile': df('FROM', 'garbage'),
    'other.yml': 'rules:\n  no-such-rule: off\n',
    'badkey.yml': 'rule:\n  root-user: off\n',
    'notyaml.yml': 'rules: [\n',
    'options.yml': 'rules:\n  untrusted-registry:\n    level: warning\n    trusted-registries: [ghcr.io]\n',
    'shortcut.yml': 'trusted-registries: [ghcr.io]\n',
    'badoption.yml': 'rules:\n  untrusted-registry:\n    registries: [ghcr.io]\n',
    'badtype.yml': 'pin-digests: yes please\n'
  })
  afterAll(() => tree.remove())

  it('reads .stagecraft.yml: levels, ignores, target and build args', async () => {
    const { code, stdout } = await cli(['--format', 'json'], tree.dir)
    const report = JSON.parse(stdout) as JsonReport
    expect(report.files.map((f) => f.path)).toEqual(['Dockerfile'])
    const file = report.files[0]
    expect(file?.target).toBe(1)
    expect(file?.stages[0]?.base.tag).toBe('1.23')
    expect(file?.findings.map((f) => [f.rule, f.severity, f.line])).toEqual([['base-image-untagged', 'error', 3]])
    expect(code).toBe(1)
  })

  it('lets --rule and --target beat the configuration', async () => {
    const { code, stdout } = await cli(['--format', 'json', '--rule', 'base-image-untagged=off', '--target', 'build'], tree.dir)
    const file = (JSON.parse(stdout) as JsonReport).files[0]
    expect([code, file?.target, file?.findings.map((f) => `${f.rule}@${f.line}`)]).toEqual([0, 0, ['unused-stage@3']])
  })

  it.each([
    [['--config', 'other.yml'], 'stagecraft: other.yml: unknown rule "no-such-rule" in "rules" (stagecraft --list-rules shows the ids)\n'],
    [['--config', 'badkey.yml'], 'stagecraft: badkey.yml: unknown key "rule" (expected rules, images, ignore, target, build-args, fail-on, allow-suppressions, suppress, shellcheck, labels, label-schema, strict-labels, registry-allow, size-budget, size-delta-budget, pin-packages, pin-digests, shellcheck-level, shellcheck-exclude, max-size, max-growth, trusted-registries)\n'],
    [['--config', 'missing.yml'], 'stagecraft: missing.yml: configuration file not found\n'],
    [['--config', 'badoption.yml'], 'stagecraft: badoption.yml: rule "untrusted-registry" has no option "registries" (it takes level, suppressible, trusted-registries)\n'],
    [['--config', 'badtype.yml'], 'stagecraft: badtype.yml: option "pin-digests" must be true or false\n'],
    [['--rule', 'nope=off'], 'stagecraft: --rule: unknown rule "nope" (see --list-rules) (see stagecraft --help)\n']
  ])('exits 2 naming the problem for %j', async (args, message) => {
    const { code, stderr } = await cli(args, tree.dir)
    expect([code, stderr]).toEqual([2, message])
  })

  it.each([['options.yml', 'warning'], ['shortcut.yml', 'error']])('reads rule options from the rule (%s) or the top level', async (file, severity) => {
    const { stdout } = await cli(['--format', 'json', '--config', file], tree.dir)
    const findings = (JSON.parse(stdout) as JsonReport).files[0]?.findings.filter((f) => f.rule === 'untrusted-registry')
    expect(findings?.map((f) => [f.line, f.severity, f.message.includes('not in trusted-registries (ghcr.io)')])).toEqual([
      [2, severity, true],
      [3, severity, true]
    ])
  })

  it('reports a YAML syntax error with its line', async () => {
    const { code, stderr } = await cli(['--config', 'notyaml.yml'], tree.dir)
    expect(code).toBe(2)
    expect(stderr).toMatch(/^stagecraft: notyaml\.yml:\d+: not valid YAML/)
  })

  it('lists the rules', async () => {
    const { code, stdout } = await cli(['--list-rules'], tree.dir)
    expect(code).toBe(0)
    expect(stdout.split('\n')[0]).toMatch(/^rule\s+default\s+category\s+scope\s+hadolint\s+buildkit\s+title$/)
    expect(stdout).toMatch(/\nroot-user\s+warning\s+security\s+ships only\s+DL3002\s+-\s+The shipped image runs as root\n/)
  })
})

describe('stagecraft CLI and the build context', () => {
  const tree = tempTree({
    'bare/Dockerfile': df('FROM node:20-slim', 'WORKDIR /app', 'COPY . .', 'USER node'),
    'bare/server.js': 'console.log(1)\n',
    'ignored/Dockerfile': df('FROM node:20-slim', 'WORKDIR /app', 'COPY . .', 'COPY dist/ ./dist/', 'USER node'),
    'ignored/.dockerignore': 'node_modules\ndist\n',
    'specific/api.Dockerfile': df('FROM node:20-slim', 'WORKDIR /app', 'COPY . .', 'USER node'),
    'specific/api.Dockerfile.dockerignore': '.git\n'
  })
  afterAll(() => tree.remove())

  it('reads .dockerignore (or <Dockerfile>.dockerignore) next to each Dockerfile', async () => {
    const { stdout } = await cli(['--format', 'json'], tree.dir)
    const rules = (JSON.parse(stdout) as JsonReport).files.map((f) => [f.path, f.findings.map((x) => `${x.rule}@${x.line}`)])
    expect(rules).toEqual([
      ['bare/Dockerfile', ['missing-dockerignore@3']],
      ['ignored/Dockerfile', ['copy-ignored-file@4']],
      ['specific/api.Dockerfile', []]
    ])
  })
})

describe('stagecraft CLI and the repository build definitions', () => {
  const repo = tempTree({
    '.github/workflows/release.yml': [
      'on: push',
      'jobs:',
      '  image:',
      '    runs-on: ubuntu-latest',
      '    steps:',
      '      - uses: docker/build-push-action@v6',
      '        with:',
      '          context: .',
      '          file: docker/Dockerfile',
      '          target: app',
      '          push: true',
      '          build-args: |',
      '            GO=1.23',
      ''
    ].join('\n'),
    'docker-bake.hcl': 'target "lint" {\n  dockerfile = "docker/Dockerfile"\n  target = "lint"\n}\ngroup "default" {\n  targets = ["lint"]\n}\n',
    '.dockerignore': '.git\n',
    'go.mod': 'module x\n',
    'docker/Dockerfile': df('ARG GO=1.22', 'FROM golang:${GO} AS build', 'COPY . .', 'RUN go build -o /out/app .', 'FROM build AS lint', 'RUN go vet ./...', 'FROM alpine:3.20 AS debug', 'RUN apk add --no-cache curl', 'FROM gcr.io/distroless/static-debian12 AS app', 'COPY --from=build /out/app /app', 'ENTRYPOINT ["/app"]'),
    'docs/Dockerfile': df('FROM nginx:1.27', 'COPY site/ /usr/share/nginx/html/')
  })
  afterAll(() => repo.remove())

  it('analyses each Dockerfile for the targets the workflows and bake files build, with their purposes', async () => {
    const { stdout, stderr } = await cli(['--format', 'json', '--fail-on', 'never'], repo.dir)
    expect(stderr).toBe('')
    const files = (JSON.parse(stdout) as JsonReport).files
    const docker = files.find((f) => f.path === 'docker/Dockerfile')
    expect(docker?.targets).toEqual([
      { stage: 3, purpose: 'runtime', because: 'it is pushed by .github/workflows/release.yml:6', builtBy: ['.github/workflows/release.yml:6'] },
      { stage: 1, purpose: 'environment', because: 'the target is named "lint"', builtBy: ['docker-bake.hcl:1'] }
    ])
    expect(docker?.stages.map((s) => s.role)).toEqual(['environment', 'environment', 'unused', 'ships'])
    // The build arg every build of the file agrees on: only the workflow's sets GO, the bake target does not.
    expect(docker?.stages[0]?.base.tag).toBe('1.22')
    expect(docker?.builds.map((b) => [b.kind, b.source.file, b.target, b.pushed])).toEqual([
      ['build-push-action', '.github/workflows/release.yml', 'app', true],
      ['bake', 'docker-bake.hcl', 'lint', null]
    ])
    // The context is the repository root, which has a .dockerignore: COPY . . is not flagged.
    expect(docker?.findings.map((f) => f.rule)).not.toContain('missing-dockerignore')
    expect(files.find((f) => f.path === 'docs/Dockerfile')?.builds).toEqual([])
  })

  it('lists what it found with --builds', async () => {
    const { code, stdout } = await cli(['--builds'], repo.dir)
    expect(code).toBe(0)
    expect(stdout).toContain('docker/Dockerfile [app] ← .github/workflows/release.yml:6 (build-push-action image')
    expect(stdout).toContain('docker/Dockerfile [lint] ← docker-bake.hcl:1 (bake lint)')
  })

  it('lets images: in the configuration decide what a target is for', async () => {
    writeFileSync(join(repo.dir, '.stagecraft.yml'), 'images:\n  - path: docker/**\n    target: app\n    purpose: environment\n')
    try {
      const { stdout } = await cli(['docker/Dockerfile', '--format', 'json'], repo.dir)
      const targets = (JSON.parse(stdout) as JsonReport).files[0]?.targets
      expect(targets?.[0]).toEqual({ stage: 3, purpose: 'environment', because: 'the configuration says so (images: in .stagecraft.yml)', builtBy: ['.github/workflows/release.yml:6'] })
    } finally {
      rmSync(join(repo.dir, '.stagecraft.yml'))
    }
  })
})

describe('a stdout that is full (a pipe read slowly)', () => {
  const tree = tempTree({ 'a/Dockerfile': GOOD, 'b/Dockerfile': BAD, 'c/Dockerfile': GOOD })
  afterAll(() => tree.remove())

  it.each(['json', 'text', 'gnu'])('%s: writes nothing more until it has drained, and then the same report', async (format) => {
    let stdout = ''
    const waits: number[] = []
    let pending = false
    const code = await runCli(['--format', format, '--rule', 'shellcheck=off'], {
      cwd: tree.dir,
      stdout: (t) => {
        expect(pending).toBe(false)
        stdout += t
      },
      stderr: () => undefined,
      isTty: false,
      drained: () => {
        waits.push(stdout.length)
        pending = true
        return new Promise((resolve) =>
          setTimeout(() => {
            pending = false
            resolve()
          }, 5)
        )
      }
    })
    expect(waits).toHaveLength(3)
    const free = await cli(['--format', format, '--rule', 'shellcheck=off'], tree.dir)
    expect([code, stdout]).toEqual([free.code, free.stdout])
  })

  it('does not wait when stdout keeps up', async () => {
    let asked = 0
    let stdout = ''
    await runCli(['--format', 'json', '--rule', 'shellcheck=off'], { cwd: tree.dir, stdout: (t) => (stdout += t), stderr: () => undefined, isTty: false, drained: () => (asked++, null) })
    expect(asked).toBe(3)
    expect((JSON.parse(stdout) as JsonReport).files.map((f) => f.path)).toEqual(['a/Dockerfile', 'b/Dockerfile', 'c/Dockerfile'])
  })
})
