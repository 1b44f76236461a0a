/** What rules ask of RUN instructions: commands, cache mounts, package installs. */
import { runCommands, operands, runScript } from '../parse/shell.js'
import { parseShell, simpleCommands, type ShList, type ShSimpleCommand, type ShWord } from '../parse/shell-syntax.js'
import { trimTrailingSlashes } from '../parse/paths.js'
import { isCommand, packageInstalls, packageName, packageRemoval, runInstalls, SYSTEM_MANAGERS } from '../parse/packages.js'
import { stageChain } from '../graph/image.js'
import type { DockerfileModel, Instruction, PackageInstall, Stage } from '../model/dockerfile.js'
import type { ShellCommand } from '../model/dockerfile.js'
import type { RuleOption } from './types.js'
import { fileCache, perFile } from './file-cache.js'

export function runs(stage: Stage): Instruction[] {
  return stage.instructions.filter((i) => i.keyword === 'RUN')
}

/** A `--mount=type=cache` (or `tmpfs`: nothing written there stays either) whose target is at or under one of the paths. */
export function hasCacheMount(run: Instruction, paths: readonly string[]): boolean {
  return (run.run?.mounts ?? []).some((m) => (m.type === 'cache' || m.type === 'tmpfs') && m.target !== null && paths.some((p) => trimTrailingSlashes(m.target as string).startsWith(p) || p.startsWith(trimTrailingSlashes(m.target as string))))
}

/** System package installs in one RUN: apt-get/apt install, apk add, dnf/yum/microdnf/tdnf install. */
export function systemInstalls(run: Instruction): PackageInstall[] {
  return runInstalls(run).filter((p) => SYSTEM_MANAGERS.has(p.manager))
}

/** The virtual group name of `apk add --virtual NAME` / `-t NAME`, if any. */
export function apkVirtual(c: ShellCommand): string | null {
  const i = c.args.findIndex((a) => a === '--virtual' || a === '-t')
  return i >= 0 ? (c.args[i + 1] ?? null) : null
}

export { runCommands, operands, isCommand }

/**
 * For an install of this RUN, which of its packages a later command of the same RUN removes (all
 * of them, when a removal's list is computed or it auto-removes): `apk add --virtual .build-deps …
 * && apk del .build-deps`, `apt-get purge -y --auto-remove $buildDeps`, `apt-get remove --purge
 * $(…)`. One pass over the commands; each query is constant time.
 */
export function removalsAfter(commands: readonly ShellCommand[]): (install: PackageInstall) => (pkg: string) => boolean {
  const position = new Map(commands.map((c, i) => [c, i]))
  // The last index at which each name is removed, and the last removal that removes what it cannot say.
  const lastRemoval = new Map<string, number>()
  let lastUnknown = -1
  commands.forEach((c, i) => {
    const removal = packageRemoval(c)
    if (removal === null) return
    if (removal.unknown) lastUnknown = i
    for (const name of removal.names) lastRemoval.set(name, i)
  })
  return (install) => {
    const at = position.get(install.command) ?? commands.length
    const after = (name: string): boolean => (lastRemoval.get(name) ?? -1) > at
    const virtual = install.manager === 'apk' ? apkVirtual(install.command) : null
    if (lastUnknown > at || (virtual !== null && after(virtual))) return () => true
    return (pkg) => after(packageName(pkg))
  }
}

/**
 * The official images' patterns for building from source and dropping the toolchain in the same
 * layer: an install whose packages a later removal of the RUN takes away again (`apk del
 * .build-deps` or `$buildDeps`, `apt-mark auto` + `apt-get purge --auto-remove`).
 */
export function dropsBuildDependencies(commands: readonly ShellCommand[]): boolean {
  const removedAfter = removalsAfter(commands)
  return packageInstalls(commands).some((install) => SYSTEM_MANAGERS.has(install.manager) && install.packages.some(removedAfter(install)))
}

/** A command that builds the application (`go build`, `mvn package`, `npm run build`, `make`…), as a short label, or null. */
export function buildCommand(c: ShellCommand): string | null {
  if (isCommand(c, 'go', 'build', 'install')) return `go ${operands(c)[0] ?? ''}`
  if (isCommand(c, 'cargo', 'build', 'install')) return `cargo ${operands(c)[0] ?? ''}`
  if ((c.name === 'mvn' || c.name.endsWith('/mvnw')) && c.args.some((a) => a === 'package' || a === 'install' || a === 'verify')) return 'mvn package'
  if ((c.name === 'gradle' || c.name.endsWith('/gradlew')) && c.args.some((a) => /^(?:build|assemble|bootJar|jar|installDist)$/.test(a))) return 'gradle build'
  if (isCommand(c, 'dotnet', 'publish', 'build')) return `dotnet ${operands(c)[0] ?? ''}`
  if ((isCommand(c, 'npm', 'run') || isCommand(c, 'yarn', 'run') || isCommand(c, 'pnpm', 'run')) && operands(c)[1] === 'build') return `${c.name} run build`
  if ((c.name === 'yarn' || c.name === 'pnpm') && operands(c)[0] === 'build') return `${c.name} build`
  if (c.name === 'make' && !c.args.includes('install')) return 'make'
  if (c.program === 'javac') return 'javac'
  return null
}

