/**
 * A local HTTP server on 127.0.0.1 that plays the parts of GitHub's REST API Stagecraft uses,
 * keeps state (comments, check runs) and records every request, so tests can assert the exact
 * traffic. Faults are scripted per route: `fault('POST /repos/o/r/check-runs', 403, ...)`.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

export interface RecordedRequest {
  method: string
  path: string
  query: Record<string, string>
  body: unknown
  authorization: string | undefined
}

export interface FakePullFile {
  filename: string
  status: 'added' | 'modified' | 'removed' | 'renamed'
  patch?: string
  /** For renamed files: the path at the base. */
  previous_filename?: string
}

export interface FakeComment {
  id: number
  body: string
  user: { login: string; id: number; type: string }
  /** Set on comments an app's bot wrote (GITHUB_TOKEN's github-actions, an App installation token's app). */
  performed_via_github_app?: { slug: string } | null
  html_url: string
}

/**
 * Who the token acts as, as GitHub answers for each kind: GraphQL `viewer` knows every kind;
 * REST `GET /user` answers only a user's token (403 "Resource not accessible by integration"
 * for GITHUB_TOKEN and App installation tokens).
 */
export interface FakeIdentity {
  login: string
  id: number
  type: 'Bot' | 'User'
  /** The app a bot posts through (its slug); null for a person's token. */
  app: string | null
  restUser: boolean
}

export const GITHUB_TOKEN: FakeIdentity = { login: 'github-actions[bot]', id: 41898282, type: 'Bot', app: 'github-actions', restUser: false }
export const APP_TOKEN: FakeIdentity = { login: 'stagecraft-review[bot]', id: 900001, type: 'Bot', app: 'stagecraft-review', restUser: false }
export const PAT: FakeIdentity = { login: 'release-bot-user', id: 777, type: 'User', app: null, restUser: true }

/** A comment written by an identity, e.g. to seed the thread with an earlier run's or someone else's. */
export function commentBy(who: FakeIdentity, id: number, body: string): FakeComment {
  return { id, body, user: { login: who.login, id: who.id, type: who.type }, performed_via_github_app: who.app === null ? null : { slug: who.app }, html_url: `https://github.com/o/r/pull/7#issuecomment-${id}` }
}

/** A pull-request review comment (REST `pull-request-review-comment`), the parts Stagecraft reads. */
export interface FakeReviewComment extends FakeComment {
  path: string
  line: number
  side: 'LEFT' | 'RIGHT'
  commit_id: string
}

/** Lines of the head version a patch shows (added or context): GitHub takes review comments only there. */
export function diffLines(patch: string): Set<number> {
  const lines = new Set<number>()
  let line = 0
  for (const row of patch.split('\n')) {
    const hunk = /^@@ -\d+(?:,\d+)? \+(\d+)(?:,\d+)? @@/.exec(row)
    if (hunk !== null) line = Number(hunk[1])
    else if (row.startsWith('-')) continue
    else if (row.startsWith('+') || row.startsWith(' ')) lines.add(line++)
  }
  return lines
}

interface Fault {
  status: number
  body: unknown
  headers: Record<string, string>
  times: number
  /** 'before': answer instead of the route; 'after': do what the route does, then answer this (a 5xx after the write); 'hang': never answer. */
  when: 'before' | 'after' | 'hang'
}

/** A symlink as the contents API shows one: type symlink, its target, no content. */
export interface FakeSymlink {
  symlink: string
}

