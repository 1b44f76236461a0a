/**
 * The scripts ShellCheck is given, one per POSIX-shell RUN, laid out so each of their lines is
 * the Dockerfile line it came from: shell-form RUNs as written (the keyword and the flags blanked,
 * comment and empty lines inside a continuation kept as a lone `\`, as BuildKit drops them), and
 * a bare `RUN <<EOF` (or `RUN bash <<EOF`) by its heredoc's body. Each starts with a directive
 * naming the dialect and an `export` of the variables ARG and ENV give the RUN, so ShellCheck
 * does not take them for unassigned. Pure.
 */
import type { DockerfileModel, Instruction } from '../model/dockerfile.js'
import { stageShell } from '../rules/helpers.js'

/** ShellCheck's dialects (busybox from ShellCheck 0.10). */
export type Dialect = 'sh' | 'bash' | 'dash' | 'ksh' | 'busybox'

export interface RunScript {
  /** The text ShellCheck reads: the preamble, then the script. */
  text: string
  /** Lines of preamble before the script's first line. */
  preamble: number
  /** The Dockerfile line of the script's first line. */
  firstLine: number
  /** The RUN it comes from. */
  line: number
  endLine: number
  stage: number
  dialect: Dialect
}

/** Variables every RUN sees without declaring them: BuildKit passes the proxy settings through. */
const PREDEFINED = ['HTTP_PROXY', 'http_proxy', 'HTTPS_PROXY', 'https_proxy', 'FTP_PROXY', 'ftp_proxy', 'NO_PROXY', 'no_proxy', 'ALL_PROXY', 'all_proxy']

/**
 * Where ShellCheck has no BusyBox dialect (before 0.10), ash is read as dash, less what Alpine's
 * ash has and dash lacks: `[[ ]]` (SC3010), `==` in `[` (SC3014), `$'…'` (SC3003), echo -e
 * (SC3036, SC3037), pipefail (SC3040), `source` (SC3046, SC3051), `${v:1:2}` (SC3057), `${v/a/b}` (SC3060).
 */
const ASH_OVER_DASH = [3003, 3010, 3014, 3036, 3037, 3040, 3046, 3051, 3057, 3060]

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/

/** The dialect of a shell program (`/bin/bash`, `sh`), given what /bin/sh is on the base; null when ShellCheck cannot read it. */
export function dialectOf(program: string, base: string, busybox: boolean): Dialect | null {
  const name = program.slice(program.lastIndexOf('/') + 1).toLowerCase()
  if (name === 'bash') return 'bash'
  if (name === 'dash') return 'dash'
  if (name === 'ksh' || name === 'mksh' || name === 'ksh93') return 'ksh'
  if (name === 'ash' || (name === 'sh' && base === 'ash')) return busybox ? 'busybox' : 'dash'
  if (name === 'sh') return base === 'dash' ? 'dash' : base === 'bash' ? 'bash' : 'sh'
  return null
}

/** `RUN bash <<EOF`, `RUN <<EOF`: the heredoc is the script, run by that program (or the stage's shell). */
const SHELL_PROGRAM = /^(?:(?:\/usr)?\/bin\/)?((?:ba|da|k)?sh|ash)(?:\s+-[a-z]+)*$/

/** Blanks the flags (`--mount=… --network=none`) at the start of a RUN's text, keeping every line. */
function blankFlags(raw: string): string {
  let i = 0
  const out = raw.split('')
  const skipSpace = (): void => {
    for (;;) {
      if (out[i] === ' ' || out[i] === '\t') i++
      else if (out[i] === '\\' && out[i + 1] === '\n') i += 2
      else if (out[i] === '\n') i++
      else return
    }
  }
  skipSpace()
  while (out[i] === '-' && out[i + 1] === '-') {
    while (i < out.length && out[i] !== ' ' && out[i] !== '\t' && out[i] !== '\n' && !(out[i] === '\\' && out[i + 1] === '\n')) out[i++] = ' '
    skipSpace()
  }
  return out.join('')
}

