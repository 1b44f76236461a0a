/**
 * The repository's files as the build-definition readers see them (src/builds): the list, from
 * git when the folder is a work tree (what is tracked or not ignored), else a walk that skips
 * dependency and VCS folders; and each file's text, read only when asked for.
 */
import { execFileSync } from 'node:child_process'
import { lstatSync, readdirSync } from 'node:fs'
import { join, relative, resolve, sep } from 'node:path'
import type { RepoFiles } from '../builds/types.js'
import { readRegularFile } from './workspace.js'

const SKIPPED = new Set(['.git', 'node_modules', 'vendor', 'third_party', '.venv', '__pycache__'])
/** A walk stops here: a folder this big is not a repository to read build files from. */
const MAX_FILES = 200_000
/** Build definition files are small; a larger one is not read (a note says it cannot be read). */
const MAX_BYTES = 4 * 1024 * 1024

function gitFiles(root: string): string[] | null {
  try {
    const out = execFileSync('git', ['-C', root, 'ls-files', '-z', '--cached', '--others', '--exclude-standard'], { stdio: ['ignore', 'pipe', 'ignore'], maxBuffer: 256 * 1024 * 1024 })
    return out.toString('utf8').split('\0').filter((p) => p !== '')
  } catch {
    return null
  }
}

function walk(root: string): string[] {
  const out: string[] = []
  const pending = [root]
  while (pending.length > 0 && out.length < MAX_FILES) {
    const dir = pending.pop() as string
    let entries
    try {
      entries = readdirSync(dir, { withFileTypes: true })
    } catch {
      continue
    }
    for (const e of entries) {
      if (e.isDirectory()) {
        if (!SKIPPED.has(e.name)) pending.push(join(dir, e.name))
      } else if (e.isFile()) out.push(relative(root, join(dir, e.name)).split(sep).join('/'))
    }
  }
  return out
}

export function repositoryFiles(root: string): RepoFiles {
  const absolute = resolve(root)
  let list: string[] | null = null
  return {
    list: () => (list ??= gitFiles(absolute) ?? walk(absolute)),
    read: (path) => {
      const file = resolve(absolute, path)
      // Inside the repository, a regular file (not a link or a FIFO a pull request planted), of a sane size.
      if (!file.startsWith(absolute + sep)) return null
      try {
        if (!lstatSync(file).isFile()) return null
      } catch {
        return null
      }
      const read = readRegularFile(absolute, file, MAX_BYTES)
      return read.ok ? read.bytes.toString('utf8') : null
    }
  }
}
