/**
 * Reading files from the checked-out workspace (or the folder the CLI runs in), which a pull
 * request controls: only regular files whose real path stays inside the root, never more than a
 * cap, and never blocking (a FIFO or a device is refused before it is read).
 */
import { closeSync, constants, fstatSync, openSync, readSync, realpathSync } from 'node:fs'
import { resolve, sep } from 'node:path'
import { textOrReason, type ReadResult } from './git.js'

/** The contents API returns files up to 1 MB with their content: the same cap for every Dockerfile, however it is read. */
export const MAX_DOCKERFILE_BYTES = 1024 * 1024

export type FileRead = { ok: true; bytes: Buffer } | { ok: false; reason: string; missing?: boolean }

/** The real path of each root asked for: a run reads thousands of files under one root. */
const realRoots = new Map<string, string>()

/** `root` with its links resolved (as given when it cannot be), resolved once per run. */
export function realRoot(root: string): string {
  let real = realRoots.get(root)
  if (real === undefined) {
    try {
      real = realpathSync.native(root)
    } catch {
      real = resolve(root)
    }
    realRoots.set(root, real)
  }
  return real
}

function inside(root: string, path: string): boolean {
  return path === root || path.startsWith(root.endsWith(sep) ? root : root + sep)
}

/**
 * The bytes of `path` (relative to `root`, or absolute inside it), or why not: missing, a link
 * that leaves the root, not a regular file (FIFO, device, socket, folder), or over `maxBytes`.
 * Opened with O_NONBLOCK and O_NOFOLLOW on the resolved path, so nothing waits or is redirected.
 * `confined: false` (the CLI, whose user names the files) reads a path outside the root too.
 */
export function readRegularFile(root: string, path: string, maxBytes: number, confined = true): FileRead {
  const flags = constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK
  let fd: number | null = null
  if (!confined) {
    // Any path will do, so no link needs resolving first: open it as named, and resolve only a
    // final link (ELOOP under O_NOFOLLOW), as the user may name a link to their file.
    try {
      fd = openSync(resolve(root, path), flags)
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code
      if (code === 'ENOENT') return { ok: false, reason: 'ENOENT', missing: true }
      if (code !== 'ELOOP') return { ok: false, reason: code ?? String(err) }
    }
  }
  if (fd === null) {
    let real: string
    try {
      // The C library's realpath: one call, where fs.realpathSync walks the path in JavaScript with an lstat per component.
      real = realpathSync.native(resolve(root, path))
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code
      return code === 'ENOENT' ? { ok: false, reason: 'ENOENT', missing: true } : { ok: false, reason: code ?? String(err) }
    }
    if (confined && !inside(realRoot(root), real)) return { ok: false, reason: 'a link to a file outside the workspace, not read' }
    try {
      fd = openSync(real, flags)
    } catch (err) {
      return { ok: false, reason: (err as NodeJS.ErrnoException).code ?? String(err) }
    }
  }
  try {
    const stat = fstatSync(fd)
    if (!stat.isFile()) return { ok: false, reason: 'not a regular file (a FIFO, a device or a folder), not read' }
    if (stat.size > maxBytes) return { ok: false, reason: `too large to review (${stat.size} bytes; the limit is ${maxBytes} bytes)` }
    // Read at most one byte past the cap: a file that grows while it is read is still cut. Unzeroed:
    // only the bytes read are handed out.
    const buffer = Buffer.allocUnsafe(Math.min(stat.size, maxBytes) + 1)
    let length = 0
    for (let n = 1; n > 0 && length < buffer.length; length += n) n = readSync(fd, buffer, length, buffer.length - length, null)
    if (length > maxBytes) return { ok: false, reason: `too large to review (over ${maxBytes} bytes; the limit is ${maxBytes} bytes)` }
    return { ok: true, bytes: buffer.subarray(0, length) }
  } catch (err) {
    return { ok: false, reason: (err as NodeJS.ErrnoException).code ?? String(err) }
  } finally {
    closeSync(fd)
  }
}

/**
 * A Dockerfile's text, or why not: the error code, a refused file (see readRegularFile), or
 * binary content. Synchronous on purpose: Dockerfiles are small, and a promise per file costs
 * more than the read itself.
 */
export function readWorkspaceFile(root: string, path: string, confined = true): ReadResult {
  const read = readRegularFile(root, path, MAX_DOCKERFILE_BYTES, confined)
  return read.ok ? textOrReason(read.bytes) : { ok: false, reason: read.reason }
}