/** A shell-form RUN's lines as the shell sees them after BuildKit drops comments and empty lines inside the continuation. */
function shellLines(run: Instruction): string[] | null {
  const lines = blankFlags(run.raw).split('\n')
  if (lines.length !== run.endLine - run.line + 1) return null
  const inHeredoc = (i: number): boolean => run.heredocs.some((h) => run.line + i >= h.line && run.line + i <= h.endLine)
  return lines.map((line, i) => {
    if (inHeredoc(i)) return line
    // BuildKit drops comment lines and empty lines inside a continuation; a lone `\` keeps the line and the join.
    if (i > 0 && i < lines.length - 1 && (line.trim() === '' || line.trimStart().startsWith('#'))) return '\\'
    // `\` and trailing blanks still continue the line for BuildKit; the shell needs the `\` last.
    return line.replace(/\\[ \t]+$/, '\\')
  })
}

function variablesOf(run: Instruction): string[] {
  return [...new Set([...PREDEFINED, ...run.scope.keys()])].filter((n) => IDENTIFIER.test(n)).sort()
}

function script(lines: readonly string[], firstLine: number, run: Instruction, dialect: Dialect, extraDisabled: readonly number[] = []): RunScript {
  const preamble = [`# shellcheck shell=${dialect}${extraDisabled.length > 0 ? ` disable=${extraDisabled.map((c) => `SC${c}`).join(',')}` : ''}`, `export ${variablesOf(run).join(' ')}`]
  return { text: [...preamble, ...lines].join('\n') + '\n', preamble: preamble.length, firstLine, line: run.line, endLine: run.endLine, stage: run.stage, dialect }
}

/**
 * Every POSIX-shell RUN's script in a file; none for a file with a backtick escape (a Windows
 * file), exec-form RUNs, or RUNs in PowerShell, cmd, zsh or fish.
 */
export function runScripts(model: DockerfileModel, options: { busybox: boolean }): RunScript[] {
  if (model.directives.escape?.value === '`') return []
  const scripts: RunScript[] = []
  for (const stage of model.stages) {
    for (const run of stage.instructions) {
      if (run.keyword !== 'RUN' || run.form !== 'shell') continue
      const shell = stageShell(model, stage.index, run.line)
      if (!shell.posix || shell.base === 'cmd') continue
      const program = shell.argv?.[0] ?? shell.pragma ?? '/bin/sh'
      const dialect = dialectOf(program, shell.base, options.busybox)
      if (dialect === null) continue
      const command = run.args.filter((a) => !a.startsWith('<<')).join(' ')
      const heredoc = run.heredocs.length === 1 ? run.heredocs[0] : undefined
      const bodyProgram = heredoc !== undefined ? (command === '' ? program : SHELL_PROGRAM.exec(command)?.[0]?.split(/\s+/)[0]) : undefined
      if (heredoc !== undefined && bodyProgram !== undefined) {
        // The heredoc's body is the script; a shebang of its own picks its interpreter.
        const body = heredoc.content.split('\n')
        const shebang = /^#!\s*(\S+)(?:\s+(\S+))?/.exec(body[0] ?? '')
        const interpreter = shebang === null ? bodyProgram : shebang[1]?.endsWith('/env') === true ? (shebang[2] ?? '') : (shebang[1] as string)
        const bodyDialect = dialectOf(interpreter, shell.base, options.busybox)
        if (bodyDialect === null || !heredoc.terminated) continue
        scripts.push(script(body, heredoc.line, run, bodyDialect, bodyDialect === 'dash' && shell.base === 'ash' ? ASH_OVER_DASH : []))
        continue
      }
      if (run.heredocs.length > 0 && command === '') continue
      const lines = shellLines(run)
      if (lines === null) continue
      scripts.push(script(lines, run.line, run, dialect, dialect === 'dash' && shell.base === 'ash' ? ASH_OVER_DASH : []))
    }
  }
  return scripts
}
