#!/usr/bin/env node
/** The local entry point: `npx stagecraft [paths...]`. */
import { existsSync, realpathSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { setFlagsFromString } from 'node:v8'
import { once } from 'node:events'
import { runCli } from './cli/run.js'

// A run over many files keeps little (about 2 KB a file), but by default V8 lets the heap grow up
// to four times what survived the last full collection before it collects again: 160 MB at 10,320
// files. One and a half times is enough here (about 140 MB; the extra full collections of a heap
// of 20 MB cost no measurable time). A heuristic V8 reads each time it sizes the heap, so setting
// it now, before any work, applies.
setFlagsFromString('--heap-growing-percent=50')

// `stagecraft … | head` closes the pipe early: that is the reader's choice, not a failure.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(0)
  throw err
})

/** FORCE_COLOR (as CI logs, which are no TTY, set it) beats NO_COLOR, which beats the terminal check. */
function colour(): boolean {
  const force = process.env.FORCE_COLOR
  if (force !== undefined) return force !== '0' && force !== 'false'
  return process.stdout.isTTY === true && process.env.NO_COLOR === undefined
}

/** The problem matcher the package ships beside dist/cli/index.js (the bin may be a symlink, as npx makes it). */
function matcherFile(): string | null {
  try {
    const file = resolve(dirname(realpathSync(process.argv[1] ?? '')), '../../.github/stagecraft-matcher.json')
    return existsSync(file) ? file : null
  } catch {
    return null
  }
}

runCli(process.argv.slice(2), {
  cwd: process.cwd(),
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  isTty: colour(),
  env: process.env,
  matcherFile: matcherFile(),
  // process.stdout queues what a full pipe cannot take yet: wait for it to drain.
  drained: () => (process.stdout.writableNeedDrain ? once(process.stdout, 'drain').then(() => undefined) : null)
}).then(
  (code) => {
    process.exitCode = code
  },
  (err: unknown) => {
    process.stderr.write(`stagecraft: ${err instanceof Error ? err.message : String(err)}\n`)
    process.exitCode = 2
  }
)
