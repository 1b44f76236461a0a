/**
 * One sticky comment per pull request and key: found by a hidden marker at the start of the
 * body, edited only when it was written by the same user as the token, never re-written when the
 * body is unchanged. A 403 (a fork's read-only token) is an outcome, not a failure.
 */
import type { GitHubClient } from './client.js'
import { classifyFailure } from './errors.js'
import type { RepoRef } from './pull-request.js'

export type CommentOutcome =
  | { action: 'created' | 'updated' | 'unchanged'; url: string }
  | { action: 'forbidden' | 'failed' | 'skipped'; url: null; message: string }

/** The token's user; installation tokens (GITHUB_TOKEN) cannot ask, and are github-actions[bot]. */
export async function viewerLogin(client: GitHubClient): Promise<string> {
  try {
    const { data } = await client.rest.users.getAuthenticated()
    return data.login
  } catch {
    return 'github-actions[bot]'
  }
}

/** `create: false` only updates an existing comment (a PR whose findings are all fixed says so). */
export async function upsertComment(client: GitHubClient, ref: RepoRef, pull: number, marker: string, body: string, viewer: string, create = true): Promise<CommentOutcome> {
  try {
    const comments = await client.paginate(client.rest.issues.listComments, { ...ref, issue_number: pull, per_page: 100 })
    const mine = comments.find((c) => (c.body ?? '').startsWith(marker) && c.user?.login === viewer)
    if (mine === undefined) {
      if (!create) return { action: 'skipped', url: null, message: 'nothing to report and no earlier comment' }
      const { data } = await client.rest.issues.createComment({ ...ref, issue_number: pull, body })
      return { action: 'created', url: data.html_url }
    }
    if (mine.body === body) return { action: 'unchanged', url: mine.html_url }
    const { data } = await client.rest.issues.updateComment({ ...ref, comment_id: mine.id, body })
    return { action: 'updated', url: data.html_url }
  } catch (err) {
    return { ...classifyFailure(err), url: null }
  }
}