/** `rm -rf /var/lib/apt/lists/*`, or apt ≥ 2.7's `apt-get dist-clean` (alias `distclean`), which empties the lists. */
export function removesAptLists(c: ShellCommand): boolean {
  return (c.name === 'rm' && c.args.some((a) => a.startsWith('/var/lib/apt/lists'))) || isCommand(c, 'apt-get', 'dist-clean', 'distclean') || isCommand(c, 'apt', 'dist-clean', 'distclean')
}

/** The shell structure of a shell-form RUN (or of its shell heredoc), parsed once per instruction. */
export const runSyntax: (run: Instruction) => ShList = perFile((run) => (run.form === 'json' ? [] : parseShell(runScript(run))))

/** Every simple command a RUN runs (those in command substitutions too), found once per instruction: simpleCommands(runSyntax(run)). */
export const runSimpleCommands: (run: Instruction) => ShSimpleCommand[] = perFile((run) => simpleCommands(runSyntax(run)))

/** Programs that run the command after them, with their options that take a value. */
const WRAPPERS: ReadonlyMap<string, ReadonlySet<string>> = new Map([
  ['env', new Set(['-u', '--unset', '-C', '--chdir', '-S', '--split-string'])],
  ['exec', new Set(['-a'])],
  ['nohup', new Set<string>()],
  ['time', new Set(['-f', '--format', '-o', '--output'])],
  ['nice', new Set(['-n', '--adjustment'])],
  ['command', new Set<string>()],
  ['xargs', new Set(['-I', '-i', '-n', '-P', '-L', '-l', '-d', '-E', '-e', '-s', '-a', '--arg-file', '--delimiter', '--max-args', '--max-procs', '--replace'])],
  ['stdbuf', new Set(['-i', '-o', '-e'])],
  ['timeout', new Set(['-s', '--signal', '-k', '--kill-after'])]
])

/**
 * The words of a simple command from the program it really runs: past wrappers such as
 * `env FOO=1`, `nice -n 5`, `xargs -r` or `timeout 10` (and their options). `sudo` is not a
 * wrapper here: it is a program of its own.
 */
export function commandWords(c: ShSimpleCommand): ShWord[] {
  return c.words.slice(commandStart(c))
}

/** The index of the word of the program a simple command really runs (see commandWords). */
function commandStart(c: ShSimpleCommand): number {
  const words = c.words
  let i = 0
  while (i < words.length) {
    const w = (words[i] as ShWord).text
    const program = w.slice(w.lastIndexOf('/') + 1)
    const valued = WRAPPERS.get(program)
    if (valued === undefined || (words[i] as ShWord).quoted) break
    i++
    while (i < words.length) {
      const a = (words[i] as ShWord).text
      if (a === '--') {
        i++
        break
      }
      if (a.startsWith('-') && a.length > 1) i += valued.has(a) ? 2 : 1
      else if (program === 'env' && /^[A-Za-z_][A-Za-z0-9_]*=/.test(a)) i++
      // `timeout 10 cmd`: the duration.
      else if (program === 'timeout' && /^\d/.test(a)) i++
      else break
    }
  }
  return i
}

/** The program a simple command runs, without its folder (`/usr/bin/curl` → `curl`), or ''. */
export function programOf(c: ShSimpleCommand): string {
  const w = c.words[commandStart(c)]?.text ?? ''
  return w.slice(w.lastIndexOf('/') + 1)
}

/** Options of `git clone` that take the next word as their value. */
const CLONE_VALUE_OPTIONS = new Set(['-b', '--branch', '-o', '--origin', '-c', '--config', '--depth', '--reference', '--reference-if-able', '--separate-git-dir', '-j', '--jobs', '-u', '--upload-pack', '--template', '--shallow-since', '--shallow-exclude', '--filter', '--server-option', '--bundle-uri'])

/** The repository and the folder of `git clone [options] <repository> [<folder>]` (the words after `git`), as written; folder null when not given. */
export function cloneArguments(words: readonly string[]): { repository: string; folder: string | null } | null {
  if (words[0] !== 'clone') return null
  const positional: string[] = []
  for (let i = 1; i < words.length; i++) {
    const w = words[i] as string
    if (CLONE_VALUE_OPTIONS.has(w)) i++
    else if (!w.startsWith('-')) positional.push(w)
  }
  const [repository, folder] = positional
  return repository === undefined ? null : { repository, folder: folder ?? null }
}

