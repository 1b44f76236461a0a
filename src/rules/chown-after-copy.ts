/** `RUN chown` over exactly what a COPY just added stores those files again in a new layer; COPY --chown does not. */
import { expandWord } from '../parse/variables.js'
import { knownValue, resolvePath, workdirs } from './helpers.js'
import { isCommand, operands, runCommands, runs } from './run-helpers.js'
import type { Instruction, ShellCommand } from '../model/dockerfile.js'
import type { Rule } from './types.js'

/** Folders that hold package files too: a chown of one covers more than what COPY put there. */
const SHARED_FOLDERS = /^\/(?:etc|usr\/share|usr\/lib|usr\/local\/etc|usr\/local\/lib|var\/lib|lib|lib64|bin|sbin)(?:\/|$)/

/** Commands that put no file content into a folder (mkdir only makes empty ones). */
const NO_OUTPUT = new Set(['chown', 'chmod', 'chgrp', 'mkdir', 'useradd', 'adduser', 'groupadd', 'addgroup', 'usermod', 'echo', 'true', 'set', 'test', '['])

/** Commands that may write files: all but those that only change owners, modes or accounts. */
function writers(commands: readonly ShellCommand[]): ShellCommand[] {
  return commands.filter((c) => !NO_OUTPUT.has(c.program))
}

/** Whether these commands may have written under `path`: some run there, or name the path. */
function writeUnder(commands: readonly ShellCommand[], cwd: string, path: string): boolean {
  const active = writers(commands)
  if (active.length === 0) return false
  if (cwd === path || cwd.startsWith(`${path}/`)) return true
  return active.some((c) => c.args.some((a) => a === path || a.startsWith(`${path}/`)))
}

/** Whether a place some RUN wrote to is the folder or inside it. */
function touches(places: ReadonlySet<string>, folder: string): boolean {
  for (const place of places) if (place === folder || place.startsWith(folder === '/' ? '/' : `${folder}/`)) return true
  return false
}

interface Copied {
  path: string
  /** Not surely a single file: a folder may hold files COPY did not put there. */
  folder: boolean
  ins: Instruction
}

const isRecursive = (a: string): boolean => a === '-R' || a === '--recursive' || (/^-[a-zA-Z]+$/.test(a) && a.includes('R'))

