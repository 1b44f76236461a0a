/**
 * The bundled action run as a runner runs it: `node dist/index.js` with INPUT_*, GITHUB_*, an
 * event payload file, GITHUB_OUTPUT and GITHUB_STEP_SUMMARY, against the fake GitHub API.
 */
import { afterEach, describe, expect, it } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { PR_PAYLOAD, output, runAction } from '../helpers/action.js'
import { ROOT } from '../helpers/bundle.js'
import { df } from '../helpers/dockerfile.js'
import { sarifErrors } from '../helpers/sarif-schema.js'
import { APP_TOKEN, GITHUB_TOKEN, PAT, commentBy, startFakeGitHub, type FakeGitHub, type FakeIdentity } from '../helpers/fake-github.js'
import type { JsonReport } from '../../src/report/json.js'
import { bytes, freePort, pushTwoPlatforms, registryAvailable, startRegistry } from '../helpers/registry.js'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import { connect, createServer as createNetServer, type AddressInfo } from 'node:net'
import { tempTree, type TempTree } from '../helpers/tmp.js'
import { operationRoute, requestFields } from '../helpers/openapi.js'

let server: FakeGitHub | null = null
let tree: TempTree | null = null
afterEach(async () => {
  await server?.close()
  tree?.remove()
  server = null
  tree = null
})

const API_DOCKERFILE = df('FROM node:20 AS build', 'RUN npm ci && npm run build', 'FROM node:20-slim', 'COPY --from=bild /app/dist /app', 'USER node')
const WEB_DOCKERFILE = df('FROM nginx:1.27-alpine', 'COPY site/ /usr/share/nginx/html/')

/** services/api/Dockerfile before the PR: the final stage was on the full node image, and nothing was copied. */
const API_DOCKERFILE_BEFORE = df('FROM node:20 AS build', 'RUN npm ci && npm run build', 'FROM node:20', 'USER node')

function prFiles(fake: FakeGitHub): void {
  fake.files.push(
    { filename: 'services/api/Dockerfile', status: 'modified', patch: '@@ -1,4 +1,5 @@\n FROM node:20 AS build\n RUN npm ci && npm run build\n FROM node:20-slim\n+COPY --from=bild /app/dist /app\n USER node' },
    { filename: 'web/Dockerfile', status: 'added', patch: '@@ -0,0 +1,2 @@\n+FROM nginx:1.27-alpine\n+COPY site/ /usr/share/nginx/html/' },
    { filename: 'README.md', status: 'modified', patch: '@@ -1 +1 @@\n-a\n+b' },
    { filename: 'old/Dockerfile', status: 'removed' }
  )
  fake.contents.set('headsha:services/api/Dockerfile', API_DOCKERFILE)
  fake.contents.set('basesha:services/api/Dockerfile', API_DOCKERFILE_BEFORE)
  fake.contents.set('headsha:web/Dockerfile', WEB_DOCKERFILE)
}

