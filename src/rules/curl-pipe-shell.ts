/**
 * `curl … | sh` runs whatever the server sends at build time, as root, with nothing to check it
 * against: a compromised or changed script goes into the image silently. Also `| sudo bash`,
 * `| python3`, `bash -c "$(curl …)"` and `sh <(curl …)`. Left alone: a RUN that verifies a
 * checksum or signature, and a script pinned to a commit or a release.
 */
import type { ShellCommand } from '../model/dockerfile.js'
import { runCommands } from './run-helpers.js'
import type { Rule, RuleReport } from './types.js'

const DOWNLOADERS: ReadonlySet<string> = new Set(['curl', 'wget'])
const INTERPRETERS: ReadonlySet<string> = new Set(['sh', 'bash', 'zsh', 'dash', 'ash', 'ksh', 'perl', 'ruby', 'node', 'eval', 'source', '.'])
/** Asked of every command of every RUN: a set look-up first, a pattern only for the versioned names. */
const isInterpreter = (program: string): boolean => INTERPRETERS.has(program) || /^(?:python|php)[0-9.]*$/.test(program)
/** A checksum or signature check anywhere in the RUN. */
const VERIFIERS: ReadonlySet<string> = new Set(['sha256sum', 'sha512sum', 'sha384sum', 'sha1sum', 'md5sum', 'shasum', 'b2sum', 'gpg', 'gpgv', 'cosign', 'minisign', 'signify', 'openssl', 'rpm'])
/** `$(curl …)`, `` `wget …` ``, `<(curl …)`: a download whose output is used in place. */
const SUBSTITUTED_DOWNLOAD = /(?:\$\(|`|<\()\s*(?:\S*\/)?(?:curl|wget)\b/
/**
 * A script fetched from a commit (`/<40 hex>/`) cannot change, and one fetched from a release
 * (`/v1.55.2/`, `/${LINT_VERSION}/`) is as fixed as the release: both are pinned.
 */
const PINNED = /\/(?:[0-9a-f]{40}|v?\d+(?:\.\d+)+[\w.-]*|\$\{?\w*(?:VERSION|TAG|REF|COMMIT|SHA)\w*\}?)\//i

function urlOf(words: readonly string[]): string | null {
  for (const w of words) {
    const m = /https?:\/\/[^\s"'`)]+/.exec(w)
    if (m !== null) return m[0]
  }
  return null
}

/** The pipeline a downloader feeds: the commands after it up to the end of the pipe. */
function pipeline(commands: readonly ShellCommand[], from: number): ShellCommand[] {
  const out: ShellCommand[] = []
  for (let i = from; i < commands.length && (commands[i - 1] as ShellCommand).piped; i++) out.push(commands[i] as ShellCommand)
  return out
}

interface Execution {
  interpreter: string
  url: string | null
}

function remoteExecutions(commands: readonly ShellCommand[]): Execution[] {
  const found: Execution[] = []
  commands.forEach((c, i) => {
    if (DOWNLOADERS.has(c.program) && c.piped) {
      const runner = pipeline(commands, i + 1).find((p) => isInterpreter(p.program))
      if (runner !== undefined) found.push({ interpreter: runner.program, url: urlOf(c.args) })
    } else if (isInterpreter(c.program) && c.args.some((a) => SUBSTITUTED_DOWNLOAD.test(a))) {
      found.push({ interpreter: c.program, url: urlOf(c.args) })
    }
  })
  return found
}

export const curlPipeShell: Rule = {
  meta: {
    id: 'curl-pipe-shell',
    title: 'A downloaded script is run without being verified',
    severity: 'warning',
    category: 'security',
    scope: 'all',
    equivalents: { hadolint: null, buildkit: null },
    inEnvironments: 'info'
  },
  check: ({ model }) => {
    const reports: RuleReport[] = []
    for (const stage of model.stages) {
      for (const ins of stage.instructions) {
        const commands = runCommands(ins)
        if (commands.length === 0 || commands.some((c) => VERIFIERS.has(c.program))) continue
        const runs = remoteExecutions(commands).filter((e) => e.url === null || !PINNED.test(e.url))
        const first = runs[0]
        if (first === undefined) continue
        const what = first.url === null ? 'a downloaded script' : first.url
        reports.push({
          line: ins.line,
          endLine: ins.endLine,
          message: `RUN runs ${what} with ${first.interpreter} straight from the network: whatever the server sends at build time runs unchecked. Download it to a file, check it (echo "<sha256>  install.sh" | sha256sum -c -) and then run it, or install from the vendor's signed package repository`,
          stage: stage.index
        })
      }
    }
    return reports
  }
}
