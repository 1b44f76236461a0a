/**
 * `a | b` fails only if b fails, unless the shell runs with -o pipefail. Reported only where a
 * failure can really go unseen: a program that can fail, feeding commands that do not reject
 * the empty (or cut) input a failure leaves them.
 */
import { cloneFolder, commandWords, programOf, runSyntax } from './run-helpers.js'
import { resolvePath, rootFacts, stageShell, workdirs, type StageShell } from './helpers.js'
import { commandsWithin, forEachPipeline, type ShCommand, type ShList, type ShPipeline, type ShSimpleCommand, type ShWord } from '../parse/shell-syntax.js'
import { trimTrailingSlashes } from '../parse/paths.js'
import type { DockerfileModel } from '../model/dockerfile.js'
import type { StageGraph } from '../model/graph.js'
import type { Rule } from './types.js'

/**
 * Programs that cannot fail in a way pipefail would catch: their output is a constant or a fact
 * (a failing `$(…)` in their arguments is not seen by pipefail either). `yes` only ever stops on
 * SIGPIPE, which pipefail would turn into a failure.
 */
const CANNOT_FAIL = new Set(['echo', 'printf', 'true', ':', 'yes', 'pwd', 'uname', 'arch', 'nproc', 'id', 'whoami', 'date'])

/** Directories present on every Linux image (and the working directory): `find` over them does not fail. */
const SYSTEM_DIRS = new Set(['.', '/', '/usr', '/usr/local', '/usr/lib', '/usr/share', '/usr/bin', '/etc', '/var', '/lib', '/bin', '/sbin'])

/**
 * Programs that fail when given no operand (as `xargs` without -r runs them on empty input): file
 * utilities, and compilers that stop with "Missing input file" / "no input files".
 */
const NEED_OPERANDS = new Set(['rm', 'cp', 'mv', 'chmod', 'chown', 'chgrp', 'ln', 'mkdir', 'rmdir', 'touch', 'protoc', 'gcc', 'g++', 'cc', 'c++', 'clang', 'clang++', 'javac'])

/** Programs that fetch over the network, and so can stop half-way. */
const DOWNLOADERS = new Set(['curl', 'wget', 'aria2c', 'fetch'])

const args = (c: ShSimpleCommand): string[] => commandWords(c).slice(1).map((w) => w.text)

/** The first word's program as written, wrappers included (`xargs` in `xargs -r rm`). */
const firstProgram = (c: ShSimpleCommand): string => {
  const w = c.words[0]?.text ?? ''
  return w.slice(w.lastIndexOf('/') + 1)
}

/**
 * Text filters: after the first command of a pipeline they read the pipe, so they fail only if
 * their own script is wrong. `xargs` fails when a command it runs on the piped words does, which
 * idioms such as `… | xargs -r dpkg-query --search | … | xargs -r apt-mark manual` rely on; a
 * `tee` in the middle passes the data on whatever happens to its file.
 */
const FILTERS = new Set(['awk', 'gawk', 'mawk', 'nawk', 'sed', 'tr', 'sort', 'uniq', 'cut', 'head', 'tail', 'wc', 'tac', 'rev', 'fold', 'nl', 'paste', 'column', 'grep', 'egrep', 'fgrep', 'jq', 'xargs', 'tee'])

/** The program in `c` whose failure a pipe would hide, or null when nothing in it can fail. */
function failingProgram(c: ShCommand, position: number, written: WrittenPaths): string | null {
  if (c.kind !== 'simple') {
    // A group, subshell or loop fails through the commands in its bodies; conditions are tests.
    for (const inner of c.bodies.flatMap((l) => l.flatMap((a) => a.pipelines.flatMap((p) => p.commands)))) {
      const f = failingProgram(inner, 0, written)
      if (f !== null) return f
    }
    return null
  }
  const program = programOf(c)
  if (program === '' || CANNOT_FAIL.has(program) || (position > 0 && (FILTERS.has(program) || FILTERS.has(firstProgram(c))))) return null
  const operands = args(c).filter((a) => !a.startsWith('-'))
  // `cat` with no file (`cat <<EOF | …`) prints what it is given.
  if (program === 'cat' && operands.length === 0) return null
  if (program === 'env' && operands.length === 0) return null
  if (listsPackages(program, args(c))) return null
  // Reading a file this RUN has just written (`… > list; tac list | …`, a file of a repository it
  // has just cloned) does not fail.
  if (operands.some((o) => written.has(o))) return null
  if (program === 'find') {
    const paths = leadingPaths(args(c))
    if (paths.length > 0 && paths.every((p) => SYSTEM_DIRS.has(p === '/' ? p : trimTrailingSlashes(p)))) return null
  }
  return program
}