describe('the action on a pull request', () => {
  it('reviews the two changed Dockerfiles with an exact, small set of requests', async () => {
    server = await startFakeGitHub()
    tree = tempTree({ 'ws/.keep': '' })
    prFiles(server)
    const result = await runAction(server, tree.dir, 'pull_request', { 'sarif-file': 'out/stagecraft.sarif' })
    expect(server.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      'GET /repos/o/r/pulls/7',
      'GET /repos/o/r/pulls/7/files',
      'GET /repos/o/r/contents/services%2Fapi%2FDockerfile',
      'GET /repos/o/r/contents/services%2Fapi%2FDockerfile',
      'GET /repos/o/r/contents/web%2FDockerfile',
      'POST /repos/o/r/check-runs',
      'GET /repos/o/r/issues/7/comments',
      'POST /repos/o/r/issues/7/comments'
    ])
    expect(server.requests.every((r) => r.authorization === 'token test-token')).toBe(true)
    const check = server.checkRuns[0]?.body as { head_sha: string; conclusion: string; output: { annotations: { path: string; start_line: number; title: string }[] } }
    expect(check.head_sha).toBe('headsha')
    expect(check.conclusion).toBe('failure')
    expect(check.output.annotations.map((a) => `${a.path}:${a.start_line} ${a.title}`)).toEqual(['services/api/Dockerfile:1 unused-stage (info)', 'services/api/Dockerfile:4 stage-name-typo (error)'])
    // Head, then the base version of the modified file (the added one has none).
    expect(server.requests.filter((r) => r.path.includes('/contents/')).map((r) => r.query.ref)).toEqual(['headsha', 'basesha', 'headsha'])
    const comment = server.comments[0]?.body ?? ''
    expect(comment.startsWith('<!-- stagecraft:ci/lint/ -->\n### Stagecraft')).toBe(true)
    // The PR's delta first (Docker Scout compare's shape), its own findings counted in the header.
    expect(comment).toContain('❌ 2 Dockerfiles reviewed: this pull request adds **1 error**; 1 finding was already there.')
    expect(comment).toContain('| shipped base image | <code>node:20</code> (≈ 390 MB) | <code>node:20-slim</code> (≈ 70 MB, −320 MB, estimates) |\n| new findings |  | **1**: `stage-name-typo` |\n| fixed findings |  | 1: `heavy-final-base` |')
    expect(comment).toContain('**New file** in this pull request: every finding is new.')
    expect(comment).toContain('**Removed by this pull request:** <code>old/Dockerfile</code>')
    expect(comment).toContain('```mermaid\nflowchart LR\n')
    expect(result.summary).toContain('services/api/Dockerfile')
    expect(output(result.outputs, 'dockerfiles')).toBe('2')
    expect(output(result.outputs, 'errors')).toBe('1')
    expect(output(result.outputs, 'comment-url')).toMatch(/^https:\/\/github.com\/o\/r\/pull\/7#issuecomment-/)
    expect(output(result.outputs, 'check-run-url')).toBe(`https://github.com/o/r/runs/${server.checkRuns[0]?.id ?? 0}`)
    expect(output(result.outputs, 'conclusion')).toBe('failure')
    expect(sarifErrors(JSON.parse(readFileSync(join(tree.dir, 'ws/out/stagecraft.sarif'), 'utf8')))).toEqual([])
    expect(result.code).toBe(1)
  })

  it('behind a proxy (http_proxy), sends every request through it and still reviews', async () => {
    server = await startFakeGitHub()
    tree = tempTree({ 'ws/.keep': '' })
    prFiles(server)
    // A forward proxy that sends every tunnel to the fake API: the API's name resolves only there,
    // so a request that skipped the proxy would fail. (Loopback addresses bypass proxies, hence the name.)
    const apiPort = Number(new URL(server.url).port)
    const tunnels: string[] = []
    const proxy = createNetServer()
    proxy.on('connection', (socket) => {
      socket.once('data', (head: Buffer) => {
        const [method = '', target = ''] = head.toString('latin1').split(' ')
        tunnels.push(`${method} ${target}`)
        const upstream = connect(apiPort, '127.0.0.1', () => {
          if (method === 'CONNECT') socket.write('HTTP/1.1 200 Connection Established\r\n\r\n')
          else upstream.write(head)
          socket.pipe(upstream).pipe(socket)
        })
        upstream.on('error', () => socket.destroy())
      })
      socket.on('error', () => undefined)
    })
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve))
    try {
      const proxyPort = (proxy.address() as AddressInfo).port
      const result = await runAction(server, tree.dir, 'pull_request', {}, PR_PAYLOAD, { GITHUB_API_URL: `http://api.github.test:${apiPort}`, http_proxy: `http://127.0.0.1:${proxyPort}` })
      expect(server.requests.map((r) => `${r.method} ${r.path}`).slice(0, 2)).toEqual(['GET /repos/o/r/pulls/7', 'GET /repos/o/r/pulls/7/files'])
      expect(server.comments).toHaveLength(1)
      expect(tunnels.length).toBeGreaterThan(0)
      expect(tunnels.every((t) => t.includes(`api.github.test:${apiPort}`))).toBe(true)
      expect(result.code).toBe(1)
    } finally {
      await new Promise((resolve) => proxy.close(resolve))
    }
  })

  it('updates its comment on the next run instead of adding one, and writes nothing when unchanged', async () => {
    server = await startFakeGitHub()
    tree = tempTree({ 'ws/.keep': '' })
    prFiles(server)
    await runAction(server, tree.dir, 'pull_request')
    server.contents.set('headsha:services/api/Dockerfile', API_DOCKERFILE.replace('bild', 'build'))
    await runAction(server, tree.dir, 'pull_request')
    await runAction(server, tree.dir, 'pull_request')
    expect(server.comments).toHaveLength(1)
    const commentWrites = server.requests.filter((r) => r.method !== 'GET' && r.path.includes('comments')).map((r) => r.method)
    expect(commentWrites).toEqual(['POST', 'PATCH'])
    expect(server.comments[0]?.body).toContain('no findings')
  })

  it('on a fork (403 on check run and comment) still succeeds with annotations and the job summary', async () => {
    server = await startFakeGitHub()
    tree = tempTree({ 'ws/.keep': '' })
    prFiles(server)
    server.fault('POST /repos/o/r/check-runs', 403, { message: 'Resource not accessible by integration' })
    server.fault('POST /repos/o/r/issues/7/comments', 403, { message: 'Resource not accessible by integration' })
    const result = await runAction(server, tree.dir, 'pull_request', { 'fail-on': 'never' })
    expect(result.code).toBe(0)
    expect(result.stdout).toContain('::error title=stage-name-typo (error),file=services/api/Dockerfile,line=4,endLine=4::')
    expect(result.summary).toContain('The check run could not be created')
    expect(result.summary).toContain('The pull request comment could not be written')
    expect([output(result.outputs, 'check-run-url'), output(result.outputs, 'comment-url'), output(result.outputs, 'conclusion')]).toEqual(['', '', 'neutral'])
  })

  it('pull_request_target reads the files only through the API at the head SHA, even with a workspace', async () => {
    server = await startFakeGitHub()
    tree = tempTree({ 'ws/services/api/Dockerfile': 'FROM evil\n', 'ws/web/Dockerfile': 'FROM evil\n' })
    prFiles(server)
    await runAction(server, tree.dir, 'pull_request_target')
    expect(server.requests.filter((r) => r.path.includes('/contents/')).map((r) => r.query.ref)).toEqual(['headsha', 'basesha', 'headsha'])
    expect(server.comments[0]?.body).not.toContain('evil')
  })

  it('compares a renamed Dockerfile with its base version at the old path', async () => {
    server = await startFakeGitHub()
    tree = tempTree({ 'ws/.keep': '' })
    server.files.push({ filename: 'deploy/Dockerfile', status: 'renamed', previous_filename: 'old/Dockerfile', patch: '@@ -1,2 +1,2 @@\n-FROM node:20\n+FROM node:20-slim\n USER node' })
    server.contents.set('headsha:deploy/Dockerfile', df('FROM node:20-slim', 'USER node'))
    server.contents.set('basesha:old/Dockerfile', df('FROM node:20', 'USER node'))
    await runAction(server, tree.dir, 'pull_request', { 'fail-on': 'never', comment: 'always' })
    expect(server.requests.filter((r) => r.path.includes('/contents/')).map((r) => `${decodeURIComponent(r.path.split('/contents/')[1] ?? '')}@${r.query.ref ?? ''}`)).toEqual(['deploy/Dockerfile@headsha', 'old/Dockerfile@basesha'])
    expect(server.comments[0]?.body).toContain('| shipped base image | <code>node:20</code> (≈ 390 MB) | <code>node:20-slim</code> (≈ 70 MB, −320 MB, estimates) |')
  })

  it('reports an unreadable or binary file and reviews the others', async () => {
    server = await startFakeGitHub()
    tree = tempTree({ 'ws/.keep': '' })
    prFiles(server)
    server.contents.set('headsha:web/Dockerfile', 'FROM a\u0000\u0001binary')
    const result = await runAction(server, tree.dir, 'pull_request', { 'fail-on': 'never', 'json-file': 'r/s.json', 'sarif-file': 'r/s.sarif' })
    expect(result.code).toBe(0)
    expect(result.summary).toContain('web/Dockerfile could not be read (binary content')
    expect(output(result.outputs, 'dockerfiles')).toBe('1')
    // The reports a later step reads say so too: a file left out is not silently dropped.
    const json = JSON.parse(readFileSync(join(tree.dir, 'ws/r/s.json'), 'utf8')) as JsonReport
    expect(json.files.map((f) => f.path)).toEqual(['services/api/Dockerfile'])
    expect(json.unread).toEqual([{ path: 'web/Dockerfile', reason: expect.stringContaining('binary content') as unknown }])
    const sarif = JSON.parse(readFileSync(join(tree.dir, 'ws/r/s.sarif'), 'utf8')) as unknown
    expect(sarifErrors(sarif)).toEqual([])
    expect(sarif).toMatchObject({ runs: [{ invocations: [{ executionSuccessful: false, toolExecutionNotifications: [{ level: 'error', message: { text: expect.stringContaining('web/Dockerfile could not be read (binary content') as unknown }, locations: [{ physicalLocation: { artifactLocation: { uri: 'web/Dockerfile' } } }] }] }] }] })
  })
})

