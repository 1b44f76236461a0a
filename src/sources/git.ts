/** Reading Dockerfile text from the local checkout: as it is, or as it was at a git revision. */
import { execFileSync } from 'node:child_process'

/** `missing` says the file does not exist there (as opposed to a failed read). */
export type ReadResult = { ok: true; text: string } | { ok: false; reason: string; missing?: boolean }

/** NUL bytes mean binary content: a Dockerfile is text. */
export function textOrReason(buffer: Buffer): ReadResult {
  if (buffer.includes(0)) return { ok: false, reason: 'binary content (NUL bytes), not a Dockerfile' }
  return { ok: true, text: buffer.toString('utf8') }
}

function git(cwd: string, args: string[]): Buffer {
  return execFileSync('git', ['-C', cwd, ...args], { stdio: ['ignore', 'pipe', 'ignore'], maxBuffer: 64 * 1024 * 1024 })
}

/** The commit checked out in `cwd`, or null when it is no git work tree. */
export function gitHead(cwd: string): string | null {
  try {
    return git(cwd, ['rev-parse', 'HEAD']).toString('utf8').trim()
  } catch {
    return null
  }
}

/** Whether the repository at `cwd` has this commit (a shallow checkout often lacks the PR's base). */
export function hasCommit(cwd: string, rev: string): boolean {
  try {
    git(cwd, ['cat-file', '-e', `${rev}^{commit}`])
    return true
  } catch {
    return false
  }
}

/** A file as it was at a revision (`path` as git reads it after `rev:`, e.g. `./Dockerfile` relative to cwd). */
export function readAtRevision(cwd: string, rev: string, path: string): ReadResult {
  try {
    git(cwd, ['cat-file', '-e', `${rev}:${path}`])
  } catch {
    return { ok: false, reason: 'not in that commit', missing: true }
  }
  try {
    return textOrReason(git(cwd, ['show', `${rev}:${path}`]))
  } catch (err) {
    return { ok: false, reason: err instanceof Error ? err.message : String(err) }
  }
}

/** A failed read taken as "not there" (the CLI's --base: a file git cannot show is new to it). */
export function asMissing(result: ReadResult): ReadResult {
  return result.ok ? result : { ok: false, reason: result.reason, missing: true }
}