/** A query of the whole package database (`dpkg -l`, `rpm -qa`, `apk info`, `apt-mark showmanual`): it does not fail on a working image. */
function listsPackages(program: string, words: readonly string[]): boolean {
  const operands = words.filter((w) => !w.startsWith('-'))
  if (program === 'dpkg') return operands.length === 0 && words.some((w) => w === '-l' || w === '--list' || w === '--print-architecture' || w === '--get-selections')
  if (program === 'rpm') return operands.length === 0 && words.some((w) => /^-q[a-zA-Z]*a/.test(w) || w === '--all')
  if (program === 'apk') return operands.length === 1 && operands[0] === 'info'
  if (program === 'apt-mark') return operands.length === 1 && /^show/.test(operands[0] as string)
  return false
}

/** The start points of a find command: the words before its first expression. */
function leadingPaths(words: readonly string[]): string[] {
  const out: string[] = []
  for (const w of words) {
    if (w.startsWith('-') || w === '(' || w === '!' || w === '\\(') break
    out.push(w)
  }
  return out
}

const hasFlag = (words: readonly string[], short: string, long: readonly string[]): boolean =>
  words.some((w) => long.includes(w) || (/^-[A-Za-z]+$/.test(w) && w.includes(short)))

/** `tar` that extracts and decompresses: gzip, xz, bzip2 and zstd reject an empty or cut stream. */
function tarMode(words: readonly string[]): { extracts: boolean; decompresses: boolean } {
  // The first word may be an old-style bundle without a dash: `tar xzf -`.
  const bundle = words[0] !== undefined && /^[A-Za-z]+$/.test(words[0]) ? words[0] : ''
  const flags = words.filter((w) => /^-[A-Za-z]+$/.test(w)).join('') + bundle
  const extracts = flags.includes('x') || words.includes('--extract') || words.includes('--get')
  const decompresses = /[zJjZ]/.test(flags) || words.some((w) => /^--(?:gzip|gunzip|ungzip|xz|bzip2|zstd|lzma|lzip|lzop|use-compress-program)(?:=|$)/.test(w)) || words.includes('-I')
  return { extracts, decompresses }
}

/**
 * Whether a command fails when the program before it fails: on empty input, and on input cut
 * half-way when `cut` (a download). Checked: sha256sum -c, gpg --import/--dearmor, apt-key add,
 * tar -xz and gunzip exit non-zero on both; grep and plain tar -x on empty input only.
 */
function rejectsFailedInput(c: ShCommand, cut: boolean): boolean {
  if (c.kind !== 'simple') return false
  const program = programOf(c)
  const words = args(c)
  if (/^(?:md5|sha1|sha224|sha256|sha384|sha512|b2)sum$/.test(program) || program === 'shasum') return hasFlag(words, 'c', ['--check'])
  if (program === 'gpg' || program === 'gpg2') return words.some((w) => w === '--import' || w === '--dearmor' || w === '--dearmour')
  if (program === 'apt-key') return words.includes('add')
  if (program === 'tar') {
    const mode = tarMode(words)
    return mode.extracts && (mode.decompresses || !cut)
  }
  if (/^(?:gunzip|zcat|unxz|xzcat|unlzma|bunzip2|bzcat|unzstd|zstdcat)$/.test(program)) return true
  if (/^(?:gzip|xz|bzip2|zstd|lzma)$/.test(program)) return hasFlag(words, 'd', ['--decompress', '--uncompress'])
  if (program === 'grep' || program === 'egrep' || program === 'fgrep') return !cut
  // Without -r, xargs runs the command once with no operands, and these fail then.
  if (firstProgram(c) === 'xargs') {
    const own = c.words.slice(1).map((w) => w.text)
    const end = own.findIndex((w) => !w.startsWith('-'))
    // `rm -f` with no operand succeeds.
    const forced = program === 'rm' && hasFlag(words, 'f', ['--force'])
    return !cut && !hasFlag(end < 0 ? own : own.slice(0, end), 'r', ['--no-run-if-empty']) && NEED_OPERANDS.has(program) && !forced
  }
  return false
}

/** `… | xargs rm -rf`: a pipe that only deletes what it is given; a failure upstream deletes nothing, which is harmless. */
function onlyDeletes(p: ShPipeline): boolean {
  const last = p.commands[p.commands.length - 1] as ShCommand
  return last.kind === 'simple' && firstProgram(last) === 'xargs' && programOf(last) === 'rm'
}

