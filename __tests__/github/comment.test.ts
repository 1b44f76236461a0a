import { afterEach, describe, expect, it } from '@jest/globals'
import { createClient } from '../../src/github/client.js'
import { upsertComment, viewerLogin } from '../../src/github/comment.js'
import { startFakeGitHub, type FakeGitHub } from '../helpers/fake-github.js'

let server: FakeGitHub | null = null
afterEach(async () => {
  await server?.close()
  server = null
})

const ref = { owner: 'o', repo: 'r' }
const MARKER = '<!-- stagecraft:ci/lint -->'
const writes = (s: FakeGitHub): string[] => s.requests.filter((r) => r.method !== 'GET').map((r) => `${r.method} ${r.path}`)

describe('upsertComment', () => {
  it('creates once, then updates the same comment, and skips an unchanged body', async () => {
    server = await startFakeGitHub()
    const client = createClient('t', { baseUrl: server.url, retryAfterMs: 10 })
    const first = await upsertComment(client, ref, 7, MARKER, `${MARKER}\none`, 'github-actions[bot]')
    const second = await upsertComment(client, ref, 7, MARKER, `${MARKER}\ntwo`, 'github-actions[bot]')
    const third = await upsertComment(client, ref, 7, MARKER, `${MARKER}\ntwo`, 'github-actions[bot]')
    expect([first.action, second.action, third.action]).toEqual(['created', 'updated', 'unchanged'])
    expect(server.comments.map((c) => c.body)).toEqual([`${MARKER}\ntwo`])
    expect(writes(server)).toEqual(['POST /repos/o/r/issues/7/comments', `PATCH /repos/o/r/issues/comments/${server.comments[0]?.id ?? 0}`])
  })

  it("never edits someone else's comment that carries the marker", async () => {
    server = await startFakeGitHub()
    server.comments.push({ id: 1, body: `${MARKER}\nforged`, user: { login: 'mallory', type: 'User' }, html_url: 'x' })
    const client = createClient('t', { baseUrl: server.url, retryAfterMs: 10 })
    const outcome = await upsertComment(client, ref, 7, MARKER, `${MARKER}\nreal`, 'github-actions[bot]')
    expect(outcome.action).toBe('created')
    expect(server.comments.map((c) => [c.user.login, c.body])).toEqual([
      ['mallory', `${MARKER}\nforged`],
      ['github-actions[bot]', `${MARKER}\nreal`]
    ])
  })

  it('pages through 250 comments to find its own', async () => {
    server = await startFakeGitHub()
    for (let i = 0; i < 249; i++) server.comments.push({ id: i + 1, body: `chatter ${i}`, user: { login: 'dev', type: 'User' }, html_url: 'x' })
    server.comments.push({ id: 500, body: `${MARKER}\nold`, user: { login: 'github-actions[bot]', type: 'Bot' }, html_url: 'y' })
    const client = createClient('t', { baseUrl: server.url, retryAfterMs: 10 })
    expect((await upsertComment(client, ref, 7, MARKER, `${MARKER}\nnew`, 'github-actions[bot]')).action).toBe('updated')
    expect(server.requests.filter((r) => r.path === '/repos/o/r/issues/7/comments' && r.method === 'GET')).toHaveLength(3)
  })

  it("reports a fork's 403 as forbidden, not as a crash", async () => {
    server = await startFakeGitHub()
    server.fault('POST /repos/o/r/issues/7/comments', 403, { message: 'Resource not accessible by integration' })
    const client = createClient('t', { baseUrl: server.url, retryAfterMs: 10 })
    const outcome = await upsertComment(client, ref, 7, MARKER, `${MARKER}\nx`, 'github-actions[bot]')
    expect(outcome).toEqual({ action: 'forbidden', url: null, message: expect.stringContaining('Resource not accessible by integration') })
  })

  it('learns the viewer from the token when it can, else assumes github-actions[bot]', async () => {
    server = await startFakeGitHub()
    const client = createClient('t', { baseUrl: server.url, retryAfterMs: 10 })
    expect(await viewerLogin(client)).toBe('github-actions[bot]')
  })
})