describe('the action on a push', () => {
  const before = 'a'.repeat(40)
  const after = 'b'.repeat(40)

  it('reviews the Dockerfiles the push changed (compare API), read at the pushed commit', async () => {
    server = await startFakeGitHub()
    tree = tempTree({ 'ws/.keep': '' })
    prFiles(server)
    server.contents.set(`${after}:services/api/Dockerfile`, API_DOCKERFILE)
    server.contents.set(`${after}:web/Dockerfile`, WEB_DOCKERFILE)
    server.contents.set(`${before}:services/api/Dockerfile`, API_DOCKERFILE_BEFORE)
    const result = await runAction(server, tree.dir, 'push', { comment: 'never' }, { before, after })
    expect(server.requests.map((r) => `${r.method} ${r.path} ${r.query.ref ?? ''}`)).toEqual([
      `GET /repos/o/r/compare/${before}...${after} `,
      `GET /repos/o/r/contents/services%2Fapi%2FDockerfile ${after}`,
      `GET /repos/o/r/contents/services%2Fapi%2FDockerfile ${before}`,
      `GET /repos/o/r/contents/web%2FDockerfile ${after}`,
      'POST /repos/o/r/check-runs '
    ])
    expect(output(result.outputs, 'dockerfiles')).toBe('2')
    expect(result.summary).toContain('| shipped base image | <code>node:20</code> (≈ 390 MB) | <code>node:20-slim</code> (≈ 70 MB, −320 MB, estimates) |')
    expect(result.summary).toContain('**Removed by this push:** <code>old/Dockerfile</code>')
    expect(result.summary).toContain('this push adds **1 error**')
  })

  it('a new branch (before is all zeros) reviews every Dockerfile in the workspace', async () => {
    server = await startFakeGitHub()
    tree = tempTree({ 'ws/a/Dockerfile': 'FROM alpine:3.20\nUSER app\n', 'ws/b/Dockerfile': 'FROM alpine:3.20\nUSER app\n' })
    const result = await runAction(server, tree.dir, 'push', { comment: 'never', 'check-run': 'false' }, { before: '0'.repeat(40), after })
    expect(server.requests).toEqual([])
    expect(output(result.outputs, 'dockerfiles')).toBe('2')
    expect(result.code).toBe(0)
  })
})

describe('the action and its own comment, whatever the token', () => {
  const MARKER = '<!-- stagecraft:ci/lint/ -->'

  it.each<[string, FakeIdentity]>([
    ['GITHUB_TOKEN', GITHUB_TOKEN],
    ['a GitHub App installation token', APP_TOKEN],
    ['a personal access token', PAT]
  ])('with %s: one comment of its own, updated on the next run; marked comments of others untouched', async (_name, identity) => {
    server = await startFakeGitHub({ identity })
    tree = tempTree({ 'ws/.keep': '' })
    prFiles(server)
    // Marked comments it did not write: the other kinds of token (an earlier set-up) and a person copying the marker.
    const others = [GITHUB_TOKEN, APP_TOKEN, PAT].filter((o) => o !== identity)
    server.comments.push(...others.map((o, i) => commentBy(o, i + 1, `${MARKER}\nby ${o.login}`)))
    server.comments.push({ id: 9, body: `${MARKER}\nforged`, user: { login: 'mallory', id: 666, type: 'User' }, html_url: 'x' })
    await runAction(server, tree.dir, 'pull_request', { 'fail-on': 'never' })
    server.contents.set('headsha:services/api/Dockerfile', API_DOCKERFILE.replace('bild', 'build'))
    const second = await runAction(server, tree.dir, 'pull_request', { 'fail-on': 'never' })
    const own = server.comments.filter((c) => c.user.id === identity.id && !others.some((o) => c.body === `${MARKER}\nby ${o.login}`))
    expect(own).toHaveLength(1)
    expect(own[0]?.body).toContain('no findings')
    expect(server.comments.filter((c) => c !== own[0]).map((c) => c.body)).toEqual([...others.map((o) => `${MARKER}\nby ${o.login}`), `${MARKER}\nforged`])
    // One POST, then one PATCH of its own comment; never GET /user (an App token cannot ask it).
    expect(server.requests.filter((r) => r.path.includes('comments') && r.method !== 'GET').map((r) => `${r.method} ${r.path}`)).toEqual(['POST /repos/o/r/issues/7/comments', `PATCH /repos/o/r/issues/comments/${own[0]?.id ?? 0}`])
    expect(server.requests.some((r) => r.path === '/user')).toBe(false)
    expect(output(second.outputs, 'comment-url')).toBe(own[0]?.html_url)
  })
})

describe('the action and its links', () => {
  it('links rule pages in the repository and at the ref the workflow pinned (GITHUB_ACTION_REPOSITORY, GITHUB_ACTION_REF)', async () => {
    server = await startFakeGitHub()
    tree = tempTree({ 'ws/.keep': '' })
    prFiles(server)
    const result = await runAction(server, tree.dir, 'pull_request', { 'fail-on': 'never', 'sarif-file': 's.sarif' }, PR_PAYLOAD, { GITHUB_ACTION_REPOSITORY: 'someone/stagecraft-fork', GITHUB_ACTION_REF: 'v1', GITHUB_SERVER_URL: 'https://github.com' })
    expect(result.code).toBe(0)
    const base = 'https://github.com/someone/stagecraft-fork/blob/v1/docs/rules'
    expect(server.comments[0]?.body).toContain(`[\`stage-name-typo\`](${base}/stage-name-typo.md)`)
    const annotations = (server.checkRuns[0]?.body as { output: { annotations: { message: string }[] } }).output.annotations
    expect(annotations.every((a) => a.message.includes(`${base}/`))).toBe(true)
    const sarif = JSON.parse(readFileSync(join(tree.dir, 'ws/s.sarif'), 'utf8')) as { runs: { tool: { driver: { informationUri: string; rules: { helpUri: string }[] } } }[] }
    expect(sarif.runs[0]?.tool.driver.informationUri).toBe('https://github.com/someone/stagecraft-fork')
    expect(sarif.runs[0]?.tool.driver.rules.every((r) => r.helpUri.startsWith(`${base}/`))).toBe(true)
  })

  it('a local action (uses: ./) links the package repository at its version tag', async () => {
    server = await startFakeGitHub()
    tree = tempTree({ 'ws/.keep': '' })
    prFiles(server)
    await runAction(server, tree.dir, 'pull_request', { 'fail-on': 'never' }, PR_PAYLOAD, { GITHUB_ACTION_REPOSITORY: '', GITHUB_ACTION_REF: '' })
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string; repository: { url: string } }
    const home = pkg.repository.url.replace(/^git\+/, '').replace(/\.git$/, '')
    expect(server.comments[0]?.body).toContain(`(${home}/blob/v${pkg.version}/docs/rules/stage-name-typo.md)`)
  })
})