/**
 * Pipelines whose failure a later command of the same `&&` chain shows anyway, given the
 * pipeline and the first commands of the pipelines after it, up to the end of the `&&` run.
 */
function checkedLater(list: ShList, shows: (p: ShPipeline, later: readonly ShCommand[]) => boolean): Set<ShPipeline> {
  const checked = new Set<ShPipeline>()
  for (const andOr of list) {
    andOr.pipelines.forEach((p, i) => {
      const later: ShCommand[] = []
      for (let k = i + 1; k < andOr.pipelines.length && andOr.operators[k - 1] === '&&'; k++) {
        const c = andOr.pipelines[k]?.commands[0]
        if (c === undefined) break
        later.push(c)
      }
      if (later.length > 0 && shows(p, later)) checked.add(p)
    })
  }
  return checked
}

/**
 * An installer piped into a shell and then sourced (`curl …/nvm/install.sh | bash && .
 * "$NVM_DIR/nvm.sh"`) fails at the `.` when the download failed: the file it sources was never written.
 */
function sourcedNext(_p: ShPipeline, later: readonly ShCommand[]): boolean {
  const next = later[0]
  if (next === undefined || next.kind !== 'simple') return false
  const program = next.words[0]?.text
  return (program === '.' || program === 'source') && next.words.length > 1
}

/** Where apt reads repository keys: a key written there is checked by the next `apt-get update`. */
const KEYRING = /(?:^|\/)(?:keyrings|trusted\.gpg\.d)\/[^/]+$/

/** The files a command's `>`, `>>` and `>|` redirections write. */
function redirectTargets(c: ShSimpleCommand): string[] {
  return c.redirects.filter((r) => (r.op === '>' || r.op === '>>' || r.op === '>|') && r.target !== null).map((r) => (r.target as ShWord).text)
}

/** The file the last command of a pipeline writes its input to: `dd of=F`, `tee F`, `> F`. */
function pipedInto(c: ShCommand | undefined): string | null {
  if (c === undefined || c.kind !== 'simple') return null
  const program = programOf(c)
  const words = args(c)
  if (program === 'dd') return words.find((w) => w.startsWith('of='))?.slice(3) ?? null
  if (program === 'tee') return words.find((w) => !w.startsWith('-')) ?? null
  return redirectTargets(c)[0] ?? null
}

/**
 * A repository key saved into a keyring (GitHub CLI's documented `curl … | dd
 * of=/usr/share/keyrings/…gpg`) before an `apt-get update` later in the same && chain: a failed
 * download leaves an empty key, and that update fails on the repository it signs.
 */
function keyCheckedByApt(p: ShPipeline, later: readonly ShCommand[]): boolean {
  const target = pipedInto(p.commands[p.commands.length - 1])
  if (target === null || !KEYRING.test(target)) return false
  return later.some((c) => c.kind === 'simple' && /^apt(?:-get)?$/.test(programOf(c)) && args(c).includes('update'))
}

interface HiddenFailure {
  program: string
  /** The pipeline as a reader would name it: `curl | bash`, `git | … | sort`. */
  shape: string
}

/** The first program in the pipeline whose failure the commands after it would not show. */
function hiddenFailure(p: ShPipeline, written: WrittenPaths): HiddenFailure | null {
  for (let i = 0; i < p.commands.length - 1; i++) {
    const program = failingProgram(p.commands[i] as ShCommand, i, written)
    if (program === null) continue
    const after = p.commands.slice(i + 1)
    if (after.every((c) => rejectsFailedInput(c, DOWNLOADERS.has(program)))) continue
    const last = p.commands[p.commands.length - 1] as ShCommand
    // `xargs protoc`, `env FOO=1 bash`: the wrapper and what it runs.
    const named = last.kind === 'simple' ? [firstProgram(last), programOf(last)].filter((n, k, all) => n !== '' && all.indexOf(n) === k).join(' ') : commandsWithin(last).map(programOf).find((n) => n !== '')
    const lastName = named === undefined || named === '' ? 'the last command' : named
    return { program, shape: `${program} | ${p.commands.length > 2 || i > 0 ? '… | ' : ''}${lastName}` }
  }
  return null
}

