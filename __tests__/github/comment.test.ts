import { afterEach, describe, expect, it } from '@jest/globals'
import { createClient } from '../../src/github/client.js'
import { upsertComment, whoAmI, writtenBy } from '../../src/github/comment.js'
import { APP_TOKEN, GITHUB_TOKEN, PAT, commentBy, startFakeGitHub, type FakeGitHub, type FakeIdentity } from '../helpers/fake-github.js'

let server: FakeGitHub | null = null
afterEach(async () => {
  await server?.close()
  server = null
})

const ref = { owner: 'o', repo: 'r' }
const MARKER = '<!-- stagecraft:ci/lint -->'
const writes = (s: FakeGitHub): string[] => s.requests.filter((r) => r.method !== 'GET').map((r) => `${r.method} ${r.path}`)
const client = (s: FakeGitHub) => createClient('t', { baseUrl: s.url, retryAfterMs: 10, retries: 0 })

describe('upsertComment', () => {
  it('creates once, then updates the same comment, and skips an unchanged body', async () => {
    server = await startFakeGitHub()
    const first = await upsertComment(client(server), ref, 7, MARKER, `${MARKER}\none`)
    const second = await upsertComment(client(server), ref, 7, MARKER, `${MARKER}\ntwo`)
    const third = await upsertComment(client(server), ref, 7, MARKER, `${MARKER}\ntwo`)
    expect([first.action, second.action, third.action]).toEqual(['created', 'updated', 'unchanged'])
    expect(server.comments.map((c) => c.body)).toEqual([`${MARKER}\ntwo`])
    // Who the token is is asked only once a comment carries the marker, and through GraphQL.
    expect(writes(server)).toEqual(['POST /repos/o/r/issues/7/comments', 'POST /graphql', `PATCH /repos/o/r/issues/comments/${server.comments[0]?.id ?? 0}`, 'POST /graphql'])
    expect(server.requests.some((r) => r.path === '/user')).toBe(false)
  })

  it("never edits someone else's comment that carries the marker", async () => {
    server = await startFakeGitHub()
    server.comments.push({ id: 1, body: `${MARKER}\nforged`, user: { login: 'mallory', id: 666, type: 'User' }, html_url: 'x' })
    const outcome = await upsertComment(client(server), ref, 7, MARKER, `${MARKER}\nreal`)
    expect(outcome.action).toBe('created')
    expect(server.comments.map((c) => [c.user.login, c.body])).toEqual([
      ['mallory', `${MARKER}\nforged`],
      ['github-actions[bot]', `${MARKER}\nreal`]
    ])
  })

  it.each<[string, FakeIdentity]>([
    ['GITHUB_TOKEN', GITHUB_TOKEN],
    ['a GitHub App installation token', APP_TOKEN],
    ['a personal access token', PAT]
  ])('with %s, finds its own comment among the others that carry the marker', async (_name, identity) => {
    server = await startFakeGitHub({ identity })
    const others = [GITHUB_TOKEN, APP_TOKEN, PAT].filter((o) => o !== identity)
    server.comments.push(...others.map((o, i) => commentBy(o, i + 1, `${MARKER}\nby ${o.login}`)), commentBy(identity, 50, `${MARKER}\nold`))
    const outcome = await upsertComment(client(server), ref, 7, MARKER, `${MARKER}\nnew`)
    expect(outcome.action).toBe('updated')
    expect(server.comments.map((c) => c.body)).toEqual([...others.map((o) => `${MARKER}\nby ${o.login}`), `${MARKER}\nnew`])
  })

  it('pages through 250 comments to find its own', async () => {
    server = await startFakeGitHub()
    for (let i = 0; i < 249; i++) server.comments.push({ id: i + 1, body: `chatter ${i}`, user: { login: 'dev', id: 5, type: 'User' }, html_url: 'x' })
    server.comments.push(commentBy(GITHUB_TOKEN, 500, `${MARKER}\nold`))
    expect((await upsertComment(client(server), ref, 7, MARKER, `${MARKER}\nnew`)).action).toBe('updated')
    expect(server.requests.filter((r) => r.path === '/repos/o/r/issues/7/comments' && r.method === 'GET')).toHaveLength(3)
  })

  it("reports a fork's 403 as forbidden, not as a crash", async () => {
    server = await startFakeGitHub()
    server.fault('POST /repos/o/r/issues/7/comments', 403, { message: 'Resource not accessible by integration' })
    const outcome = await upsertComment(client(server), ref, 7, MARKER, `${MARKER}\nx`)
    expect(outcome).toEqual({ action: 'forbidden', url: null, message: expect.stringContaining('Resource not accessible by integration') })
  })
})

describe('whoAmI', () => {
  it('asks GraphQL viewer, which answers for every kind of token', async () => {
    for (const identity of [GITHUB_TOKEN, APP_TOKEN, PAT]) {
      server = await startFakeGitHub({ identity })
      expect(await whoAmI(client(server))).toEqual({ login: identity.login, id: identity.id })
      await server.close()
    }
    server = null
  })

  it('falls back to REST GET /user when GraphQL fails (a user token), and to nothing', async () => {
    server = await startFakeGitHub({ identity: PAT })
    server.fault('POST /graphql', 404, { message: 'Not Found' })
    expect(await whoAmI(client(server))).toEqual({ login: PAT.login, id: PAT.id })
    await server.close()
    server = await startFakeGitHub({ identity: APP_TOKEN })
    server.fault('POST /graphql', 404, { message: 'Not Found' })
    expect(await whoAmI(client(server))).toBeNull()
  })
})

describe('writtenBy', () => {
  const bot = commentBy(APP_TOKEN, 1, 'x')
  it('matches by account id, else by login (a bot with or without its [bot] suffix)', () => {
    expect(writtenBy(bot, { login: 'whatever', id: APP_TOKEN.id })).toBe(true)
    expect(writtenBy(bot, { login: APP_TOKEN.login, id: 1 })).toBe(false)
    expect(writtenBy(bot, { login: 'stagecraft-review', id: null })).toBe(true)
    expect(writtenBy(bot, { login: 'stagecraft-review[bot]', id: null })).toBe(true)
    // A person named like an app is not the app's bot.
    expect(writtenBy(commentBy({ ...PAT, login: 'stagecraft-review' }, 2, 'x'), { login: 'stagecraft-review[bot]', id: null })).toBe(false)
  })

  it('with no identity, owns only a bot comment posted through an app, never a person\'s', () => {
    expect(writtenBy(bot, null)).toBe(true)
    expect(writtenBy(commentBy(PAT, 3, 'x'), null)).toBe(false)
    expect(writtenBy({ user: null }, null)).toBe(false)
  })
})