describe('the action, more cases', () => {
  it('reads the head from the workspace and the base from git history when both are there (no contents requests)', async () => {
    server = await startFakeGitHub()
    tree = tempTree({ 'ws/services/api/Dockerfile': API_DOCKERFILE_BEFORE })
    const ws = join(tree.dir, 'ws')
    const git = (...args: string[]): string => execFileSync('git', ['-C', ws, ...args], { encoding: 'utf8', env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@t', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@t' } }).trim()
    git('init', '-q')
    git('add', '.')
    git('commit', '-qm', 'base')
    const base = git('rev-parse', 'HEAD')
    writeFileSync(join(ws, 'services/api/Dockerfile'), API_DOCKERFILE)
    mkdirSync(join(ws, 'web'))
    writeFileSync(join(ws, 'web/Dockerfile'), WEB_DOCKERFILE)
    git('add', '.')
    git('commit', '-qm', 'head')
    const head = git('rev-parse', 'HEAD')
    prFiles(server)
    // GitHub can say "modified" for a file git does not have at the base (e.g. a shallow merge base): it counts as new.
    server.files[1] = { filename: 'web/Dockerfile', status: 'modified', patch: '@@ -0,0 +1,2 @@\n+FROM nginx:1.27-alpine\n+COPY site/ /usr/share/nginx/html/' }
    const result = await runAction(server, tree.dir, 'pull_request', { 'fail-on': 'never' }, { pull_request: { number: 7, head: { sha: head }, base: { sha: base } } })
    expect(server.requests.filter((r) => r.path.includes('/contents/'))).toEqual([])
    expect(output(result.outputs, 'dockerfiles')).toBe('2')
    const comment = server.comments[0]?.body ?? ''
    expect(comment).toContain('| shipped base image | <code>node:20</code> (≈ 390 MB) | <code>node:20-slim</code> (≈ 70 MB, −320 MB, estimates) |')
    expect(comment).toContain('**New file** in this pull request: every finding is new.')
  })

  it('says how many findings did not fit in the workflow annotations, and writes valid reports', async () => {
    server = await startFakeGitHub()
    tree = tempTree({ 'ws/.keep': '' })
    const lines = ['FROM ubuntu AS base', ...Array.from({ length: 14 }, (_, i) => `ENV K${i} v`), 'FROM base', 'USER app']
    server.files.push({ filename: 'Dockerfile', status: 'added' })
    server.contents.set('headsha:Dockerfile', df(...lines))
    server.fault('POST /repos/o/r/check-runs', 403, { message: 'Resource not accessible by integration' })
    const result = await runAction(server, tree.dir, 'pull_request', { 'fail-on': 'never', comment: 'never', 'json-file': 'reports/s.json', 'sarif-file': 'reports/s.sarif' })
    expect(result.stdout.match(/^::notice /gm)).toHaveLength(10)
    expect(result.summary).toMatch(/4 more finding\(s\) could not be shown as annotations/)
    const json = JSON.parse(readFileSync(join(tree.dir, 'ws/reports/s.json'), 'utf8')) as { version: number; files: { path: string }[] }
    expect([json.version, json.files.map((f) => f.path)]).toEqual([1, ['Dockerfile']])
    const sarif = JSON.parse(readFileSync(join(tree.dir, 'ws/reports/s.sarif'), 'utf8')) as unknown
    expect(sarifErrors(sarif)).toEqual([])
    expect(sarif).toMatchObject({ version: '2.1.0', runs: [{ tool: { driver: { name: 'Stagecraft' } } }] })
  })

  it('fails with a clear message on a bad input value', async () => {
    server = await startFakeGitHub()
    tree = tempTree({ 'ws/.keep': '' })
    const result = await runAction(server, tree.dir, 'pull_request', { annotate: 'everything' })
    expect(result.code).toBe(1)
    expect(result.stdout).toContain('::error::input annotate must be one of changed-lines, changed-files, all, not "everything"')
    expect(server.requests).toEqual([])
  })

  it('names a malformed registry-credentials line by number and never prints it', async () => {
    server = await startFakeGitHub()
    tree = tempTree({ 'ws/.keep': '' })
    const result = await runAction(server, tree.dir, 'pull_request', { 'registry-credentials': 'ghcr.io=robot:fine-secret\nno-equals-sign-hunter2' })
    expect(result.code).toBe(1)
    expect(result.stdout).toContain('::error::input registry-credentials: line 2 is not host=username:password')
    expect(result.stdout).not.toContain('hunter2')
    expect(result.stdout).toContain('::add-mask::fine-secret')
  })
})

