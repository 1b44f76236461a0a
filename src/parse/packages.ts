/** Which packages a RUN installs, by package manager: system (apt, apk, dnf...) and language (pip, npm, gem...). */
import { subcommandIndex } from './shell.js'
import type { Instruction } from '../model/dockerfile.js'
import type { PackageInstall, PackageManager, ShellCommand } from '../model/dockerfile.js'

export const SYSTEM_MANAGERS: ReadonlySet<PackageManager> = new Set(['apt', 'apk', 'dnf', 'yum', 'microdnf', 'tdnf'])

/**
 * `apt-get install` or `/usr/bin/apt-get install`; with no subcommands given, any use of the
 * program. The subcommands are positional, not a rest parameter: this runs many times for every
 * command of every RUN, and a rest parameter allocates its array on every call, also the many
 * whose program does not match (for a list, `isCommand(c, name) && LIST.includes(c.subcommand)`).
 */
export function isCommand(c: ShellCommand, name: string, s1?: string, s2?: string, s3?: string, s4?: string, s5?: string, s6?: string, s7?: string): boolean {
  if (c.program !== name) return false
  if (s1 === undefined) return true
  const sub = c.subcommand
  return sub === s1 || sub === s2 || sub === s3 || sub === s4 || sub === s5 || sub === s6 || sub === s7
}

/** Options of these managers that take a value, so the value is not a package. */
const DNF_VALUED = new Set(['-c', '--config', '--installroot', '--releasever', '--repo', '--enablerepo', '--disablerepo', '--setopt'])
const VALUED_OPTIONS: Readonly<Record<string, ReadonlySet<string>>> = {
  apt: new Set(['-o', '--option', '-c', '--config-file', '-t', '--target-release']),
  dnf: DNF_VALUED,
  apk: new Set(['--virtual', '-t', '--repository', '-X', '--root', '-p', '--arch']),
  pip: new Set(['-r', '--requirement', '-c', '--constraint', '-e', '--editable', '-i', '--index-url', '--extra-index-url', '-f', '--find-links', '-t', '--target', '--prefix', '--root', '--platform', '--python-version', '--only-binary', '--no-binary', '--trusted-host']),
  npm: new Set(['--prefix', '--registry', '-w', '--workspace', '--omit', '--include']),
  gem: new Set(['-v', '--version', '-i', '--install-dir', '-n', '--bindir', '--source'])
}

/** Words after `from` that are neither options nor the values of valued options. */
function packageWords(args: readonly string[], valued: ReadonlySet<string>): string[] {
  const out: string[] = []
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string
    if (valued.has(a)) i++
    else if (!a.startsWith('-')) out.push(a)
  }
  return out
}

/** The arguments after `pip`, `pip3`, `python -m pip`, or null when the command is not pip. */
function pipArgs(c: ShellCommand): readonly string[] | null {
  // The program without its folder: a regex over the whole word would backtrack on long ones.
  if (/^pip[0-9.]*$/.test(c.program)) return c.args
  if (/^python[0-9.]*$/.test(c.program) && c.args[0] === '-m' && /^pip[0-9.]*$/.test(c.args[1] ?? '')) return c.args.slice(2)
  return null
}

function pipInstall(c: ShellCommand): string[] | null {
  const args = pipArgs(c)
  if (args === null) return null
  const i = args.findIndex((a) => !a.startsWith('-'))
  if (args[i] !== 'install') return null
  const rest = args.slice(i + 1)
  const files = rest.flatMap((a, j) => ((a === '-r' || a === '--requirement') && rest[j + 1] !== undefined ? [`(${rest[j + 1] as string})`] : a.startsWith('--requirement=') ? [`(${a.slice(14)})`] : []))
  return [...packageWords(rest, VALUED_OPTIONS.pip as ReadonlySet<string>), ...files]
}

/** npm/yarn/pnpm: named packages, or `(package.json)` for installing a project's dependencies. */
function nodeInstall(c: ShellCommand): { manager: PackageManager; packages: string[] } | null {
  const valued = VALUED_OPTIONS.npm as ReadonlySet<string>
  for (const manager of ['npm', 'pnpm', 'yarn'] as const) {
    if (!isCommand(c, manager)) continue
    const words = packageWords(c.args, valued)
    const sub = words[0]
    if (manager === 'yarn' && (sub === undefined || sub === 'install')) return { manager, packages: ['(package.json)'] }
    if (manager === 'npm' && sub === 'ci') return { manager, packages: ['(package.json)'] }
    if (manager === 'pnpm' && (sub === 'install' || sub === 'i') && words.length === 1) return { manager, packages: ['(package.json)'] }
    const installs = manager === 'npm' ? ['install', 'i', 'add'] : manager === 'pnpm' ? ['add', 'install', 'i'] : ['add']
    if (sub === undefined || !installs.includes(sub)) return null
    if (manager === 'yarn' && words[1] === 'global') return { manager, packages: words.slice(2) }
    return { manager, packages: words.length === 1 ? ['(package.json)'] : words.slice(1) }
  }
  return null
}

