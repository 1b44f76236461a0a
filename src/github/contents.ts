/** A file's text at a commit, through the contents API (never running or checking out PR code). */
import { textOrReason, type ReadResult } from '../sources/git.js'
import type { GitHubClient } from './client.js'
import type { RepoRef } from './pull-request.js'

export async function readFileAt(client: GitHubClient, ref: RepoRef, path: string, sha: string): Promise<ReadResult> {
  try {
    const { data } = await client.rest.repos.getContent({ ...ref, path, ref: sha })
    if (Array.isArray(data) || data.type !== 'file' || !('content' in data)) return { ok: false, reason: 'not a file' }
    return textOrReason(Buffer.from(data.content, 'base64'))
  } catch (err) {
    const missing = (err as { status?: unknown }).status === 404
    return { ok: false, reason: err instanceof Error ? err.message : String(err), ...(missing ? { missing } : {}) }
  }
}
