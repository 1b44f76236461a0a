/** `apk add` that leaves the package index in a shipped layer. */
import type { Instruction, ShellCommand } from '../model/dockerfile.js'
import { hasCacheMount, isCommand, runCommands, runs } from './run-helpers.js'
import type { Rule } from './types.js'

/** The value of `--cache-dir DIR` / `--cache-dir=DIR`, or null. */
function cacheDir(c: ShellCommand): string | null {
  const i = c.args.findIndex((a) => a === '--cache-dir' || a.startsWith('--cache-dir='))
  if (i < 0) return null
  const a = c.args[i] as string
  return a === '--cache-dir' ? (c.args[i + 1] ?? null) : a.slice('--cache-dir='.length)
}

/** Whether this `apk add` leaves an index or packages behind in the layer. */
function keepsCache(c: ShellCommand, run: Instruction, removes: (dir: string) => boolean): boolean {
  // --no-network fetches nothing (docker-library's `apk add --no-network --virtual .rundeps $runDeps`).
  if (c.args.includes('--no-cache') || c.args.includes('--no-network')) return false
  const dir = cacheDir(c)
  if (hasCacheMount(run, dir === null ? ['/var/cache/apk', '/etc/apk/cache'] : [dir])) return false
  return !removes(dir ?? '/var/cache/apk')
}

/** Whether an `rm` of the RUN deletes the folder, asked once per folder (a RUN can hold thousands of commands). */
function removalCheck(commands: readonly ShellCommand[]): (dir: string) => boolean {
  const removed = commands.filter((c) => c.name === 'rm').flatMap((c) => c.args)
  const answers = new Map<string, boolean>()
  return (dir) => {
    let answer = answers.get(dir)
    if (answer === undefined) answers.set(dir, (answer = removed.some((r) => r.startsWith(dir))))
    return answer
  }
}

export const apkNoCache: Rule = {
  meta: {
    id: 'apk-no-cache',
    title: 'apk add keeps its package cache in a shipped layer',
    severity: 'warning',
    category: 'size',
    scope: 'ships',
    equivalents: { hadolint: 'DL3019', buildkit: null },
    needs: { programs: ['apk'] }
  },
  check: ({ model }) =>
    model.stages.flatMap((stage) =>
      runs(stage).flatMap((run) => {
        const commands = runCommands(run)
        const removes = removalCheck(commands)
        // Commands carry no line of their own, so the report spans the whole RUN.
        if (!commands.some((c) => isCommand(c, 'apk', 'add') && keepsCache(c, run, removes))) return []
        return [{ line: run.line, endLine: run.endLine, message: 'apk add without --no-cache keeps the package index in the shipped image: use apk add --no-cache', stage: stage.index }]
      })
    )
}