/** The arguments after the subcommand (`apk --no-cache add x` → `x`). */
function afterSubcommand(c: ShellCommand): string[] {
  return c.args.slice(subcommandIndex(c.program, c.args) + 1)
}

/**
 * The package name in a package word, without its version pin or architecture:
 * `gcc=4:12.2.0-3` → `gcc`, `make>=4` → `make`, `musl-dev~1.2` → `musl-dev`, `libc6-dev:i386` → `libc6-dev`.
 */
export function packageName(word: string): string {
  // search, not /[=<>~].*$/, which is quadratic on `<<<…`.
  const pin = word.search(/[=<>~]/)
  const name = pin < 0 ? word : word.slice(0, pin)
  const arch = name.indexOf(':')
  return arch < 0 ? name : name.slice(0, arch)
}

/** What a package removal takes away. */
export interface PackageRemoval {
  /** Package (or apk virtual group) names it lists, without pins. */
  names: string[]
  /** Its list is computed (`$buildDeps`, `$(…)`) or it auto-removes: what it removes cannot be read, so assume the build dependencies. */
  unknown: boolean
}

/** `apt-get purge/remove/autoremove`, `apt …`, `apk del`, `dnf/yum/microdnf/tdnf remove`, or null. */
export function packageRemoval(c: ShellCommand): PackageRemoval | null {
  let valued: ReadonlySet<string>
  if (isCommand(c, 'apt-get', 'purge', 'remove', 'autoremove') || isCommand(c, 'apt', 'purge', 'remove', 'autoremove')) valued = VALUED_OPTIONS.apt as ReadonlySet<string>
  else if (isCommand(c, 'apk', 'del')) valued = VALUED_OPTIONS.apk as ReadonlySet<string>
  else if (isCommand(c, 'dnf', 'remove', 'erase', 'autoremove') || isCommand(c, 'yum', 'remove', 'erase', 'autoremove') || isCommand(c, 'microdnf', 'remove') || isCommand(c, 'tdnf', 'remove', 'erase', 'autoremove')) valued = DNF_VALUED
  else return null
  const words = packageWords(afterSubcommand(c), valued)
  const unknown = c.subcommand === 'autoremove' || c.args.includes('--auto-remove') || c.args.includes('--autoremove') || words.some((w) => w.includes('$'))
  return { names: words.map(packageName), unknown }
}

/** A RUN's package installs, read once by the parser; none for other instructions. */
export function runInstalls(run: Instruction): PackageInstall[] {
  return run.run?.installs ?? []
}

/** Every package install in a RUN's commands, in order. */
export function packageInstalls(commands: readonly ShellCommand[]): PackageInstall[] {
  const found: PackageInstall[] = []
  for (const c of commands) {
    if (isCommand(c, 'apt-get', 'install') || isCommand(c, 'apt', 'install')) found.push({ manager: 'apt', packages: packageWords(afterSubcommand(c), VALUED_OPTIONS.apt as ReadonlySet<string>), command: c })
    else if (isCommand(c, 'apk', 'add')) found.push({ manager: 'apk', packages: packageWords(afterSubcommand(c), VALUED_OPTIONS.apk as ReadonlySet<string>), command: c })
    else if (isCommand(c, 'dnf', 'install') || isCommand(c, 'yum', 'install') || isCommand(c, 'microdnf', 'install') || isCommand(c, 'tdnf', 'install')) {
      found.push({ manager: c.program as PackageManager, packages: packageWords(afterSubcommand(c), DNF_VALUED), command: c })
    } else if (isCommand(c, 'gem', 'install')) found.push({ manager: 'gem', packages: packageWords(afterSubcommand(c), VALUED_OPTIONS.gem as ReadonlySet<string>), command: c })
    else {
      const pip = pipInstall(c)
      if (pip !== null) {
        found.push({ manager: 'pip', packages: pip, command: c })
        continue
      }
      const node = nodeInstall(c)
      if (node !== null) found.push({ ...node, command: c })
    }
  }
  return found
}
