/**
 * What the event asks to review: for a pull request or a push, the Dockerfiles it changed (with
 * their changed lines and their version before), read from the workspace when it holds that
 * commit, else through the API; for any other event, every Dockerfile in the workspace.
 */
import picomatch from 'picomatch'
import { trimTrailingSlashes } from '../parse/paths.js'
import type { Source } from '../review/review.js'
import { DOCKERFILE_PATTERNS, IGNORED_PATTERNS, discoverDockerfiles } from '../sources/discover.js'
import { gitHead, hasCommit, readAtRevision, type ReadResult } from '../sources/git.js'
import { readWorkspaceFile } from '../sources/workspace.js'
import type { GitHubClient } from './client.js'
import { runnerContext } from './context.js'
import { readFileAt } from './contents.js'
import type { ActionInputs } from './inputs.js'
import { listPullRequestFiles, listPushFiles, type ChangedFile, type PullRequestFiles, type RepoRef } from './pull-request.js'

export interface PullRequestRef {
  number: number
  head: { sha: string }
  base?: { sha?: unknown }
}

export interface EventSources {
  sources: Source[]
  /** Dockerfiles the change deletes. */
  removed: string[]
  notes: string[]
  /** Why Dockerfiles of the change may be missing (a cut or failed file list): the review fails closed. */
  incomplete: string[]
  pr: PullRequestRef | null
  /** The commit the check run is for. */
  headSha: string | undefined
}

/** The repository the run is for; empty outside Actions (a local run: nothing talks to GitHub then). */
export function repositoryRef(): RepoRef {
  // GITHUB_REPOSITORY alone: the event payload is read once, by eventSources.
  const [owner, repo] = (process.env.GITHUB_REPOSITORY ?? '').split('/')
  return owner !== undefined && owner !== '' && repo !== undefined ? { owner, repo } : { owner: '', repo: '' }
}

