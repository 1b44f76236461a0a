/** Reading Dockerfiles from the checked-out workspace (or the folder the CLI runs in). */
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { textOrReason, type ReadResult } from './git.js'

/**
 * A file's text, or why not: the error code, or binary content. Synchronous on purpose:
 * Dockerfiles are small, and a promise per file costs more than the read itself.
 */
export function readWorkspaceFile(root: string, path: string): ReadResult {
  try {
    return textOrReason(readFileSync(resolve(root, path)))
  } catch (err) {
    return { ok: false, reason: (err as NodeJS.ErrnoException).code ?? String(err) }
  }
}
