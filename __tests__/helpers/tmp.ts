/** A throw-away folder tree for tests that touch the file system. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'

export interface TempTree {
  dir: string
  remove(): void
}

export function tempTree(files: Record<string, string>): TempTree {
  const dir = mkdtempSync(join(tmpdir(), 'stagecraft-'))
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true })
    writeFileSync(join(dir, path), content)
  }
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) }
}
