/** A file's text at a commit, through the contents API (never running or checking out PR code). */
import { textOrReason, type ReadResult } from '../sources/git.js'
import { MAX_DOCKERFILE_BYTES } from '../sources/workspace.js'
import type { GitHubClient } from './client.js'
import type { RepoRef } from './pull-request.js'

export async function readFileAt(client: GitHubClient, ref: RepoRef, path: string, sha: string): Promise<ReadResult> {
  try {
    const { data } = await client.rest.repos.getContent({ ...ref, path, ref: sha })
    // A symlink comes back as type "symlink" (its target, not a file), a submodule as "submodule".
    if (Array.isArray(data) || data.type !== 'file' || !('content' in data)) return { ok: false, reason: `not a regular file (${Array.isArray(data) ? 'a folder' : data.type})` }
    // Over 1 MB the API sends no content (`encoding: none`): say so, never review it as empty.
    if (data.size > MAX_DOCKERFILE_BYTES || data.encoding !== 'base64') return { ok: false, reason: `too large to review (${data.size} bytes; the limit is ${MAX_DOCKERFILE_BYTES} bytes)` }
    return textOrReason(Buffer.from(data.content, 'base64'))
  } catch (err) {
    const missing = (err as { status?: unknown }).status === 404
    return { ok: false, reason: err instanceof Error ? err.message : String(err), ...(missing ? { missing } : {}) }
  }
}