/** The folder `tar -x` extracts into: its -C / --directory, or the current one. */
function tarTarget(words: readonly string[]): string | null {
  if (!tarMode(words).extracts) return null
  for (let i = 0; i < words.length; i++) {
    const w = words[i] as string
    if (w.startsWith('--directory=')) return w.slice('--directory='.length)
    if (w === '-C' || w === '--directory' || (/^-[A-Za-z]+C$/.test(w) && !w.includes('f'))) return words[i + 1] ?? null
    // `-xzfC archive dir` and the like: which word is the folder depends on the letters' order.
    if (/^-[A-Za-z]*C/.test(w)) return null
  }
  return '.'
}

/** The folder `unzip` extracts into: its -d, or the current one. */
function unzipTarget(words: readonly string[]): string | null {
  const at = words.indexOf('-d')
  return at < 0 ? '.' : (words[at + 1] ?? null)
}

/** What a command writes: `>`/`>>` targets, what curl -o or wget -O saves; folders git clone, tar -x and unzip fill. */
function writtenBy(c: ShSimpleCommand): { files: string[]; folders: string[] } {
  const files = redirectTargets(c)
  const folders: string[] = []
  const program = programOf(c)
  const words = args(c)
  // `-o FILE`, or a bundle ending in it: `curl -fsSLo FILE`, `wget -qO FILE`.
  const short = program === 'curl' ? 'o' : program === 'wget' ? 'O' : null
  const long = program === 'curl' ? '--output' : '--output-document'
  words.forEach((w, i) => {
    const next = words[i + 1]
    if (short !== null && next !== undefined && (w === long || (/^-[A-Za-z]+$/.test(w) && w.endsWith(short)))) files.push(next)
  })
  const folder = program === 'git' ? cloneFolder(words) : program === 'tar' ? tarTarget(words) : program === 'unzip' ? unzipTarget(words) : null
  if (folder !== null) folders.push(folder)
  return { files, folders }
}

/**
 * The files and folders a RUN has written so far, resolved against the folder its `cd`s lead to
 * (starting at the WORKDIR), so `git clone URL /src/x && cd /src/x && cat requirements.txt` reads
 * a written file.
 */
class WrittenPaths {
  private readonly files = new Set<string>()
  private readonly folders = new Set<string>()
  /** Commands noted but not yet read: most RUNs never ask, so what a command writes is worked out only when asked. */
  private readonly pending: ShSimpleCommand[] = []
  constructor(private cwd: string) {}

  note(c: ShSimpleCommand): void {
    this.pending.push(c)
  }

  private settle(): void {
    for (const c of this.pending) this.apply(c)
    this.pending.length = 0
  }

  private apply(c: ShSimpleCommand): void {
    if (programOf(c) === 'cd') {
      const to = args(c).find((a) => !a.startsWith('-'))
      if (to !== undefined) this.cwd = resolvePath(this.cwd, to)
      return
    }
    const { files, folders } = writtenBy(c)
    for (const f of files) this.files.add(resolvePath(this.cwd, f))
    // Extracting into / says nothing about which files exist.
    for (const f of folders) if (resolvePath(this.cwd, f) !== '/') this.folders.add(resolvePath(this.cwd, f))
  }

  has(path: string): boolean {
    this.settle()
    const resolved = resolvePath(this.cwd, path)
    return this.files.has(resolved) || [...this.folders].some((f) => resolved.startsWith(`${f}/`))
  }
}

/**
 * Folders of this stage that a `FROM scratch` stage copies out: a report-export stage (`RUN … |
 * tee /out/report` then `FROM scratch AS output` / `COPY --from=run /out /`), built with
 * `--output` to get the files.
 */
function exportedFolders(model: DockerfileModel, graph: StageGraph, index: number): string[] {
  return graph.edges.filter((e) => e.via === 'copy' && e.to === index && model.stages[e.from]?.base.kind === 'scratch').flatMap((e) => e.paths.map((p) => resolvePath('/', p)))
}

/**
 * `… | tee /out/report` (or `> /out/report`) into an exported folder: the pipe saves a report. A
 * scanner exits non-zero when it finds something (govulncheck, trivy), and pipefail would then
 * fail the build and drop the very report the stage exists to export.
 */
function savesExportedReport(p: ShPipeline, cwd: string, exported: readonly string[]): boolean {
  const last = p.commands[p.commands.length - 1] as ShCommand
  if (exported.length === 0 || last.kind !== 'simple') return false
  const targets = firstProgram(last) === 'tee' ? args(last).filter((a) => !a.startsWith('-')) : writtenBy(last).files
  const inExported = (t: string): boolean => exported.some((d) => d === '/' || resolvePath(cwd, t) === d || resolvePath(cwd, t).startsWith(`${d}/`))
  return targets.length > 0 && targets.every(inExported)
}