/** The folder `git clone` creates: the one given, or the repository's last path part without `.git`. */
export function cloneFolder(words: readonly string[]): string | null {
  const clone = cloneArguments(words)
  if (clone === null) return null
  if (clone.folder !== null) return clone.folder
  const last = trimTrailingSlashes(clone.repository).split(/[/:]/).pop() ?? ''
  const name = last.endsWith('.git') ? last.slice(0, -4) : last
  return name === '' ? null : name
}

/**
 * The image compiles against the host's kernel at run time (a kernel module, BPF programs): the
 * file mounts or names `/lib/modules` and `/usr/src` (in its usage comment, `docker run -v
 * /lib/modules:/lib/modules -v /usr/src:/usr/src`), or clones sources under `/usr/src` that it never
 * builds. The compilers and headers are then what the image is for.
 */
export function compilesAgainstKernelAtRunTime(model: DockerfileModel): boolean {
  // Where the kernel's headers (and sources) and modules live.
  const texts = [...model.comments.map((c) => c.text), ...model.instructions.map((i) => i.raw)]
  const names = (path: string): boolean => texts.some((t) => namesFolder(t, path))
  if (!names('/usr/src')) return false
  if (names('/lib/modules')) return true
  return unbuiltClones(model).length > 0
}

/**
 * Folders a `git clone` fills that no later instruction names again (no `cd`, WORKDIR, `make -C`
 * or COPY of them): sources the image keeps to build at run time.
 */
function unbuiltClones(model: DockerfileModel): string[] {
  const out: string[] = []
  model.instructions.forEach((ins, at) => {
    if (ins.keyword !== 'RUN') return
    for (const c of runCommands(ins)) {
      // Only a folder given can be looked for by name.
      const folder = c.program === 'git' ? cloneArguments(c.args)?.folder : null
      if (folder === null || folder === undefined) continue
      const variable = /^\$\{?([A-Za-z_][A-Za-z0-9_]*)\}?$/.exec(folder)?.[1]
      const spellings = variable === undefined ? [folder] : [`$${variable}`, `\${${variable}}`]
      const laterText = [ins.raw.slice(ins.raw.indexOf(folder) + folder.length), ...model.instructions.slice(at + 1).map((i) => i.raw)]
      if (!laterText.some((t) => spellings.some((sp) => namesFolder(t, sp)))) out.push(folder)
    }
  })
  return out
}

/** Whether `text` names the folder `path` (not a longer sibling: `/wireguard` in `/wireguard-tools`). */
function namesFolder(text: string, path: string): boolean {
  for (let at = text.indexOf(path); at >= 0; at = text.indexOf(path, at + 1)) {
    const next = text.charAt(at + path.length)
    if (next === '' || !/[A-Za-z0-9_.-]/.test(next)) return true
  }
  return false
}

/**
 * Whether a command has an option: a long one (`--yes`, `--yes=…`, given without its dashes) or a
 * short letter, alone or grouped with others (`-y`, `-qy`; only groups of letters and digits, so
 * `-oDpkg::Options=…` is not read as `-o -D -p …`).
 */
export function hasOption(c: ShellCommand, long: readonly string[], short = ''): boolean {
  return c.args.some((a) => {
    if (a.startsWith('--')) {
      const eq = a.indexOf('=')
      return long.includes(eq < 0 ? a.slice(2) : a.slice(2, eq))
    }
    return short !== '' && /^-[A-Za-z0-9]+$/.test(a) && [...a.slice(1)].some((letter) => short.includes(letter))
  })
}

/** The value of a long option (`--opt=v` or `--opt v`), or null when the command does not have it. */
export function longOptionValue(c: ShellCommand, name: string): string | null {
  for (let i = 0; i < c.args.length; i++) {
    const a = c.args[i] as string
    if (a === `--${name}`) return c.args[i + 1] ?? ''
    if (a.startsWith(`--${name}=`)) return a.slice(name.length + 3)
  }
  return null
}

/** The text a RUN runs or writes: its arguments and its heredoc bodies (a config file written with `cat <<EOF`). */
export const runText: (run: Instruction) => string = perFile((run) => [run.args.join(' '), ...run.heredocs.map((h) => h.content)].join('\n'))

/**
 * runText in lower case, made once per instruction: a rule that looks for a setting with a
 * case-insensitive pattern first asks whether its letters are there at all (a pattern's ASCII
 * letters match only ASCII letters, which lower case keeps).
 */
