/**
 * ShellCheck, when it is there: finds the program (on PATH, or the configured path), and checks a
 * batch of scripts — many RUNs of many Dockerfiles — in one process per core (`--format=json1` over one
 * temporary file per script), mapping each comment back to its Dockerfile's line. This is the
 * only place that starts it; the `shellcheck` rule only reads the comments it is handed.
 */
import { execFile } from 'node:child_process'
import { accessSync, constants, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { availableParallelism, tmpdir } from 'node:os'
import { delimiter, isAbsolute, join } from 'node:path'
import type { ShellcheckComment, ShellcheckLevel } from '../model/shellcheck.js'
import type { RunScript } from './scripts.js'

export { runScripts, type RunScript } from './scripts.js'

/** Codes that cannot apply to a RUN: sourced files are not in the build context here, and ash is checked as dash knowingly. */
const EXCLUDED = ['SC1090', 'SC1091', 'SC2187']

export interface Shellcheck {
  path: string
  /** ShellCheck 0.10 and later read BusyBox ash as its own dialect. */
  busybox: boolean
}

function executable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK)
    return true
  } catch {
    return false
  }
}

/** The program: a configured path (absolute, or a name looked up on PATH), else `shellcheck` on PATH; null when there is none. */
export function findShellcheck(configured: string | null, env: Readonly<Record<string, string | undefined>> = process.env): string | null {
  const name = configured ?? 'shellcheck'
  if (isAbsolute(name) || name.includes('/')) return executable(name) ? name : null
  for (const dir of (env.PATH ?? '').split(delimiter)) {
    if (dir === '') continue
    const candidate = join(dir, name)
    if (executable(candidate)) return candidate
  }
  return null
}

function run(program: string, args: readonly string[], timeoutMs: number): Promise<{ stdout: string; stderr: string; code: number | null }> {
  return new Promise((resolve) => {
    execFile(program, [...args], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, timeout: timeoutMs, windowsHide: true }, (error, stdout, stderr) => {
      const code = error === null ? 0 : typeof (error as NodeJS.ErrnoException & { code?: unknown }).code === 'number' ? ((error as unknown as { code: number }).code) : null
      resolve({ stdout, stderr, code })
    })
  })
}

/** Starts the program once to learn its version (the BusyBox dialect came in 0.10). */
export async function probeShellcheck(path: string): Promise<Shellcheck | { error: string }> {
  const { stdout, code } = await run(path, ['--version'], 10_000)
  const version = /version:\s*(\d+)\.(\d+)/.exec(stdout)
  if (code !== 0 || version === null) return { error: `${path} --version did not answer as ShellCheck does` }
  const [major, minor] = [Number(version[1]), Number(version[2])]
  return { path, busybox: major > 0 || minor >= 10 }
}

interface Json1Comment {
  file: string
  line: number
  endLine: number
  column: number
  code: number
  level: string
  message: string
}

/**
 * SC3036 (echo flags in dash) is about the shell's own echo; ShellCheck also says it of
 * `/bin/echo -e`, which is coreutils' and takes -e everywhere.
 */
function externalEcho(script: RunScript, c: Json1Comment): boolean {
  if (c.code !== 3036) return false
  const before = (script.text.split('\n')[c.line - 1] ?? '').slice(0, Math.max(0, c.column - 1)).trimEnd()
  const word = before.slice(before.search(/\S+$/))
  return word.includes('/')
}

const LEVELS = new Set<ShellcheckLevel>(['error', 'warning', 'info', 'style'])

/** The fewest scripts worth a ShellCheck process of their own (its start-up is ≈ 50 ms). */
const MIN_SHARE = 8

/**
 * Checks every script of the batch in ShellCheck processes, one per core. The comments come back per batch
 * entry, in Dockerfile lines; a comment on the preamble (ours, not the author's) is dropped.
 */
export async function checkScripts(shellcheck: Shellcheck, batch: readonly (readonly RunScript[])[], timeoutMs = 60_000): Promise<{ comments: ShellcheckComment[][]; error: string | null }> {
  const comments: ShellcheckComment[][] = batch.map(() => [])
  const owners: { entry: number; script: RunScript }[] = []
  const dir = mkdtempSync(join(tmpdir(), 'stagecraft-shellcheck-'))
  try {
    const files: string[] = []
    batch.forEach((scripts, entry) =>
      scripts.forEach((script) => {
        const file = join(dir, `${owners.length}.sh`)
        writeFileSync(file, script.text)
        files.push(file)
        owners.push({ entry, script })
      })
    )
    if (files.length === 0) return { comments, error: null }
    // ShellCheck checks one file at a time: the scripts go to one process per core, in contiguous
    // shares (a share of fewer than MIN_SHARE scripts is not worth starting a process for).
    const processes = Math.max(1, Math.min(availableParallelism(), Math.floor(files.length / MIN_SHARE)))
    const share = Math.ceil(files.length / processes)
    const shares = Array.from({ length: processes }, (_, i) => files.slice(i * share, (i + 1) * share)).filter((s) => s.length > 0)
    const results = await Promise.all(shares.map((list) => run(shellcheck.path, ['--format=json1', '--norc', `--exclude=${EXCLUDED.join(',')}`, ...list], timeoutMs)))
    const found: Json1Comment[] = []
    for (const result of results) {
      try {
        found.push(...((JSON.parse(result.stdout) as { comments?: Json1Comment[] }).comments ?? []))
      } catch {
        return { comments, error: `ShellCheck gave no report (exit ${result.code ?? 'killed'}${result.stderr.trim() === '' ? '' : `: ${result.stderr.trim().split('\n')[0] ?? ''}`})` }
      }
    }
    for (const c of found) {
      const index = Number(/(\d+)\.sh$/.exec(c.file)?.[1] ?? NaN)
      const owner = owners[index]
      if (owner === undefined || !LEVELS.has(c.level as ShellcheckLevel)) continue
      const { script } = owner
      const offset = script.firstLine - script.preamble - 1
      const line = c.line + offset
      if (c.line <= script.preamble || externalEcho(script, c)) continue
      comments[owner.entry]?.push({
        line: Math.min(Math.max(line, script.line), script.endLine),
        endLine: Math.min(Math.max(c.endLine + offset, line), script.endLine),
        code: c.code,
        level: c.level as ShellcheckLevel,
        message: c.message,
        stage: script.stage
      })
    }
    return { comments, error: null }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