export interface FakeGitHub {
  url: string
  requests: RecordedRequest[]
  files: FakePullFile[]
  contents: Map<string, string | FakeSymlink>
  comments: FakeComment[]
  reviewComments: FakeReviewComment[]
  checkRuns: { id: number; body: Record<string, unknown>; updates: Record<string, unknown>[] }[]
  /** When each request (same order as `requests`) arrived and was answered, in performance.now() ms (the bench reads them). */
  timings: { method: string; arrived: number; answered: number }[]
  /** Scripted responses for `METHOD /path` (a trailing `*` matches any rest), used `times` times before the route works again. */
  fault(route: string, status: number, body?: unknown, headers?: Record<string, string>, times?: number): void
  /** The route does its work (a comment or a check run is made), then answers `status`: GitHub's 5xx after a write. */
  faultAfter(route: string, status: number, times?: number): void
  /** The route never answers, `times` times. */
  hang(route: string, times?: number): void
  close(): Promise<void>
}

export interface FakeOptions {
  owner?: string
  repo?: string
  pull?: number
  headSha?: string
  changedFiles?: number
  /** The token's identity (default: GITHUB_TOKEN's github-actions[bot]). */
  identity?: FakeIdentity
}

function answer(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json', ...headers })
  res.end(body === undefined ? '' : JSON.stringify(body))
}

async function readBody(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = []
  for await (const chunk of req) chunks.push(chunk as Buffer)
  const text = Buffer.concat(chunks).toString('utf8')
  if (text === '') return undefined
  try {
    return JSON.parse(text) as unknown
  } catch {
    return text
  }
}

/** What GitHub's Checks API refuses in an output: more than 50 annotations, a message over 64 KB in UTF-8 bytes, a title over 255 characters. */
function annotationProblem(body: unknown): string | null {
  const annotations = ((body as { output?: { annotations?: { message?: string; title?: string }[] } }).output?.annotations ?? [])
  if (annotations.length > 50) return `No more than 50 items are allowed; ${annotations.length} were supplied.`
  if (annotations.some((a) => Buffer.byteLength(a.message ?? '', 'utf8') > 64 * 1024)) return 'Invalid request.\n\nOnly 65535 bytes are allowed in message.'
  if (annotations.some((a) => (a.title ?? '').length > 255)) return 'Invalid request.\n\ntitle is too long (maximum is 255 characters)'
  return null
}

