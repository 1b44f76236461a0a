import { afterEach, describe, expect, it } from '@jest/globals'
import { createClient } from '../../src/github/client.js'
import { publishCheckRun } from '../../src/github/check-run.js'
import type { CheckAnnotation } from '../../src/github/annotations.js'
import { startFakeGitHub, type FakeGitHub } from '../helpers/fake-github.js'

let server: FakeGitHub | null = null
afterEach(async () => {
  await server?.close()
  server = null
})

const ref = { owner: 'o', repo: 'r' }
const annotation = (i: number): CheckAnnotation => ({ path: 'Dockerfile', start_line: i + 1, end_line: i + 1, annotation_level: 'warning', title: 't', message: `m${i}` })
const input = (n: number) => ({ name: 'Stagecraft', headSha: 'headsha', conclusion: 'failure' as const, title: 'Stagecraft: 1 error', summary: 'summary', annotations: Array.from({ length: n }, (_, i) => annotation(i)) })

describe('publishCheckRun', () => {
  it('sends 120 annotations in 3 requests of at most 50, completing on the last', async () => {
    server = await startFakeGitHub()
    const outcome = await publishCheckRun(createClient('t', { baseUrl: server.url, retryAfterMs: 10 }), ref, input(120))
    expect(outcome).toMatchObject({ action: 'created', requests: 3 })
    const writes = server.requests.filter((r) => r.method !== 'GET')
    expect(writes.map((r) => `${r.method} ${r.path}`)).toEqual(['POST /repos/o/r/check-runs', expect.stringMatching(/^PATCH \/repos\/o\/r\/check-runs\/\d+$/), expect.stringMatching(/^PATCH /)])
    const bodies = writes.map((r) => r.body as { status?: string; conclusion?: string; head_sha?: string; output: { annotations: unknown[] } })
    expect(bodies.map((b) => [b.status, b.conclusion, b.output.annotations.length])).toEqual([
      ['in_progress', undefined, 50],
      [undefined, undefined, 50],
      ['completed', 'failure', 20]
    ])
    expect(bodies[0]?.head_sha).toBe('headsha')
  })

  it('completes in one request when everything fits', async () => {
    server = await startFakeGitHub()
    const outcome = await publishCheckRun(createClient('t', { baseUrl: server.url, retryAfterMs: 10 }), ref, input(0))
    expect(outcome).toMatchObject({ action: 'created', requests: 1 })
    expect((server.checkRuns[0]?.body as { status: string }).status).toBe('completed')
  })

  it("reports a fork's 403 as forbidden", async () => {
    server = await startFakeGitHub()
    server.fault('POST /repos/o/r/check-runs', 403, { message: 'Resource not accessible by integration' })
    const outcome = await publishCheckRun(createClient('t', { baseUrl: server.url, retryAfterMs: 10 }), ref, input(3))
    expect(outcome).toMatchObject({ action: 'forbidden', requests: 1 })
  })

  it('honours retry-after on a 429 and then succeeds', async () => {
    server = await startFakeGitHub()
    server.fault('POST /repos/o/r/check-runs', 429, { message: 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.' }, { 'retry-after': '1' })
    const started = Date.now()
    const outcome = await publishCheckRun(createClient('t', { baseUrl: server.url, retryAfterMs: 10 }), ref, input(3))
    expect(outcome.action).toBe('created')
    expect(Date.now() - started).toBeGreaterThanOrEqual(900)
    expect(server.requests.filter((r) => r.method === 'POST')).toHaveLength(2)
  })
})
