/** The files a pull request changed, with the lines each one changed. */
import { changedLines, type LineRange } from '../diff/patch.js'
import type { GitHubClient } from './client.js'

export interface ChangedFile {
  path: string
  status: string
  /** 'all' for added files and files GitHub sent no patch for (large diffs). */
  lines: LineRange[] | 'all'
  /** The path before a rename. */
  previousPath?: string
}

export interface PullRequestFiles {
  files: ChangedFile[]
  /** Paths the change deletes. */
  removed: string[]
  /** GitHub lists at most 3,000 files; true when the PR has more than were listed. */
  truncated: boolean
  changedFiles: number
}

export interface RepoRef {
  owner: string
  repo: string
}

export async function listPullRequestFiles(client: GitHubClient, ref: RepoRef, pull: number): Promise<PullRequestFiles> {
  const { data: pr } = await client.rest.pulls.get({ ...ref, pull_number: pull })
  const listed = await client.paginate(client.rest.pulls.listFiles, { ...ref, pull_number: pull, per_page: 100 })
  return { ...toChangedFiles(listed), truncated: listed.length < pr.changed_files, changedFiles: pr.changed_files }
}

interface ListedFile {
  filename: string
  status: string
  patch?: string
  previous_filename?: string
}

function toChangedFiles(listed: readonly ListedFile[]): { files: ChangedFile[]; removed: string[] } {
  const files = listed
    .filter((f) => f.status !== 'removed')
    .map((f) => ({
      path: f.filename,
      status: f.status,
      lines: f.status === 'added' || f.patch === undefined ? ('all' as const) : changedLines(f.patch),
      ...(f.previous_filename !== undefined ? { previousPath: f.previous_filename } : {})
    }))
  return { files, removed: listed.filter((f) => f.status === 'removed').map((f) => f.filename) }
}

/** Files changed by a push (compare API; GitHub lists at most 300 files there). */
export async function listPushFiles(client: GitHubClient, ref: RepoRef, before: string, after: string): Promise<PullRequestFiles> {
  const { data } = await client.rest.repos.compareCommitsWithBasehead({ ...ref, basehead: `${before}...${after}`, per_page: 100 })
  const listed = data.files ?? []
  return { ...toChangedFiles(listed), truncated: listed.length >= 300, changedFiles: listed.length }
}