export async function startFakeGitHub(options: FakeOptions = {}): Promise<FakeGitHub> {
  const owner = options.owner ?? 'o'
  const repo = options.repo ?? 'r'
  const pull = options.pull ?? 7
  const identity = options.identity ?? GITHUB_TOKEN
  const faults = new Map<string, Fault[]>()
  let nextId = 1000
  const state: Omit<FakeGitHub, 'url' | 'fault' | 'faultAfter' | 'hang' | 'close'> = { requests: [], files: [], contents: new Map(), comments: [], reviewComments: [], checkRuns: [], timings: [] }
  const base = `/repos/${owner}/${repo}`

  const server: Server = createServer((req, res) => {
    const timing = { method: req.method ?? 'GET', arrived: performance.now(), answered: Number.NaN }
    res.on('finish', () => (timing.answered = performance.now()))
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1')
      const body = await readBody(req)
      const query = Object.fromEntries(url.searchParams)
      state.requests.push({ method: req.method ?? 'GET', path: url.pathname, query, body, authorization: req.headers.authorization })
      state.timings.push(timing)
      const route = `${req.method ?? 'GET'} ${url.pathname}`
      const key = (faults.get(route)?.length ?? 0) > 0 ? route : [...faults.keys()].find((k) => k.endsWith('*') && route.startsWith(k.slice(0, -1)) && (faults.get(k)?.length ?? 0) > 0)
      const scripted = key === undefined ? undefined : faults.get(key)?.[0]
      if (scripted !== undefined && key !== undefined) {
        scripted.times--
        if (scripted.times <= 0) faults.get(key)?.shift()
        if (scripted.when === 'hang') return
        if (scripted.when === 'before') {
          answer(res, scripted.status, scripted.body, scripted.headers)
          return
        }
      }
      // A fault after the route: its work is done, its answer replaced.
      const send = scripted?.when === 'after' ? (r: ServerResponse) => answer(r, scripted.status, scripted.body, scripted.headers) : answer
      const page = Number(query.page ?? '1')
      const perPage = Number(query.per_page ?? '30')
      const paged = <T>(items: T[]): void => {
        const slice = items.slice((page - 1) * perPage, page * perPage)
        const links: string[] = []
        if (page * perPage < items.length) {
          const next = new URL(url.toString())
          next.searchParams.set('page', String(page + 1))
          links.push(`<http://${req.headers.host ?? ''}${next.pathname}${next.search}>; rel="next"`)
        }
        send(res, 200, slice, links.length > 0 ? { link: links.join(', ') } : {})
      }

      /** PATCH of an issue or review comment: GitHub lets only the author (or a maintainer's token) edit one. */
      const edit = (list: FakeComment[]): void => {
        const comment = list.find((c) => c.id === Number(url.pathname.split('/').pop()))
        if (comment === undefined) send(res, 404, { message: 'Not Found' })
        else if (comment.user.id !== identity.id) send(res, 403, { message: 'Resource not accessible by integration' })
        else {
          comment.body = (body as { body: string }).body
          send(res, 200, comment)
        }
      }

      if (route === `GET ${base}/pulls/${pull}`) {
        send(res, 200, { number: pull, changed_files: options.changedFiles ?? state.files.length, head: { sha: options.headSha ?? 'headsha', repo: { full_name: `${owner}/${repo}` } }, base: { sha: 'basesha' }, state: 'open' })
      } else if (req.method === 'GET' && url.pathname.startsWith(`${base}/compare/`)) {
        send(res, 200, { files: state.files })
      } else if (route === `GET ${base}/pulls/${pull}/files`) {
        paged(state.files)
      } else if (req.method === 'GET' && url.pathname.startsWith(`${base}/contents/`)) {
        const path = decodeURIComponent(url.pathname.slice(`${base}/contents/`.length))
        const text = state.contents.get(`${query.ref ?? ''}:${path}`) ?? state.contents.get(path)
        const size = typeof text === 'string' ? Buffer.byteLength(text, 'utf8') : 0
        if (text === undefined) send(res, 404, { message: 'Not Found' })
        else if (typeof text !== 'string') send(res, 200, { type: 'symlink', target: text.symlink, size: text.symlink.length, name: path.split('/').pop(), path, sha: 'linksha' })
        // Over 1 MB the contents API sends no content: `encoding: none` and an empty string.
        else if (size > 1024 * 1024) send(res, 200, { type: 'file', encoding: 'none', size, name: path.split('/').pop(), path, content: '', sha: 'bigsha' })
        else send(res, 200, { type: 'file', encoding: 'base64', size, name: path.split('/').pop(), path, content: Buffer.from(text, 'utf8').toString('base64'), sha: 'filesha' })
      } else if (route === `GET ${base}/issues/${pull}/comments`) {
        paged(state.comments)
      } else if (route === `POST ${base}/issues/${pull}/comments`) {
        const comment = commentBy(identity, nextId++, (body as { body: string }).body)
        state.comments.push(comment)
        send(res, 201, comment)
      } else if (req.method === 'PATCH' && url.pathname.startsWith(`${base}/issues/comments/`)) {
        edit(state.comments)
      } else if (route === `GET ${base}/pulls/${pull}/comments`) {
        paged(state.reviewComments)
      } else if (route === `POST ${base}/pulls/${pull}/comments`) {
        const b = body as { body?: unknown; commit_id?: unknown; path?: unknown; line?: unknown; side?: unknown }
        if (typeof b.body !== 'string' || typeof b.commit_id !== 'string' || typeof b.path !== 'string' || typeof b.line !== 'number') return send(res, 422, { message: 'Invalid request: body, commit_id, path and line are required' })
        const file = state.files.find((f) => f.filename === b.path)
        // GitHub's answer for a line outside the diff.
        if (file === undefined || !diffLines(file.patch ?? '').has(b.line)) return send(res, 422, { message: 'Validation Failed', errors: [{ resource: 'PullRequestReviewComment', code: 'custom', field: 'pull_request_review_thread.line', message: 'could not be resolved' }] })
        const id = nextId++
        const comment: FakeReviewComment = { ...commentBy(identity, id, b.body), html_url: `https://github.com/o/r/pull/7#discussion_r${id}`, path: b.path, line: b.line, side: b.side === 'LEFT' ? 'LEFT' : 'RIGHT', commit_id: b.commit_id }
        state.reviewComments.push(comment)
        send(res, 201, comment)
      } else if (req.method === 'PATCH' && url.pathname.startsWith(`${base}/pulls/comments/`)) {
        edit(state.reviewComments)
      } else if (route === `POST ${base}/check-runs`) {
        const refused = annotationProblem(body)
        if (refused !== null) return send(res, 422, { message: refused })
        const run = { id: nextId++, body: body as Record<string, unknown>, updates: [] }
        state.checkRuns.push(run)
        send(res, 201, { id: run.id, html_url: `https://github.com/${owner}/${repo}/runs/${run.id}` })
      } else if (req.method === 'GET' && /^\/repos\/[^/]+\/[^/]+\/commits\/[^/]+\/check-runs$/.test(url.pathname) && url.pathname.startsWith(`${base}/`)) {
        const sha = decodeURIComponent(url.pathname.split('/')[5] ?? '')
        const runs = state.checkRuns.filter((r) => r.body.head_sha === sha && (query.check_name === undefined || r.body.name === query.check_name))
        send(res, 200, { total_count: runs.length, check_runs: runs.map((r) => ({ id: r.id, name: r.body.name, head_sha: r.body.head_sha, external_id: r.body.external_id ?? '', status: [r.body, ...r.updates].reduce<unknown>((s, u) => u.status ?? s, 'queued'), html_url: `https://github.com/${owner}/${repo}/runs/${r.id}` })) })
      } else if (req.method === 'PATCH' && url.pathname.startsWith(`${base}/check-runs/`)) {
        const refused = annotationProblem(body)
        if (refused !== null) return send(res, 422, { message: refused })
        const run = state.checkRuns.find((r) => r.id === Number(url.pathname.split('/').pop()))
        if (run === undefined) return send(res, 404, { message: 'Not Found' })
        run.updates.push(body as Record<string, unknown>)
        send(res, 200, { id: run.id })
      } else if (route === 'GET /user') {
        if (identity.restUser) send(res, 200, { login: identity.login, id: identity.id, type: identity.type })
        else send(res, 403, { message: 'Resource not accessible by integration' })
      } else if (route === 'POST /graphql') {
        const raw = (body as { query?: unknown } | undefined)?.query
        const query = typeof raw === 'string' ? raw : ''
        if (/\bviewer\b/.test(query)) send(res, 200, { data: { viewer: { login: identity.login, databaseId: identity.id } } })
        else send(res, 200, { errors: [{ message: `fake GitHub answers only viewer, not ${query}` }] })
      } else {
        send(res, 404, { message: `fake GitHub has no route for ${route}` })
      }
    })()
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    ...state,
    url: `http://127.0.0.1:${port}`,
    fault(route, status, body = { message: 'fault' }, headers = {}, times = 1) {
      faults.set(route, [...(faults.get(route) ?? []), { status, body, headers, times, when: 'before' }])
    },
    faultAfter(route, status, times = 1) {
      faults.set(route, [...(faults.get(route) ?? []), { status, body: { message: 'Server Error' }, headers: {}, times, when: 'after' }])
    },
    hang(route, times = 1) {
      faults.set(route, [...(faults.get(route) ?? []), { status: 0, body: undefined, headers: {}, times, when: 'hang' }])
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve())
        // A hung route keeps its connection open: end it, so the server can close.
        server.closeAllConnections()
      })
  }
}
