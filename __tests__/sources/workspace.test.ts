import { afterAll, describe, expect, it } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import { mkdirSync, symlinkSync } from 'node:fs'
import { join } from 'node:path'
import { readRegularFile, readWorkspaceFile } from '../../src/sources/workspace.js'
import { tempTree } from '../helpers/tmp.js'

// The CLI reads unconfined (it opens the named path and resolves only a final link), the action
// confined (it resolves every link first and refuses a file outside the root): both must refuse
// the same hostile files and read the same good ones.
describe('readRegularFile, confined and not', () => {
  const tree = tempTree({ 'repo/Dockerfile': 'FROM a\n', 'repo/sub/Dockerfile': 'FROM b\n', 'outside/Dockerfile': 'FROM secret\n', 'repo/big': 'x'.repeat(100) })
  const repo = join(tree.dir, 'repo')
  symlinkSync(join(tree.dir, 'outside/Dockerfile'), join(repo, 'out.Dockerfile'))
  symlinkSync(join(tree.dir, 'outside'), join(repo, 'outdir'))
  symlinkSync(join(repo, 'sub/Dockerfile'), join(repo, 'in.Dockerfile'))
  symlinkSync(join(repo, 'nowhere'), join(repo, 'dangling.Dockerfile'))
  symlinkSync(join(repo, 'loop.Dockerfile'), join(repo, 'loop.Dockerfile'))
  execFileSync('mkfifo', [join(repo, 'fifo.Dockerfile')])
  mkdirSync(join(repo, 'folder.Dockerfile'))
  afterAll(() => tree.remove())
  const text = (read: ReturnType<typeof readRegularFile>): string | null => (read.ok ? read.bytes.toString('utf8') : null)

  it('reads a plain file and a link inside the root, both ways', () => {
    for (const confined of [true, false]) {
      expect(text(readRegularFile(repo, 'Dockerfile', 1024, confined))).toBe('FROM a\n')
      expect(text(readRegularFile(repo, 'in.Dockerfile', 1024, confined))).toBe('FROM b\n')
      expect(text(readRegularFile(repo, join(repo, 'sub/Dockerfile'), 1024, confined))).toBe('FROM b\n')
    }
  })

  it('refuses a link out of the root, or through a linked folder, only when confined', () => {
    expect(readRegularFile(repo, 'out.Dockerfile', 1024, true)).toEqual({ ok: false, reason: 'a link to a file outside the workspace, not read' })
    expect(readRegularFile(repo, 'outdir/Dockerfile', 1024, true)).toEqual({ ok: false, reason: 'a link to a file outside the workspace, not read' })
    expect(text(readRegularFile(repo, 'out.Dockerfile', 1024, false))).toBe('FROM secret\n')
    expect(text(readRegularFile(repo, 'outdir/Dockerfile', 1024, false))).toBe('FROM secret\n')
    expect(text(readRegularFile(repo, '../outside/Dockerfile', 1024, false))).toBe('FROM secret\n')
  })

  it('gives the same reasons both ways for missing, dangling, looping, FIFO, folder and too large', () => {
    for (const confined of [true, false]) {
      expect(readRegularFile(repo, 'missing', 1024, confined)).toEqual({ ok: false, reason: 'ENOENT', missing: true })
      expect(readRegularFile(repo, 'dangling.Dockerfile', 1024, confined)).toEqual({ ok: false, reason: 'ENOENT', missing: true })
      expect(readRegularFile(repo, 'loop.Dockerfile', 1024, confined)).toEqual({ ok: false, reason: 'ELOOP' })
      // Opened without blocking: a FIFO with no writer does not hang the read.
      expect(readRegularFile(repo, 'fifo.Dockerfile', 1024, confined)).toEqual({ ok: false, reason: 'not a regular file (a FIFO, a device or a folder), not read' })
      expect(readRegularFile(repo, 'folder.Dockerfile', 1024, confined)).toEqual({ ok: false, reason: 'not a regular file (a FIFO, a device or a folder), not read' })
      expect(readRegularFile(repo, 'big', 99, confined)).toEqual({ ok: false, reason: 'too large to review (100 bytes; the limit is 99 bytes)' })
      expect(readRegularFile(repo, 'big', 100, confined).ok).toBe(true)
      expect(readRegularFile(repo, 'Dockerfile/x', 1024, confined)).toEqual({ ok: false, reason: 'ENOTDIR' })
    }
  })

  it('reads exactly the bytes of the file (the buffer is not zeroed, only its read part is handed out)', () => {
    const read = readWorkspaceFile(repo, 'big', false)
    expect(read).toEqual({ ok: true, text: 'x'.repeat(100) })
  })
})
