/**
 * Just enough shell to see which commands a RUN runs: split on && || ; | and newlines outside
 * quotes, drop leading VAR=value assignments and wrappers (sudo, env, exec, time, nice), and
 * unquote words. Not a shell: no expansion, no subshell semantics. Linear in the input.
 */
import type { Instruction } from '../model/dockerfile.js'
import type { ShellCommand } from '../model/dockerfile.js'

/** Programs that run the command after them, with their options that take a value (`sudo -u app npm ci` runs npm). */
const WRAPPERS: ReadonlyMap<string, ReadonlySet<string>> = new Map([
  ['sudo', new Set(['-u', '--user', '-g', '--group', '-C', '--close-from', '-D', '--chdir', '-h', '--host', '-p', '--prompt', '-r', '--role', '-t', '--type', '-U', '--other-user', '-T', '--command-timeout'])],
  ['env', new Set(['-u', '--unset', '-C', '--chdir', '-S', '--split-string'])],
  ['exec', new Set(['-a'])],
  ['time', new Set(['-f', '--format', '-o', '--output'])],
  ['nice', new Set(['-n', '--adjustment'])],
  ['nohup', new Set<string>()],
  ['command', new Set<string>()]
])

/** Shell words with quotes and escapes removed. Plain words are sliced, not built a character at a time. */
function words(segment: string): string[] {
  const out: string[] = []
  let current = ''
  let quote = ''
  let has = false
  // Start of the plain run not yet copied into `current`.
  let plain = 0
  const flush = (i: number): void => {
    if (i > plain) current += segment.slice(plain, i)
  }
  for (let i = 0; i < segment.length; i++) {
    const c = segment.charCodeAt(i)
    if (quote !== '') {
      if (c === quote.charCodeAt(0)) {
        flush(i)
        quote = ''
        plain = i + 1
      } else if (c === 92 /* \ */ && quote === '"' && i + 1 < segment.length) {
        flush(i)
        plain = ++i
      }
      continue
    }
    if (c === 34 /* " */ || c === 39 /* ' */) {
      flush(i)
      quote = segment[i] as string
      has = true
      plain = i + 1
    } else if (c === 92 && i + 1 < segment.length) {
      flush(i)
      has = true
      plain = ++i
    } else if (c === 32 || c === 9 || c === 10 || c === 13) {
      flush(i)
      if (has || current !== '') out.push(current)
      current = ''
      has = false
      plain = i + 1
    } else {
      has = true
    }
  }
  flush(segment.length)
  if (has || current !== '') out.push(current)
  return out
}

/**
 * Options before a package manager's subcommand that take the next word as their value, so that
 * word is not the subcommand (`apt-get -o Dpkg::Options::=--force-confold install`).
 */
const APT_VALUED = new Set(['-o', '--option', '-c', '--config-file', '-t', '--target-release'])
const VALUED_GLOBAL_OPTIONS: ReadonlyMap<string, ReadonlySet<string>> = new Map([
  ['apt-get', APT_VALUED],
  ['apt', APT_VALUED],
  ['apk', new Set(['-X', '--repository', '-p', '--root', '--arch', '--cache-dir', '--keys-dir', '--repositories-file'])],
  ['dnf', new Set(['-c', '--config', '--installroot', '--releasever', '--repo', '--enablerepo', '--disablerepo', '--setopt'])],
  ['yum', new Set(['-c', '--config', '--installroot', '--releasever', '--enablerepo', '--disablerepo', '--setopt'])],
  ['microdnf', new Set(['--config', '--installroot', '--releasever', '--enablerepo', '--disablerepo', '--setopt'])],
  ['tdnf', new Set(['-c', '--config', '--installroot', '--releasever', '--enablerepo', '--disablerepo', '--setopt'])]
])

/** The index of the first argument that is neither an option nor a known option's value, or -1. */
export function subcommandIndex(program: string, args: readonly string[]): number {
  const valued = VALUED_GLOBAL_OPTIONS.get(program)
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string
    if (!a.startsWith('-')) return i
    if (valued?.has(a) === true) i++
  }
  return -1
}