/** Does a repository path name a Dockerfile the inputs ask for? */
function pathMatcher(inputs: ActionInputs): (path: string) => boolean {
  const names = picomatch([...DOCKERFILE_PATTERNS], { nocase: true, dot: true })
  const ignored = picomatch([...IGNORED_PATTERNS], { dot: true })
  if (inputs.dockerfiles.length === 0) return (p) => names(p) && !ignored(p)
  const globs = picomatch(inputs.dockerfiles, { dot: true })
  const folders = inputs.dockerfiles.filter((d) => !/[*?[{]/.test(d)).map((d) => `${trimTrailingSlashes(d.replace(/^\.\/?/, ''))}/`)
  return (p) => !ignored(p) && (globs(p) || (names(p) && folders.some((f) => f === '/' || p.startsWith(f))))
}

/** A real commit SHA: a new branch's push has `before` all zeros. */
function isCommit(sha: unknown): boolean {
  return typeof sha === 'string' && /^[0-9a-f]{7,40}$/.test(sha) && !/^0+$/.test(sha)
}

type Reader = (path: string) => ReadResult | Promise<ReadResult>

/** Reads files as they were at a commit: from git when the workspace has that commit, else through the API. */
function commitReader(workspace: string, client: GitHubClient, ref: RepoRef, sha: string): Reader {
  if (!hasCommit(workspace, sha)) return (path) => readFileAt(client, ref, path, sha)
  return (path) => readAtRevision(workspace, sha, path)
}

function failure(err: unknown): string {
  // A timeout (an AbortError, which octokit gives status 500) is said as such.
  if (err instanceof Error && err.name === 'AbortError') return err.message
  const status = typeof err === 'object' && err !== null && 'status' in err ? ` ${String(err.status)}` : ''
  return `the API answered${status}: ${err instanceof Error ? err.message : String(err)}`.slice(0, 300)
}

/** A line break (or U+2028/U+2029) in a path: it would break every annotation, log line and table it is written to. */
const LINE_BREAK = /[\n\r\u2028\u2029]/

/**
 * The changed Dockerfiles, and what is said of those whose path holds a line break: they are
 * not reviewed, and the review fails closed (a name like `Dockerfile\n` is still a Dockerfile to a build).
 */
function withOddPaths(files: readonly ChangedFile[], matches: (path: string) => boolean): { files: ChangedFile[]; odd: string[] } {
  const kept: ChangedFile[] = []
  const odd: string[] = []
  for (const f of files) {
    if (!LINE_BREAK.test(f.path)) {
      if (matches(f.path)) kept.push(f)
      continue
    }
    const breaks = new RegExp(LINE_BREAK.source, 'g')
    if (!matches(f.path.replace(breaks, ' ')) && !matches(f.path.replace(breaks, ''))) continue
    const shown = f.path.slice(0, 200).replace(breaks, (c) => (c === '\n' ? '\\n' : c === '\r' ? '\\r' : `\\u${c.charCodeAt(0).toString(16)}`))
    odd.push(`A changed Dockerfile has a line break in its path (${shown}), so it was not reviewed.`)
  }
  return { files: kept, odd }
}

function changedSource(f: ChangedFile, read: Reader, readPrevious: Reader | null): Source {
  return {
    path: f.path,
    changed: f.lines,
    status: f.status,
    read: () => read(f.path),
    // A renamed file is compared with its version at the old path.
    ...(readPrevious === null ? {} : { readPrevious: () => readPrevious(f.previousPath ?? f.path) })
  }
}

export async function eventSources(inputs: ActionInputs, workspace: string, client: GitHubClient | null, ref: RepoRef): Promise<EventSources> {
  const context = runnerContext()
  const event = context.eventName
  const pr = (context.payload.pull_request ?? null) as PullRequestRef | null
  const fromWorkspace: Reader = (p) => readWorkspaceFile(workspace, p)
  const notes: string[] = []
  // Without the payload the change is unknown: every Dockerfile is reviewed, and the summary says why.
  if (context.payloadError !== undefined) notes.push(`The ${event === '' ? 'event' : event} payload could not be read (${context.payloadError}), so the changed files are unknown: every Dockerfile in the workspace was reviewed.`)
  if (pr !== null && client !== null && (event === 'pull_request' || event === 'pull_request_target')) {
    let listed: PullRequestFiles
    try {
      listed = await listPullRequestFiles(client, ref, pr.number)
    } catch (err) {
      return { sources: [], removed: [], notes, incomplete: [`The pull request's files could not be listed (${failure(err)}), so no Dockerfile was reviewed.`], pr, headSha: pr.head.sha }
    }
    const incomplete = listed.truncated ? [`This pull request changes ${listed.changedFiles} files; GitHub lists only the first 3,000, so Dockerfiles beyond them were not reviewed.`] : []
    const matches = pathMatcher(inputs)
    const baseSha = pr.base?.sha
    const readPrevious = typeof baseSha === 'string' && baseSha !== '' ? commitReader(workspace, client, ref, baseSha) : null
    // pull_request_target runs with a write token: never read the PR's files from disk, only as data.
    const onDisk = event === 'pull_request' && gitHead(workspace) === pr.head.sha
    const read: Reader = onDisk ? fromWorkspace : (p) => readFileAt(client, ref, p, pr.head.sha)
    const { files, odd } = withOddPaths(listed.files, matches)
    incomplete.push(...odd)
    const sources = files.map((f) => changedSource(f, read, readPrevious))
    return { sources, removed: listed.removed.filter(matches), notes, incomplete, pr, headSha: pr.head.sha }
  }
  if (event === 'push' && client !== null && isCommit(context.payload.before) && isCommit(context.payload.after)) {
    const after = context.payload.after as string
    let listed: PullRequestFiles
    try {
      listed = await listPushFiles(client, ref, context.payload.before as string, after)
    } catch (err) {
      return { sources: [], removed: [], notes, incomplete: [`The files of this push could not be listed (${failure(err)}), so no Dockerfile was reviewed.`], pr, headSha: context.sha }
    }
    const incomplete = listed.truncated ? ['This push changes 300 files or more; GitHub lists only the first 300, so Dockerfiles beyond them were not reviewed.'] : []
    const matches = pathMatcher(inputs)
    const readPrevious = commitReader(workspace, client, ref, context.payload.before as string)
    const read: Reader = gitHead(workspace) === after ? fromWorkspace : (p) => readFileAt(client, ref, p, after)
    const { files, odd } = withOddPaths(listed.files, matches)
    incomplete.push(...odd)
    const sources = files.map((f) => changedSource(f, read, readPrevious))
    return { sources, removed: listed.removed.filter(matches), notes, incomplete, pr, headSha: context.sha }
  }
  // Other events, and a push that creates a branch: every Dockerfile in the workspace.
  const found = await discoverDockerfiles(inputs.dockerfiles, workspace)
  return { sources: found.files.map((path) => ({ path, changed: 'all', read: () => fromWorkspace(path) })), removed: [], notes, incomplete: [], pr, headSha: pr?.head.sha ?? context.sha }
}