/** What COPY put where: its destination and, when that is a folder, each named source inside it. */
function copiedPaths(ins: Instruction, cwd: string): Copied[] {
  const copy = ins.copy
  const dest = knownValue(copy?.destinationWord)
  if (copy === undefined || dest === null || dest.includes('$')) return []
  const path = resolvePath(cwd, dest)
  const out: Copied[] = [{ path, folder: !namesOneFile(copy.sources, dest), ins }]
  if (dest.endsWith('/') || dest === '.' || copy.sources.length > 1) {
    for (const source of copy.sources) {
      const name = resolvePath('/', source).split('/').pop() ?? ''
      // `COPY dir/ /dst/` copies the folder's contents, not the folder: only a named source lands as dst/name.
      if (name !== '' && !source.endsWith('/') && !/[*?[]/.test(name) && source !== '.') out.push({ path: resolvePath(path, name), folder: !namesOneFile([source], name), ins })
    }
  }
  return out
}

/**
 * Whether a COPY surely made one file: a single source that looks like a file (`nginx.conf`,
 * `run.sh`) to a destination without a trailing `/`. Anything else may be a folder, which can hold
 * files COPY did not put there.
 */
function namesOneFile(sources: readonly string[], dest: string): boolean {
  const source = sources[0]
  if (sources.length !== 1 || source === undefined || dest.endsWith('/') || source.endsWith('/') || /[*?[]/.test(source)) return false
  const name = resolvePath('/', source).split('/').pop() ?? ''
  return name.lastIndexOf('.') > 0
}

/** `useradd -u 666 name`, `adduser -u 666 -S name`, `addgroup -g 666 name`: the name and id a command creates. */
function createdAccount(c: ShellCommand): { name: string; id: string | null } | null {
  if (!['useradd', 'adduser', 'groupadd', 'addgroup'].includes(c.program)) return null
  const words = operands(c).filter((w) => !/^[0-9]+$/.test(w))
  const name = words[words.length - 1]
  if (name === undefined) return null
  const idFlag = c.program === 'useradd' || c.program === 'adduser' ? ['-u', '--uid'] : ['-g', '--gid']
  const at = c.args.findIndex((a) => idFlag.includes(a))
  const id = at >= 0 ? (c.args[at + 1] ?? null) : (c.args.find((a) => idFlag.some((f) => a.startsWith(`${f}=`)))?.split('=')[1] ?? null)
  return { name, id: id !== null && /^[0-9]+$/.test(id) ? id : null }
}

interface Account {
  id: string | null
  /** The RUN that created it. */
  line: number
}

/** The COPY --chown to suggest: the same owner, or numeric ids when the user only exists after the COPY. */
function suggestion(owner: string, copyLine: number, accounts: ReadonlyMap<string, Account>): string {
  const [user = '', group = user] = owner.split(':')
  const later = (name: string): Account | undefined => {
    const account = accounts.get(name)
    return account !== undefined && account.line > copyLine ? account : undefined
  }
  if (later(user) === undefined && later(group) === undefined) return `use COPY --chown=${owner} on line ${copyLine} instead`
  const uid = /^[0-9]+$/.test(user) ? user : (later(user)?.id ?? null)
  const gid = /^[0-9]+$/.test(group) ? group : (later(group)?.id ?? null)
  if (uid !== null && gid !== null) return `${user} is created after line ${copyLine}, so write COPY --chown=${uid}:${gid} there (or create the user first)`
  return `${user} is created after line ${copyLine}: create it in a RUN before that COPY, then use COPY --chown=${owner}`
}

export const chownAfterCopy: Rule = {
  meta: {
    id: 'chown-after-copy',
    title: 'RUN chown over the files a COPY just added',
    severity: 'warning',
    category: 'size',
    scope: 'ships',
    equivalents: { hadolint: null, buildkit: null }
  },
  check: ({ model }) =>
    model.stages.flatMap((stage) => {
      // Most stages never run chown: skip the working-directory walk for them.
      if (!runs(stage).some((r) => runCommands(r).some((c) => c.program === 'chown'))) return []
      const dirs = workdirs(model, stage.index)
      // The latest COPY to each path (without --chown: those files already have their owner).
      const copied = new Map<string, Copied>()
      // Where RUNs may have written: a chown of a folder holding such a place covers that output too.
      const touched = new Set<string>()
      const accounts = new Map<string, Account>()
      const reports = []
      for (const ins of stage.instructions) {
        const cwd = dirs.get(ins) ?? '/'
        if ((ins.keyword === 'COPY' || ins.keyword === 'ADD') && ins.copy !== undefined) {
          for (const p of copiedPaths(ins, cwd)) {
            if (ins.copy.chown === null) copied.set(p.path, p)
            else copied.delete(p.path)
          }
        }
        if (ins.keyword !== 'RUN') continue
        let hit: { copy: Copied; owner: string } | null = null
        const commands = runCommands(ins)
        for (const [index, c] of commands.entries()) {
          const account = createdAccount(c)
          if (account !== null) accounts.set(account.name, { id: account.id, line: ins.line })
          if (!isCommand(c, 'chown')) continue
          const recursive = c.args.some(isRecursive)
          const [ownerWord, ...targetWords] = operands(c)
          if (ownerWord === undefined) continue
          const owner = expandWord(ownerWord, ins.scope).value || ownerWord
          for (const t of targetWords) {
            const expanded = t.includes('$') ? expandWord(t, ins.scope) : null
            if (expanded !== null && expanded.unresolved.length > 0) continue
            const p = copied.get(resolvePath(cwd, expanded?.value ?? t))
            // Exactly what COPY put there: a copied file, or a copied folder nothing else can have filled.
            if (p !== undefined && (!p.folder || (recursive && !SHARED_FOLDERS.test(p.path) && !touches(touched, p.path) && !writeUnder(commands.slice(0, index), cwd, p.path)))) {
              hit = { copy: p, owner }
              break
            }
          }
          if (hit !== null) break
        }
        if (hit !== null) {
          reports.push({
            line: ins.line,
            endLine: ins.endLine,
            message: `chown rewrites ${hit.copy.path}, which line ${hit.copy.ins.line} copied, into a new layer, so the image stores those files twice: ${suggestion(hit.owner, hit.copy.ins.line, accounts)}`,
            stage: stage.index
          })
        }
        // Record where this RUN may have written: where it runs and the absolute paths it names.
        for (const c of writers(commands)) {
          touched.add(cwd)
          for (const a of c.args) if (a.startsWith('/')) touched.add(a)
        }
      }
      return reports
    })
}