describe('the action and GitHub faults and limits', () => {
  it('sends 120 findings as 3 check-run requests, never more than 50 annotations each', async () => {
    server = await startFakeGitHub()
    tree = tempTree({ 'ws/.keep': '' })
    const lines = ['FROM ubuntu:24.04', ...Array.from({ length: 120 }, (_, i) => `ENV K${i} v`), 'USER app']
    server.files.push({ filename: 'Dockerfile', status: 'added' })
    server.contents.set('headsha:Dockerfile', df(...lines))
    await runAction(server, tree.dir, 'pull_request', { 'fail-on': 'never', comment: 'never' })
    const checkWrites = server.requests.filter((r) => r.path.includes('/check-runs'))
    expect(checkWrites.map((r) => [r.method, (r.body as { output: { annotations: unknown[] } }).output.annotations.length])).toEqual([
      ['POST', 50],
      ['PATCH', 50],
      ['PATCH', 20]
    ])
  })

  it('pages through a PR of 250 files', async () => {
    server = await startFakeGitHub()
    tree = tempTree({ 'ws/.keep': '' })
    for (let i = 0; i < 249; i++) server.files.push({ filename: `src/f${i}.ts`, status: 'modified', patch: '@@ -1 +1 @@\n-a\n+b' })
    server.files.push({ filename: 'deploy/Dockerfile', status: 'added' })
    server.contents.set('headsha:deploy/Dockerfile', 'FROM alpine:3.20\nUSER app\n')
    const result = await runAction(server, tree.dir, 'pull_request', { comment: 'never' })
    expect(server.requests.filter((r) => r.path.endsWith('/pulls/7/files')).map((r) => r.query.page ?? '1')).toEqual(['1', '2', '3'])
    expect(output(result.outputs, 'dockerfiles')).toBe('1')
  })

  it('retries a 500 and honours a 429 retry-after, then posts', async () => {
    server = await startFakeGitHub()
    tree = tempTree({ 'ws/.keep': '' })
    prFiles(server)
    server.fault('GET /repos/o/r/pulls/7/files', 500, { message: 'boom' })
    // GitHub's answer to a burst of writes: a secondary rate limit, with retry-after (the throttling plugin waits; the write was not made).
    server.fault('POST /repos/o/r/issues/7/comments', 429, { message: 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.' }, { 'retry-after': '1' })
    const result = await runAction(server, tree.dir, 'pull_request', { 'fail-on': 'never' })
    expect(result.code).toBe(0)
    expect(server.requests.filter((r) => r.path.endsWith('/pulls/7/files'))).toHaveLength(2)
    expect(server.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/issues/7/comments'))).toHaveLength(2)
    expect(server.comments).toHaveLength(1)
  })
})

describe('the action with registry look-ups (a real docker-registry with token auth on 127.0.0.1)', () => {
  const itRegistry = registryAvailable() || process.env.CI !== undefined ? it : it.skip

  itRegistry('shows real compressed sizes and the delta in bytes, falls back to estimates with a reason, masks credentials, and writes sizes to the JSON report', async () => {
    const registry = await startRegistry({ tokenAuth: true })
    try {
      await pushTwoPlatforms(registry, 'base/os', '1.0', [bytes(30_000_000, 1), bytes(4_000_000, 2)], [bytes(700, 3)])
      await registry.push('base/slim', { tag: '1', layers: [bytes(5_000_000, 4)], config: { architecture: 'amd64', os: 'linux' } })
      const r = registry.host
      server = await startFakeGitHub()
      tree = tempTree({ 'ws/.keep': '' })
      server.files.push({ filename: 'Dockerfile', status: 'modified', patch: '@@ -1,2 +1,6 @@\n+x' })
      server.contents.set('basesha:Dockerfile', df(`FROM ${r}/base/os:1.0`, 'USER app'))
      server.contents.set('headsha:Dockerfile', df(`FROM ${r}/base/os:1.0 AS build`, 'RUN make', `FROM ${r}/base/missing:1 AS tools`, `FROM ${r}/base/slim:1`, 'COPY --from=build /out /out', 'USER app'))
      const result = await runAction(server, tree.dir, 'pull_request', { 'registry-lookup': 'true', 'registry-allow': '127.0.0.1', 'registry-credentials': `${r}=robot:s3cr3t-pa55`, 'json-file': 'out/report.json', 'fail-on': 'never', comment: 'always' })
      expect(result.code).toBe(0)
      const comment = server.comments[0]?.body ?? ''
      expect(comment).toContain(`| shipped base image | <code>${r}/base/os:1.0</code> (34.0 MB) | <code>${r}/base/slim:1</code> (5.0 MB, −29.0 MB, compressed, from the registry) |`)
      expect(comment).toContain(`| <code>${r}/base/os:1.0</code> | <code>build</code> | — | small | 34.0 MB | registry |`)
      expect(comment).toContain(`*Estimated because the registry look-up failed:* <code>${r}/base/missing:1</code>: ${r}/base/missing:1: not found (unknown repository or tag)`)
      // Three images, each looked up once although the base version uses one of them too.
      expect(result.stdout).toMatch(/registry: 3 image\(s\) looked up, 1 fell back to estimates, \d+ request\(s\), \d+ ms/)
      // The password is masked before anything could print it, and the token server got it as Basic auth.
      expect(result.stdout).toContain('::add-mask::s3cr3t-pa55')
      expect(result.stdout.replace('::add-mask::s3cr3t-pa55', '')).not.toContain('s3cr3t-pa55')
      expect(registry.tokens?.authorizations.some((a) => a === `Basic ${Buffer.from('robot:s3cr3t-pa55').toString('base64')}`)).toBe(true)
      const report = JSON.parse(readFileSync(join(tree.dir, 'ws/out/report.json'), 'utf8')) as { files: { stages: { base: { compressedSize: number | null; sizeSource: string | null } }[]; finalImage: { base: string; compressedSize: number; sizeSource: string } }[] }
      expect(report.files[0]?.stages.map((s) => [s.base.compressedSize, s.base.sizeSource])).toEqual([
        [34_000_000, 'registry'],
        [null, null],
        [5_000_000, 'registry']
      ])
      expect(report.files[0]?.finalImage).toMatchObject({ stage: 2, base: `${r}/base/slim:1`, compressedSize: 5_000_000, size: null, sizeSource: 'registry' })
      // The effective settings, with where they come from: USER here, the rest unset (the pushed config sets nothing).
      expect((report.files[0]?.finalImage as unknown as { settings: { user: unknown } }).settings.user).toEqual({ value: 'app', origin: { kind: 'here', line: 6 }, buildArgs: [], root: false })
    } finally {
      await registry.close()
    }
  }, 60_000)
})

describe('the action and comment-min-severity', () => {
  /** A PR whose own new findings are info only (an unused stage), in a file that already had a warning. */
  function infoOnlyPr(fake: FakeGitHub): void {
    fake.files.push({ filename: 'Dockerfile', status: 'modified', patch: '@@ -1,3 +1,4 @@\n FROM node:20-slim\n+FROM alpine:3.20 AS tools\n FROM node:20-slim\n USER node' })
    fake.contents.set('basesha:Dockerfile', df('FROM node:20-slim', 'FROM node:20-slim', 'USER node'))
    fake.contents.set('headsha:Dockerfile', df('FROM node:20-slim', 'FROM alpine:3.20 AS tools', 'FROM node:20-slim', 'USER node'))
  }

  it('creates no comment when the PR brings only info findings (default warning), and does with info', async () => {
    server = await startFakeGitHub()
    tree = tempTree({ 'ws/.keep': '' })
    infoOnlyPr(server)
    const quiet = await runAction(server, tree.dir, 'pull_request')
    expect(quiet.code).toBe(0)
    expect(server.requests.filter((r) => r.path.endsWith('/issues/7/comments')).map((r) => r.method)).toEqual(['GET'])
    expect(server.comments).toEqual([])
    // The job summary still has it all.
    expect(quiet.summary).toContain('[`unused-stage`]')
    await runAction(server, tree.dir, 'pull_request', { 'comment-min-severity': 'info' })
    expect(server.comments).toHaveLength(1)
    expect(server.comments[0]?.body).toContain('this pull request adds **')
  })

  it('still updates an existing comment, whatever the severity', async () => {
    server = await startFakeGitHub()
    tree = tempTree({ 'ws/.keep': '' })
    infoOnlyPr(server)
    server.comments.push(commentBy(GITHUB_TOKEN, 5, '<!-- stagecraft:ci/lint/ -->\nold'))
    await runAction(server, tree.dir, 'pull_request')
    expect(server.comments).toHaveLength(1)
    expect(server.comments[0]?.body).toContain('[`unused-stage`]')
    expect(server.requests.filter((r) => r.method !== 'GET' && r.path.includes('comments')).map((r) => `${r.method} ${r.path}`)).toEqual(['PATCH /repos/o/r/issues/comments/5'])
  })

  it('rejects a severity that does not exist, naming the input', async () => {
    server = await startFakeGitHub()
    tree = tempTree({ 'ws/.keep': '' })
    infoOnlyPr(server)
    const result = await runAction(server, tree.dir, 'pull_request', { 'comment-min-severity': 'critical' })
    expect(result.code).toBe(1)
    expect(result.stdout).toContain('input comment-min-severity must be one of error, warning, info, not "critical"')
  })
})

describe('the action with suggestions: true (review comments with ```suggestion blocks)', () => {
  const HEAD = [
    'FROM node:20 AS build',
    'RUN npm ci && npm run build',
    'FROM node:20-slim',
    'RUN apt-get update && apt-get install curl && rm -rf /var/lib/apt/lists/*',
    'RUN pip install flask',
    'COPY --from=bild /app/dist /app',
    'USER node',
    'CMD node server.js'
  ]
  const BASE = [HEAD[0], HEAD[1], HEAD[2], HEAD[4], HEAD[6]] as string[]
  /** Lines 4, 6 and 8 are added; line 5 (pip without --no-cache-dir) was already there. */
  const patch = (head: readonly string[]): string => `@@ -1,5 +1,8 @@\n${head.map((l, i) => `${[3, 5, 7].includes(i) ? '+' : ' '}${l}`).join('\n')}`
  function suggestionsPr(fake: FakeGitHub, head: readonly string[] = HEAD): void {
    fake.files.length = 0
    fake.files.push({ filename: 'services/api/Dockerfile', status: 'modified', patch: patch(head) })
    fake.contents.set('headsha:services/api/Dockerfile', df(...head))
    fake.contents.set('basesha:services/api/Dockerfile', df(...BASE))
  }
  const CREATE = operationRoute('pulls/create-review-comment')
  const UPDATE = operationRoute('pulls/update-review-comment')
  const LIST = operationRoute('pulls/list-review-comments')
  const route = (r: { method: string; path: string }): string =>
    `${r.method} ${r.path.replace('/repos/o/r/', '/repos/{owner}/{repo}/').replace('/pulls/7/', '/pulls/{pull_number}/').replace(/\/pulls\/comments\/\d+$/, '/pulls/comments/{comment_id}')}`
  const reviewTraffic = (fake: FakeGitHub): { method: string; path: string; body: unknown }[] => fake.requests.filter((r) => /\/pulls\/(?:7\/)?comments/.test(r.path))

  it('posts one suggestion per changed line with a mechanical fix, in the shape the REST description gives', async () => {
    server = await startFakeGitHub()
    tree = tempTree({ 'ws/.keep': '' })
    suggestionsPr(server)
    const result = await runAction(server, tree.dir, 'pull_request', { suggestions: 'true', 'fail-on': 'never' })
    expect(result.code).toBe(0)
    const traffic = reviewTraffic(server)
    expect(traffic.map(route)).toEqual([LIST, CREATE, CREATE, CREATE])
    const fields = requestFields('pulls/create-review-comment')
    for (const r of traffic.filter((t) => route(t) === CREATE)) {
      const body = r.body as Record<string, unknown>
      // Every field is one the description knows, every required one is there.
      expect(Object.keys(body).filter((k) => !(k in fields))).toEqual([])
      expect(Object.entries(fields).filter(([k, required]) => required && !(k in body))).toEqual([])
      expect(body).toMatchObject({ commit_id: 'headsha', path: 'services/api/Dockerfile', side: 'RIGHT' })
      expect(typeof body.line).toBe('number')
    }
    const byLine = new Map(server.reviewComments.map((c) => [c.line, c.body]))
    expect([...byLine.keys()]).toEqual([4, 6, 8])
    expect(byLine.get(4)).toContain('```suggestion\nRUN apt-get update && apt-get install --no-install-recommends -y curl && rm -rf /var/lib/apt/lists/*\n```')
    expect(byLine.get(4)).toMatch(/^<!-- stagecraft-suggestion:ci\/lint\/ [0-9a-f]{8} -->\n\*\*Stagecraft\*\* suggests a fix for \[`apt-get-assume-yes`\]\(.*\/apt-get-assume-yes\.md\), \[`apt-no-install-recommends`\]/)
    expect(byLine.get(6)).toContain('```suggestion\nCOPY --from=build /app/dist /app\n```')
    expect(byLine.get(8)).toContain('```suggestion\nCMD ["node", "server.js"]\n```')
    // Never on line 5: the PR did not touch it (its pip-cache finding is older).
    expect(server.reviewComments.some((c) => c.body.includes('--no-cache-dir'))).toBe(false)
  })

  it('never repeats itself on re-runs: unchanged ones are left alone, one that no longer applies is edited to say so', async () => {
    server = await startFakeGitHub()
    tree = tempTree({ 'ws/.keep': '' })
    suggestionsPr(server)
    await runAction(server, tree.dir, 'pull_request', { suggestions: 'true', 'fail-on': 'never' })
    const first = server.requests.length
    await runAction(server, tree.dir, 'pull_request', { suggestions: 'true', 'fail-on': 'never' })
    expect(reviewTraffic({ ...server, requests: server.requests.slice(first) }).map(route)).toEqual([LIST])
    // The author applies the apt-get suggestion.
    const fixed = HEAD.map((l, i) => (i === 3 ? 'RUN apt-get update && apt-get install --no-install-recommends -y curl && rm -rf /var/lib/apt/lists/*' : l))
    suggestionsPr(server, fixed)
    const second = server.requests.length
    await runAction(server, tree.dir, 'pull_request', { suggestions: 'true', 'fail-on': 'never' })
    const third = reviewTraffic({ ...server, requests: server.requests.slice(second) })
    expect(third.map(route)).toEqual([LIST, UPDATE])
    expect(Object.keys(third[1]?.body as object)).toEqual(Object.keys(requestFields('pulls/update-review-comment')))
    expect(server.reviewComments).toHaveLength(3)
    expect(server.reviewComments.find((c) => c.line === 4)?.body).toContain('This suggestion no longer applies')
    // And a fourth run writes nothing again.
    const fourth = server.requests.length
    await runAction(server, tree.dir, 'pull_request', { suggestions: 'true', 'fail-on': 'never' })
    expect(reviewTraffic({ ...server, requests: server.requests.slice(fourth) }).map(route)).toEqual([LIST])
  })

  it('posts at most 10 per run and says how many more there are; leaves marked comments of others alone', async () => {
    server = await startFakeGitHub()
    tree = tempTree({ 'ws/.keep': '' })
    const head = ['FROM python:3.12-slim', ...Array.from({ length: 12 }, (_, i) => `RUN pip install pkg${i}`), 'USER app']
    server.files.push({ filename: 'Dockerfile', status: 'added', patch: `@@ -0,0 +1,${head.length} @@\n${head.map((l) => `+${l}`).join('\n')}` })
    server.contents.set('headsha:Dockerfile', df(...head))
    server.reviewComments.push({ ...commentBy(PAT, 3, '<!-- stagecraft-suggestion:ci/lint/ 00000000 -->\nforged'), path: 'Dockerfile', line: 2, side: 'RIGHT', commit_id: 'headsha' })
    const result = await runAction(server, tree.dir, 'pull_request', { suggestions: 'true', 'fail-on': 'never' })
    expect(reviewTraffic(server).filter((r) => route(r) === CREATE)).toHaveLength(10)
    expect(reviewTraffic(server).filter((r) => route(r) === UPDATE)).toHaveLength(0)
    expect(server.reviewComments[0]?.body).toBe('<!-- stagecraft-suggestion:ci/lint/ 00000000 -->\nforged')
    expect(result.summary).toContain('2 more one-click suggestion(s) were not posted (at most 10 per run)')
  })

  it('on a read-only token (a fork) says in the job summary that they could not be posted, and still succeeds', async () => {
    server = await startFakeGitHub()
    tree = tempTree({ 'ws/.keep': '' })
    suggestionsPr(server)
    server.fault('POST /repos/o/r/pulls/7/comments', 403, { message: 'Resource not accessible by integration' })
    const result = await runAction(server, tree.dir, 'pull_request', { suggestions: 'true', 'fail-on': 'never' })
    expect(result.code).toBe(0)
    expect(reviewTraffic(server).map(route)).toEqual([LIST, CREATE])
    expect(result.summary).toContain('The inline suggestions could not be posted: the token may not write review comments (a pull request from a fork gets a read-only token).')
  })

  it('posts none unless asked', async () => {
    server = await startFakeGitHub()
    tree = tempTree({ 'ws/.keep': '' })
    suggestionsPr(server)
    await runAction(server, tree.dir, 'pull_request', { 'fail-on': 'never' })
    expect(reviewTraffic(server)).toEqual([])
  })
})

/** A stand-in for a service the runner can reach and a PR must not: it records every request. */
async function internalService(host = '127.0.0.1', handler?: (req: IncomingMessage, res: ServerResponse) => void): Promise<{ port: number; hits: { url: string; authorization: string | null }[]; close: () => Promise<void> }> {
  const hits: { url: string; authorization: string | null }[] = []
  const server = createServer((req, res) => {
    hits.push({ url: req.url ?? '', authorization: req.headers.authorization ?? null })
    if (handler !== undefined) return handler(req, res)
    res.setHeader('content-type', 'application/json')
    res.end('{"AccessKeyId":"AKIA-internal","SecretAccessKey":"internal-secret"}')
  })
  await new Promise<void>((resolve) => server.listen(0, host, resolve))
  const port = (server.address() as { port: number }).port
  return {
    port,
    hits,
    close: () => {
      server.closeAllConnections()
      return new Promise((resolve) => server.close(() => resolve()))
    }
  }
}

describe('the registry look-up as SSRF: a pull request chooses the host in FROM', () => {
  const refused = 'the host is a loopback, private, link-local or metadata address, which is not asked unless registry-allow lists it'

  it('never connects to loopback, private, link-local or metadata addresses it was not allowed, and says so in generic words', async () => {
    const internal = await internalService()
    try {
      server = await startFakeGitHub()
      tree = tempTree({ 'ws/.keep': '' })
      const p = internal.port
      // The attack inputs: every FROM names an internal address, directly or through a name.
      const targets = [`127.0.0.1:${p}/latest/meta-data:1`, `localhost:${p}/admin:1`, `[::1]:${p}/x:1`, `0.0.0.0:${p}/x:1`, '169.254.169.254/latest/meta-data:1', '10.0.0.1:5000/x:1', '192.168.1.1/x:1', '172.16.0.1/x:1', '100.100.100.200/x:1', '[fd00:ec2::254]/x:1', '[fe80::1]/x:1', `127.1.2.3:${p}/x:1`]
      const dockerfile = df(...targets.map((t, i) => `FROM ${t} AS s${i}`), 'FROM alpine:3.20', 'USER app')
      server.files.push({ filename: 'Dockerfile', status: 'added', patch: '@@ -0,0 +1,2 @@\n+x' })
      server.contents.set('headsha:Dockerfile', dockerfile)
      const result = await runAction(server, tree.dir, 'pull_request', { 'registry-lookup': 'true', 'registry-timeout': '2', 'fail-on': 'never', comment: 'always' })
      expect(result.code).toBe(0)
      expect(internal.hits).toEqual([])
      const comment = server.comments[0]?.body ?? ''
      for (const t of targets) {
        // The comment escapes brackets for Markdown.
        const host = t.slice(0, t.indexOf('/')).replace(/[[\]]/g, (c) => `\\${c}`)
        expect([t, comment.includes(`${host}: ${refused}`)]).toEqual([t, true])
      }
      // No low-level error codes that would tell an open port from a closed or filtered one.
      expect(comment).not.toMatch(/ECONNREFUSED|ETIMEDOUT|EHOSTUNREACH|ENETUNREACH|ECONNRESET|EAI_AGAIN|ENOTFOUND/)
      expect(result.stdout).not.toMatch(/ECONNREFUSED|ETIMEDOUT|EHOSTUNREACH/)
    } finally {
      await internal.close()
    }
  }, 60_000)

  it('an allowed registry cannot redirect the look-up to an internal host or to plain HTTP, nor tell open ports from closed ones', async () => {
    const internal = await internalService()
    const silent = await internalService('127.0.0.1', () => {
      // Accepts the connection and never answers: a "filtered" port.
    })
    const closed = await freePort()
    const evil = await internalService('127.0.0.1', (req, res) => {
      // A registry a PR names that redirects every request elsewhere.
      const to = (req.url ?? '').includes('/plain/') ? `http://example.com/v2/x/manifests/1` : `http://127.0.0.1:${internal.port}/latest/meta-data/iam`
      res.statusCode = 307
      res.setHeader('location', to)
      res.end()
    })
    try {
      server = await startFakeGitHub()
      tree = tempTree({ 'ws/.keep': '' })
      const dockerfile = df(`FROM 127.0.0.1:${evil.port}/redirect/x:1 AS a`, `FROM 127.0.0.1:${evil.port}/plain/x:1 AS b`, `FROM 127.0.0.1:${silent.port}/x:1 AS c`, `FROM 127.0.0.1:${closed}/x:1 AS d`, 'FROM alpine:3.20', 'USER app')
      server.files.push({ filename: 'Dockerfile', status: 'added', patch: '@@ -0,0 +1,2 @@\n+x' })
      server.contents.set('headsha:Dockerfile', dockerfile)
      // The user allows this one registry host (all its ports), as a local test registry would be.
      const result = await runAction(server, tree.dir, 'pull_request', { 'registry-lookup': 'true', 'registry-allow': '127.0.0.1', 'registry-timeout': '1', 'fail-on': 'never', comment: 'always' })
      expect(result.code).toBe(0)
      expect(internal.hits).toEqual([])
      expect(evil.hits.length).toBeGreaterThan(0)
      const comment = server.comments[0]?.body ?? ''
      expect(comment).toContain(`127.0.0.1:${evil.port}/redirect/x:1: redirected to a host or scheme that is not followed`)
      expect(comment).toContain(`127.0.0.1:${evil.port}/plain/x:1: redirected to a host or scheme that is not followed`)
      // A port that never answers and a closed port read the same.
      expect(comment).toContain(`<code>127.0.0.1:${silent.port}/x:1</code>: could not reach 127.0.0.1:${silent.port}`)
      expect(comment).toContain(`<code>127.0.0.1:${closed}/x:1</code>: could not reach 127.0.0.1:${closed}`)
      expect(comment).not.toMatch(/ECONNREFUSED|ETIMEDOUT|within \d+ ms/)
    } finally {
      await Promise.all([internal.close(), silent.close(), evil.close()])
    }
  }, 60_000)

  it("sends Basic credentials only to a token realm on the registry's own host", async () => {
    // The registry names a token realm on another host of this machine: first by another name
    // (localhost, plain HTTP is allowed between local hosts), then at 127.0.0.2 (not a local name).
    const thief = await internalService('127.0.0.1')
    const thief2 = await internalService('127.0.0.2')
    let realm = `http://localhost:${thief.port}/token`
    const registry = await internalService('127.0.0.1', (_req, res) => {
      res.statusCode = 401
      res.setHeader('www-authenticate', `Bearer realm="${realm}",service="x"`)
      res.end()
    })
    try {
      server = await startFakeGitHub()
      tree = tempTree({ 'ws/.keep': '' })
      server.files.push({ filename: 'Dockerfile', status: 'added', patch: '@@ -0,0 +1,2 @@\n+x' })
      server.contents.set('headsha:Dockerfile', df(`FROM 127.0.0.1:${registry.port}/team/app:1`, 'USER app'))
      const credentials = `127.0.0.1:${registry.port}=robot:t0ken-s3cret`
      const result = await runAction(server, tree.dir, 'pull_request', { 'registry-lookup': 'true', 'registry-allow': '127.0.0.0/8, ::1', 'registry-credentials': credentials, 'fail-on': 'never' })
      expect(result.code).toBe(0)
      // Reachable (allowed by the range), it gets the token request, without the password.
      expect(thief.hits.map((h) => [h.url.split('?')[0], h.authorization])).toEqual([['/token', null]])
      expect(registry.hits.every((h) => h.authorization === null)).toBe(true)
      realm = `http://127.0.0.2:${thief2.port}/token`
      const again = await runAction(server, tree.dir, 'pull_request', { 'registry-lookup': 'true', 'registry-allow': '127.0.0.0/8, ::1', 'registry-credentials': credentials, 'fail-on': 'never' })
      expect(again.code).toBe(0)
      // A plain-HTTP realm that is not this machine's own name is not asked at all.
      expect(thief2.hits).toEqual([])
      expect(again.summary).toContain('the token realm is not HTTPS')
      expect(`${result.stdout}${again.stdout}`.replaceAll('::add-mask::t0ken-s3cret', '')).not.toContain('t0ken-s3cret')
    } finally {
      await Promise.all([thief.close(), thief2.close(), registry.close()])
    }
  }, 60_000)
})

describe('size budgets in the action', () => {
  it('a pull request that moves the shipped image onto a 320 MB heavier base fails its check before anything is built', async () => {
    server = await startFakeGitHub()
    tree = tempTree({ 'ws/.keep': '' })
    server.files.push({ filename: 'Dockerfile', status: 'modified', patch: '@@ -1,3 +1,3 @@\n-FROM node:22-slim\n+FROM node:22\n COPY . /app\n CMD ["node", "/app/server.js"]' })
    server.contents.set('basesha:Dockerfile', df('FROM node:22-slim', 'COPY . /app', 'USER node', 'CMD ["node", "/app/server.js"]'))
    server.contents.set('headsha:Dockerfile', df('FROM node:22', 'COPY . /app', 'USER node', 'CMD ["node", "/app/server.js"]'))
    const result = await runAction(server, tree.dir, 'pull_request', { 'size-delta-budget': '50MB', 'size-budget': '**=1GB' })
    expect(result.code).toBe(1)
    const check = server.checkRuns[0]?.body as { conclusion: string; output: { annotations: { start_line: number; title: string; message: string }[] } }
    expect(check.conclusion).toBe('failure')
    expect(check.output.annotations.filter((a) => a.title.startsWith('size-')).map((a) => [a.start_line, a.title, a.message.split('\n')[0]])).toEqual([
      [1, 'size-delta-budget (error)', 'this change grows the shipped image by ≈ 320 MB compressed (from ≈ 70 MB (node:22-slim, the built-in estimate) to ≈ 390 MB (node:22, the built-in estimate)), over its growth budget of 50MB']
    ])
    // A malformed budget is an input error that names it.
    const bad = await runAction(server, tree.dir, 'pull_request', { 'size-budget': '300' })
    expect(bad.code).toBe(1)
    expect(bad.stdout).toContain('::error::input size-budget: "300" is not a size such as 300MB (or glob=300MB)')
  }, 60_000)
})