export const lowerRunText: (run: Instruction) => string = perFile((run) => runText(run).toLowerCase())

/**
 * Whether a RUN of the stage or of the stages it is built FROM, before `line`, has text that
 * `pattern` matches: a setting written to a configuration file (`APT::Get::Assume-Yes`,
 * `assumeyes=1`) then holds for the commands after it.
 */
export function configuredBefore(model: DockerfileModel, index: number, line: number, pattern: RegExp): boolean {
  let byModel = firstConfigured.get(model)
  if (byModel === undefined) {
    byModel = new Map()
    firstConfigured.set(model, byModel)
  }
  // Where the setting first appears, found once per stage and pattern: every RUN of a stage may ask.
  const key = `${index}\n${pattern.source}\n${pattern.flags}`
  let first = byModel.get(key)
  if (first === undefined) {
    first = Infinity
    for (const s of stageChain(model, index)) {
      const found = s.instructions.find((i) => i.keyword === 'RUN' && pattern.test(runText(i)))
      if (found !== undefined) first = Math.min(first, s.index === index ? found.line : -Infinity)
    }
    byModel.set(key, first)
  }
  return first < line
}

const firstConfigured = fileCache<DockerfileModel, Map<string, number>>()

/** `rm` of a path at or under one of the folders (`rm -rf /var/cache/yum/*`, `rm -rf /var/cache/dnf`). */
export function removesUnder(c: ShellCommand, folders: readonly string[]): boolean {
  return c.program === 'rm' && c.args.some((a) => folders.some((f) => a === f || a.startsWith(`${f}/`)))
}

/**
 * Whether the last command of a RUN that fills a cache is followed by one that empties it, as
 * Trivy's checks read it: `yum install … && yum clean all` passes, `yum clean all && yum install …`
 * does not. False when nothing fills the cache.
 */
export function cleanedAfterLastFill(commands: readonly ShellCommand[], fills: (c: ShellCommand) => boolean, cleans: (c: ShellCommand) => boolean): boolean {
  let lastFill = -1
  let lastClean = -1
  commands.forEach((c, i) => {
    if (fills(c)) lastFill = i
    if (cleans(c)) lastClean = i
  })
  return lastFill >= 0 && lastClean > lastFill
}

/** The option the package pinning rules share: off by default, as most teams ignore hadolint's pinning rules. */
export const PIN_PACKAGES: RuleOption = { name: 'pin-packages', type: 'boolean', default: false, doc: 'Turns the package pinning rules on: every package a shipped stage installs must name its version.' }

/** `a, b, c and 2 more`, for messages that list names. */
export function listNames(names: readonly string[], max = 3): string {
  const shown = names.slice(0, max).join(', ')
  return names.length > max ? `${shown} and ${names.length - max} more` : shown
}

/** Words after the subcommand that are neither options nor values of the options that take one. */
export function wordsAfterSubcommand(c: ShellCommand, valued: ReadonlySet<string>): string[] {
  const out: string[] = []
  let seenSub = false
  for (let i = 0; i < c.args.length; i++) {
    const a = c.args[i] as string
    if (valued.has(a)) i++
    else if (a.startsWith('-')) continue
    else if (!seenSub) seenSub = true
    else out.push(a)
  }
  return out
}

/** Whether a RUN's text or heredoc bodies contain one of the words: a cheap test before parsing its shell. */
export function mentions(run: Instruction, words: readonly string[] | RegExp): boolean {
  const has = (text: string): boolean => (words instanceof RegExp ? words.test(text) : words.some((w) => text.includes(w)))
  return has(run.raw) || run.heredocs.some((h) => has(h.content))
}

/** Compilers and build systems: what makes a stage a build environment. */
const COMPILERS = new Set(['build-essential', 'build-base', 'gcc', 'g++', 'gcc-c++', 'clang', 'make', 'cmake', 'autoconf', 'automake', 'meson', 'ninja-build', 'golang', 'go', 'rustc', 'cargo', 'development tools'])

/** Build inputs that programs also need at run time often enough (headers for a dlopen'ed `.so`, git for a program that clones or updates itself): listed with a compiler, never alone. */
const WITH_COMPILER = new Set(['pkg-config', 'pkgconf', 'libtool', 'linux-headers', 'musl-dev', 'libc6-dev', 'libc-dev', 'git'])

export function isCompiler(pkg: string): boolean {
  const name = packageName(pkg).toLowerCase()
  return COMPILERS.has(name) || /^(?:gcc|g\+\+|clang)-\d+$/.test(name)
}

export function isBuildTool(pkg: string): boolean {
  const name = packageName(pkg).toLowerCase()
  return isCompiler(name) || WITH_COMPILER.has(name) || name.endsWith('-dev') || name.endsWith('-devel')
}