function toCommand(segment: string, piped: boolean): ShellCommand | null {
  const list = words(segment)
  let i = 0
  while (i < list.length) {
    const w = list[i] as string
    const valued = WRAPPERS.get(w)
    if (valued !== undefined) {
      i++
      while (i < list.length && (list[i] as string).startsWith('-')) i += valued.has(list[i] as string) ? 2 : 1
    } else if (/^[A-Za-z_][A-Za-z0-9_]*=/.test(w) || w === '(' || w === '{' || w === '!') i++
    // A leading redirection (`5<<EOF cat`, `>out echo`) is not the program.
    else if (/^\d*(?:<<-?|<|>>?)/.test(w)) i += /^\d*(?:<<-?|<|>>?)$/.test(w) ? 2 : 1
    else break
  }
  // Strip a leading subshell paren glued to the program name: (cd x
  let name = list[i]
  if (name === undefined) return null
  name = name.replace(/^[({]+/, '')
  if (name === '' || name === 'then' || name === 'do' || name === 'else') {
    return toCommand(list.slice(i + 1).join(' '), piped)
  }
  const args = list.slice(i + 1)
  const program = name.slice(name.lastIndexOf('/') + 1)
  return { name, args, piped, program, subcommand: args[subcommandIndex(program, args)] ?? '' }
}

/** Splits a shell script into simple commands. */
export function splitCommands(script: string): ShellCommand[] {
  const commands: ShellCommand[] = []
  let start = 0
  let quote = ''
  const push = (end: number, piped: boolean): void => {
    const command = toCommand(script.slice(start, end), piped)
    if (command !== null) commands.push(command)
  }
  for (let i = 0; i < script.length; i++) {
    const c = script[i] as string
    if (quote !== '') {
      if (c === quote) quote = ''
      else if (c === '\\' && quote === '"') i++
      continue
    }
    if (c === '"' || c === "'") quote = c
    else if (c === '\\') i++
    else if (c === '#' && (i === 0 || /\s/.test(script[i - 1] as string))) {
      // A comment runs to the end of the line.
      push(i, false)
      while (i < script.length && script[i] !== '\n') i++
      start = i + 1
    } else if (c === ';' || c === '\n') {
      push(i, false)
      start = i + 1
    } else if ((c === '&' || c === '|') && script[i + 1] === c) {
      push(i, false)
      start = i + 2
      i++
    } else if (c === '|') {
      push(i, true)
      start = i + 1
    } else if (c === '&') {
      push(i, false)
      start = i + 1
    }
  }
  push(script.length, false)
  return commands
}

/** The shell text a RUN executes: its heredoc bodies when it runs one, else its arguments. */
export function runScript(run: Instruction): string {
  if (run.form === 'json') return (run.json ?? []).join(' ')
  const line = run.args.filter((a) => !a.startsWith('<<')).join(' ')
  // `RUN <<EOF` and `RUN bash <<EOF` run their body as shell; `RUN python3 <<EOF` or
  // `RUN cat <<EOF > /etc/x` do not, so only the line itself counts then.
  const shellBody = run.heredocs.length > 0 && /^(?:(?:\/usr)?\/bin\/)?(?:ba|da|z)?sh(?:\s+-[a-z]+)*\s*$|^$/.test(line)
  const body = shellBody ? run.heredocs.map((h) => h.content).join('\n') : ''
  return shellBody ? body : line
}

/** A RUN's commands, split once by the parser; none for other instructions. */
export function runCommands(run: Instruction): ShellCommand[] {
  return run.run?.commands ?? []
}

/** `apt-get install -y a b` → the package words (no options). */
export function operands(command: ShellCommand, from = 0): string[] {
  return command.args.slice(from).filter((a) => !a.startsWith('-'))
}

const isWordChar = (c: number): boolean => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95

/**
 * The variables a shell script reads from its environment: `$X` and `${X}` outside single quotes
 * and not escaped, without a fallback (`${X:-d}`), and not set by the script itself first
 * (`X=…`, `export X=…`, `for X in`, `read X`). One pass over the text, then one check per name.
 */
export function environmentReads(script: string): string[] {
  const names = new Set<string>()
  let quote = 0
  for (let i = 0; i < script.length; i++) {
    const c = script.charCodeAt(i)
    if (quote === 39) {
      if (c === 39) quote = 0
      continue
    }
    if (c === 92 /* \ */) {
      i++
      continue
    }
    if (c === 39 && quote === 0) quote = 39
    else if (c === 34) quote = quote === 34 ? 0 : 34
    else if (c === 36 /* $ */) {
      const braced = script.charCodeAt(i + 1) === 123
      let j = braced ? i + 2 : i + 1
      const start = j
      const first = script.charCodeAt(j)
      if (!(first === 95 || (first >= 65 && first <= 90) || (first >= 97 && first <= 122))) continue
      while (j < script.length && isWordChar(script.charCodeAt(j))) j++
      const after = script[j] ?? ''
      if (!braced || !'-+?=:'.includes(after) || after === '') names.add(script.slice(start, j))
      i = j - 1
    }
  }
  if (names.size === 0) return []
  const assigned = assignedNames(script)
  return [...names].filter((n) => !assigned.has(n))
}

const DECLARES: ReadonlySet<string> = new Set(['for', 'export', 'local', 'declare', 'typeset', 'readonly', 'read'])
/** Words, and the command separators kept as tokens of their own (a declaration ends at one). */
const TOKENS = /([;&|()\n]+)|[ \t\r]+/

/** Names the script gives a value of its own: `N=…`, `export N`, `local N`, `for N in`, `read -r A B`. Linear. */
function assignedNames(script: string): Set<string> {
  const out = new Set<string>()
  let declaring = false
  for (const token of script.split(TOKENS)) {
    if (token === undefined || token === '') continue
    if (/^[;&|()\n]/.test(token)) {
      declaring = false
      continue
    }
    const eq = token.indexOf('=')
    const name = eq > 0 ? token.slice(0, eq) : token
    if (/^[A-Za-z_][A-Za-z0-9_]*$/.test(name) && (eq > 0 || (declaring && !DECLARES.has(token)))) out.add(name)
    if (DECLARES.has(token)) declaring = true
  }
  return out
}
