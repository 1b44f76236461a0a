/**
 * One sticky comment per pull request and key: found by a hidden marker at the start of the
 * body and edited only when the token's own identity wrote it, never re-written when the body is
 * unchanged. A 403 (a fork's read-only token) is an outcome, not a failure.
 *
 * Who the token is comes from GraphQL's `viewer`, which answers for every kind of token: the
 * workflow's GITHUB_TOKEN (github-actions[bot]), a GitHub App installation token (<app>[bot])
 * and a personal access token (its user). REST `GET /user` answers only for user tokens, so it is
 * the fallback, not the source.
 */
import { NO_RETRY, type GitHubClient } from './client.js'
import { classifyFailure, maybeApplied } from './errors.js'
import type { RepoRef } from './pull-request.js'

export type CommentOutcome =
  | { action: 'created' | 'updated' | 'unchanged'; url: string }
  | { action: 'forbidden' | 'failed' | 'skipped'; url: null; message: string }

/** The account a token acts as; `id` is the account's database id, as REST reports `user.id`. */
export interface Viewer {
  login: string
  id: number | null
}

/** The parts of an issue comment (REST `issue-comment`) that say who wrote it. */
export interface CommentAuthorship {
  body?: string | undefined
  user: { login: string; id: number; type?: string | undefined } | null
  performed_via_github_app?: { slug?: string | undefined } | null | undefined
}

/** The token's account, or null when neither GraphQL nor REST would say. */
export async function whoAmI(client: GitHubClient): Promise<Viewer | null> {
  try {
    const { viewer } = await client.graphql<{ viewer?: { login?: unknown; databaseId?: unknown } }>('query { viewer { login databaseId } }')
    if (typeof viewer?.login === 'string' && viewer.login !== '') return { login: viewer.login, id: typeof viewer.databaseId === 'number' ? viewer.databaseId : null }
  } catch {
    // An old GitHub Enterprise Server, or GraphQL down: ask REST.
  }
  try {
    const { data } = await client.rest.users.getAuthenticated()
    return { login: data.login, id: data.id }
  } catch {
    return null
  }
}

/**
 * Did this token's account write the comment? By account id when known (ids are unique across
 * users and bots); else by login, where an app's bot is `<slug>[bot]` in REST whether or not the
 * viewer's login carries the suffix. With no identity at all, only a bot posting through an app
 * can own it: a person's comment that copies the marker never does.
 */
export function writtenBy(comment: CommentAuthorship, viewer: Viewer | null): boolean {
  const user = comment.user
  if (user === null) return false
  if (viewer === null) return user.type === 'Bot' && comment.performed_via_github_app !== null && comment.performed_via_github_app !== undefined
  if (viewer.id !== null) return user.id === viewer.id
  return user.login === viewer.login || (user.type === 'Bot' && user.login === `${viewer.login}[bot]`)
}

/**
 * `create: false` only updates an existing comment (a PR whose findings are all fixed says so).
 * The token's identity is asked only when a comment carries the marker (the first run needs none).
 */
export async function upsertComment(client: GitHubClient, ref: RepoRef, pull: number, marker: string, body: string, create = true): Promise<CommentOutcome> {
  try {
    const comments = await client.paginate(client.rest.issues.listComments, { ...ref, issue_number: pull, per_page: 100 })
    const marked = comments.filter((c) => (c.body ?? '').startsWith(marker))
    const viewer = marked.length === 0 ? null : await whoAmI(client)
    const mine = marked.find((c) => writtenBy(c, viewer))
    if (mine === undefined) {
      if (!create) return { action: 'skipped', url: null, message: 'nothing to report and no earlier comment' }
      return { action: 'created', url: await createOnce(client, ref, pull, marker, body, viewer) }
    }
    if (mine.body === body) return { action: 'unchanged', url: mine.html_url }
    const { data } = await client.rest.issues.updateComment({ ...ref, comment_id: mine.id, body })
    return { action: 'updated', url: data.html_url }
  } catch (err) {
    return { ...classifyFailure(err), url: null }
  }
}

/**
 * Posts the comment, and after a server error or no answer (GitHub may have made it anyway)
 * lists the thread again before posting a second time: never two sticky comments.
 */
async function createOnce(client: GitHubClient, ref: RepoRef, pull: number, marker: string, body: string, known: Viewer | null): Promise<string> {
  try {
    return (await client.rest.issues.createComment({ ...ref, issue_number: pull, body, request: NO_RETRY })).data.html_url
  } catch (err) {
    if (!maybeApplied(err)) throw err
    const comments = await client.paginate(client.rest.issues.listComments, { ...ref, issue_number: pull, per_page: 100 })
    const marked = comments.filter((c) => (c.body ?? '').startsWith(marker) && c.body === body)
    const viewer = marked.length === 0 ? known : (known ?? (await whoAmI(client)))
    const made = marked.find((c) => writtenBy(c, viewer))
    if (made !== undefined) return made.html_url
    return (await client.rest.issues.createComment({ ...ref, issue_number: pull, body, request: NO_RETRY })).data.html_url
  }
}