/** `set -o pipefail` (or `set -eo pipefail`, `set -euxo pipefail`). */
function setsPipefail(c: ShCommand): boolean {
  // Most commands have no word "pipefail": no need to find their program.
  if (c.kind !== 'simple' || !c.words.some((w) => w.text === 'pipefail') || programOf(c) !== 'set') return false
  const words = args(c)
  return words.some((w, i) => w === 'pipefail' && i > 0 && /^[-+][A-Za-z]*o$/.test(words[i - 1] as string))
}

/** SHELL ["/bin/bash", "-o", "pipefail", "-c"] or ["/bin/ash", "-eo", "pipefail", "-c"]. */
const shellHasPipefail = (argv: readonly string[]): boolean => argv.some((w, i) => w === 'pipefail' && i > 0 && /^-[A-Za-z]*o$/.test(argv[i - 1] as string))

/** A fix that works with the shell this stage has. */
function fix(shell: StageShell): string {
  const program = shell.argv?.[0]
  if (shell.argv !== null && program !== undefined && /(?:^|\/)(?:ba|a|z|k|mk)sh$/.test(program)) {
    return `add "-o", "pipefail" to the SHELL on line ${shell.line ?? '?'} (or start the RUN with set -o pipefail)`
  }
  switch (shell.base) {
    case 'ash':
      return 'start the RUN with set -o pipefail (BusyBox ash has it), or add SHELL ["/bin/ash", "-eo", "pipefail", "-c"] before it; there is no bash here'
    case 'bash':
      return 'start the RUN with set -o pipefail (/bin/sh is bash here), or add SHELL ["/bin/bash", "-o", "pipefail", "-c"] before it'
    case 'dash':
      return 'add SHELL ["/bin/bash", "-o", "pipefail", "-c"] before it (/bin/sh here is dash, which has no pipefail)'
    default:
      return 'add SHELL ["/bin/bash", "-o", "pipefail", "-c"] before it if the image has bash, or start the RUN with set -o pipefail where its /bin/sh supports it'
  }
}

export const pipefail: Rule = {
  meta: {
    id: 'pipefail',
    title: 'A RUN pipes without pipefail',
    severity: 'warning',
    category: 'correctness',
    scope: 'all',
    equivalents: { hadolint: 'DL4006', buildkit: null },
    inEnvironments: 'info'
  },
  check: ({ model, graph, baseFacts }) =>
    model.stages.flatMap((stage) => {
      const reports = []
      // Only a shell-form RUN with a pipe can hide a failure: what the stage's shell and folders are is read for those alone.
      const piped = stage.instructions.filter((ins) => ins.keyword === 'RUN' && ins.form === 'shell' && ins.raw.includes('|'))
      if (piped.length === 0) return []
      const facts = rootFacts(model, stage.index, baseFacts)
      const dirs = workdirs(model, stage.index)
      const exported = exportedFolders(model, graph, stage.index)
      for (const ins of piped) {
        const shell = stageShell(model, stage.index, ins.line, facts)
        const argv = shell.argv ?? facts?.shell ?? null
        if (!shell.posix || (argv !== null && shellHasPipefail(argv))) continue
        let protectedFrom = false
        let found: HiddenFailure | null = null
        const cwd = dirs.get(ins) ?? '/'
        const written = new WrittenPaths(cwd)
        const script = runSyntax(ins)
        const sourcedAfter = checkedLater(script, sourcedNext)
        const keyChecked = checkedLater(script, keyCheckedByApt)
        forEachPipeline(script, (p, context) => {
          if (found !== null) return
          if (p.commands.some(setsPipefail)) protectedFrom = true
          // A tested, substituted or ignored status is not what pipefail is about.
          const seen = context.tested || context.substituted || context.ignored || sourcedAfter.has(p) || keyChecked.has(p) || onlyDeletes(p)
          if (!protectedFrom && p.commands.length > 1 && !seen && !savesExportedReport(p, cwd, exported)) found = hiddenFailure(p, written)
          for (const c of p.commands) if (c.kind === 'simple') written.note(c)
        })
        const hidden = found as HiddenFailure | null
        if (hidden === null) continue
        reports.push({
          line: ins.line,
          endLine: ins.endLine,
          message: `${hidden.shape}: the RUN succeeds even if ${hidden.program} fails, because a pipeline has the status of its last command; ${fix(shell)}`,
          stage: stage.index
        })
      }
      return reports
    })
}
