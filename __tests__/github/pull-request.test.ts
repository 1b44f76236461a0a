import { afterEach, describe, expect, it } from '@jest/globals'
import { createClient } from '../../src/github/client.js'
import { listPullRequestFiles } from '../../src/github/pull-request.js'
import { startFakeGitHub, type FakeGitHub } from '../helpers/fake-github.js'

let server: FakeGitHub | null = null
afterEach(async () => {
  await server?.close()
  server = null
})

function client(url: string) {
  return createClient('test-token', { baseUrl: url, retries: 2, retryAfterMs: 10 })
}

describe('listPullRequestFiles', () => {
  it('pages through 250 files, 100 at a time, and parses each patch', async () => {
    server = await startFakeGitHub()
    for (let i = 0; i < 250; i++) server.files.push({ filename: `svc${i}/Dockerfile`, status: 'modified', patch: '@@ -1,2 +1,3 @@\n FROM a\n+RUN b\n CMD c' })
    server.files.push({ filename: 'gone/Dockerfile', status: 'removed' }, { filename: 'new/Dockerfile', status: 'added', patch: '@@ -0,0 +1 @@\n+FROM a' }, { filename: 'big/Dockerfile', status: 'modified' })
    const result = await listPullRequestFiles(client(server.url), { owner: 'o', repo: 'r' }, 7)
    expect(result.files).toHaveLength(252)
    expect(result.files[0]).toEqual({ path: 'svc0/Dockerfile', status: 'modified', lines: [{ start: 2, end: 2 }] })
    expect(result.files.slice(-2)).toEqual([
      { path: 'new/Dockerfile', status: 'added', lines: 'all' },
      { path: 'big/Dockerfile', status: 'modified', lines: 'all' }
    ])
    expect(result.truncated).toBe(false)
    expect(server.requests.map((r) => `${r.method} ${r.path}?${new URLSearchParams(r.query).toString()}`)).toEqual([
      'GET /repos/o/r/pulls/7?',
      'GET /repos/o/r/pulls/7/files?per_page=100',
      'GET /repos/o/r/pulls/7/files?per_page=100&page=2',
      'GET /repos/o/r/pulls/7/files?per_page=100&page=3'
    ])
    expect(server.requests[0]?.authorization).toBe('token test-token')
  })

  it("detects GitHub's 3,000-file cap by comparing with changed_files", async () => {
    server = await startFakeGitHub({ changedFiles: 3500 })
    server.files.push({ filename: 'Dockerfile', status: 'modified', patch: '@@ -1 +1 @@\n-a\n+b' })
    const result = await listPullRequestFiles(client(server.url), { owner: 'o', repo: 'r' }, 7)
    expect([result.truncated, result.changedFiles]).toEqual([true, 3500])
  })

  it('retries a 500 and then succeeds', async () => {
    server = await startFakeGitHub()
    server.fault('GET /repos/o/r/pulls/7/files', 500, { message: 'boom' })
    server.files.push({ filename: 'Dockerfile', status: 'modified', patch: '@@ -1 +1 @@\n-a\n+b' })
    const result = await listPullRequestFiles(client(server.url), { owner: 'o', repo: 'r' }, 7)
    expect(result.files).toHaveLength(1)
    expect(server.requests.filter((r) => r.path === '/repos/o/r/pulls/7/files')).toHaveLength(2)
  })
})
