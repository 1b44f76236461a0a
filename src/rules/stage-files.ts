/**
 * Which absolute paths a stage creates, read off its own instructions: COPY/ADD destinations
 * and what its RUN commands write (`go build -o`, `> file`, `cp`, `tar -C`, `git clone`...).
 * A static reader cannot run the commands, so `outputs` is a lower bound of what a stage makes,
 * and `mayProvide` leans the other way: it says yes whenever a stage could plausibly have the
 * path. Rules built on the two stay quiet unless the evidence is strong. Pure; `stageFiles`
 * memoises per model, so a file of thousands of stages or RUNs stays linear.
 */
import { expandWord, globMatches } from '../parse/variables.js'
import { joinPath, trimTrailingSlashes } from '../parse/paths.js'
import { runScript } from '../parse/shell.js'
import type { DockerfileModel, Instruction, ShellCommand, Stage } from '../model/dockerfile.js'
import { stageChain } from './helpers.js'

/**
 * `file`: exactly this path. `tree`: a folder with contents we cannot list (a copied folder, a
 * build's output directory), so anything under it may exist. `folder`: an empty folder (mkdir).
 */
export type OutputKind = 'file' | 'tree' | 'folder'

export interface StageOutput {
  path: string
  kind: OutputKind
  line: number
  /** How it was made, for messages: `COPY`, `go build -o`, `>`... */
  via: string
  /** Made by a RUN (a build output), not by COPY/ADD. */
  built: boolean
}

/** A path we can reason about: no variables, globs, braces or command substitution. */
export function isPlainPath(path: string): boolean {
  return path !== '' && !/[$*?[`{}"']/.test(path)
}

export function parentOf(path: string): string {
  const cut = path.lastIndexOf('/')
  return cut <= 0 ? '/' : path.slice(0, cut)
}

export function baseName(path: string): string {
  const trimmed = trimTrailingSlashes(path)
  return trimmed.slice(trimmed.lastIndexOf('/') + 1)
}

/** `at` is `path` or inside it. */
export function isUnder(at: string, path: string): boolean {
  return at === path || path === '/' || at.startsWith(`${path}/`)
}

/** A source that names one file (`app.jar`, `config/settings.yml`), not a folder or `.`. */
function looksLikeFile(source: string): boolean {
  const name = baseName(source)
  return !source.endsWith('/') && name.lastIndexOf('.') > 0
}

/** ADD unpacks a local tar archive into the destination: its contents are unknown. */
const ARCHIVE = /\.(?:tar|tgz|tbz2?|txz|tar\.(?:gz|bz2|xz|zst|lz4))$/i

/** One file copied as itself, not a folder or an archive ADD unpacks. */
function copiesOneFile(ins: Instruction, source: string): boolean {
  if (!looksLikeFile(source)) return false
  return ins.keyword !== 'ADD' || /^https?:\/\//i.test(source) || !ARCHIVE.test(source)
}

const hasGlob = (path: string): boolean => /[*?[]/.test(path)

/** A container path resolved against the working folder; null when it cannot be known. */
function resolveIn(cwd: string | null, path: string): string | null {
  if (!isPlainPath(path)) return null
  if (path.startsWith('/')) return joinPath('/', path)
  return cwd === null ? null : joinPath(cwd, path)
}

/** What one COPY/ADD creates: the destination, as a file or as a folder of the sources. */
function copyOutputs(ins: Instruction, cwd: string | null): StageOutput[] {
  const copy = ins.copy
  if (copy === undefined || copy.destination === null) return []
  const destination = resolveIn(cwd, copy.destination)
  if (destination === null) return []
  const base = { line: ins.line, via: copy.from === null ? ins.keyword : `${ins.keyword} --from=${copy.from}`, built: false }
  const intoFolder = copy.destination.endsWith('/') || copy.destination === '.' || copy.sources.length > 1
  const out: StageOutput[] = []
  for (const source of copy.sources) {
    const heredoc = source.startsWith('<<')
    if (heredoc || (copiesOneFile(ins, source) && !hasGlob(source))) {
      const name = heredoc ? source.slice(2).replace(/^-/, '') : baseName(source)
      // Without a trailing slash the destination is the file, or a folder that already exists.
      if (!intoFolder) out.push({ ...base, path: destination, kind: 'file' })
      out.push({ ...base, path: joinPath(destination, name), kind: 'file' })
    } else out.push({ ...base, path: destination, kind: 'tree' })
  }
  return out
}

/** Compilers and tools whose `-o` names the file they write. */
const WRITES_O: ReadonlySet<string> = new Set(['gcc', 'g++', 'cc', 'c++', 'clang', 'clang++', 'rustc', 'tinygo', 'gccgo', 'nvcc', 'upx', 'strip', 'ld'])
/** Tools that build into their working folder, files we cannot name. */
const BUILDS_IN_PLACE: ReadonlySet<string> = new Set(['make', 'cmake', 'ninja', 'mvn', 'mvnw', 'gradle', 'gradlew', 'npm', 'yarn', 'pnpm', 'npx', 'bun', 'ant', 'sbt', 'meson', 'bazel', 'composer', 'bundle', 'cargo', 'python', 'python3', 'node', 'sh', 'bash'])
/** Where a dependency install writes, under the working folder. */
const INSTALLS_INTO: Readonly<Record<string, string>> = { npm: 'node_modules', yarn: 'node_modules', pnpm: 'node_modules', bun: 'node_modules', composer: 'vendor', bundle: 'vendor' }
const INSTALL_SUBCOMMANDS: ReadonlySet<string> = new Set(['install', 'ci', 'i', 'add'])

/** The value of an option written `-o X`, `-o=X`, `--output X`, `--output=X` or `-o/x`. */
function optionValue(args: readonly string[], names: readonly string[]): string | null {
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string
    for (const n of names) {
      if (a === n) return args[i + 1] ?? null
      if (a.startsWith(`${n}=`)) return a.slice(n.length + 1)
      if (n.length === 2 && a.startsWith(n) && a[2] === '/') return a.slice(2)
    }
  }
  return null
}

function operandsOf(args: readonly string[]): string[] {
  return args.filter((a) => !a.startsWith('-') && !/^\d*>/.test(a))
}

/** `> file`, `>> file`, `2>file`: where a command's output goes (not /dev/*). */
function redirectTargets(args: readonly string[]): string[] {
  const out: string[] = []
  for (let i = 0; i < args.length; i++) {
    const m = /^[0-9&]?>>?(.*)$/.exec(args[i] as string)
    if (m === null) continue
    const target = m[1] === '' ? args[i + 1] : m[1]
    if (target !== undefined && target !== '' && !target.startsWith('&') && !target.startsWith('/dev/')) out.push(target)
  }
  return out
}

function urlBaseName(url: string): string | null {
  return /^[a-z]+:\/\/[^/]+\/(?:[^?#]*\/)?([^/?#]+)/i.exec(url)?.[1] ?? null
}

interface CommandOutput {
  path: string | null
  kind: OutputKind
  via: string
}

function downloadOutputs(c: ShellCommand): CommandOutput[] {
  const url = c.args.find((a) => /^https?:\/\//.test(a))
  const name = url === undefined ? null : urlBaseName(url)
  if (c.program === 'curl') {
    const o = optionValue(c.args, ['-o', '--output'])
    if (o !== null) return [{ path: o, kind: 'file', via: 'curl -o' }]
    const remoteName = c.args.some((a) => a === '--remote-name' || /^-[a-zA-Z]*O[a-zA-Z]*$/.test(a))
    return remoteName ? [{ path: name, kind: 'file', via: 'curl -O' }] : []
  }
  const o = optionValue(c.args, ['-O', '--output-document'])
  if (o === '-') return []
  if (o !== null) return [{ path: o, kind: 'file', via: 'wget -O' }]
  const folder = optionValue(c.args, ['-P', '--directory-prefix'])
  return name === null ? [] : [{ path: folder === null ? name : `${trimTrailingSlashes(folder)}/${name}`, kind: 'file', via: 'wget' }]
}

/** `git clone [options] <repository> [<folder>]`: option values sit in between, so find the repository. */
function cloneOutput(c: ShellCommand): CommandOutput[] {
  const at = c.args.findIndex((a) => /^(?:[a-z+]+:\/\/|[\w.-]+@[\w.-]+:)/i.test(a))
  if (at < 0) return []
  const next = c.args[at + 1]
  const folder = next !== undefined && !next.startsWith('-') ? next : baseName(c.args[at] as string).replace(/\.git$/, '')
  return [{ path: folder, kind: 'tree', via: 'git clone' }]
}

/** The paths one shell command writes, relative ones as written. */
function commandOutputs(c: ShellCommand, cwd: string | null): CommandOutput[] {
  const out: CommandOutput[] = redirectTargets(c.args).map((t) => ({ path: t, kind: 'file', via: '>' }))
  const { program: p, subcommand: sub, args } = c
  const o = (names: string[]): string | null => optionValue(args, names)
  if (p === 'go' && (sub === 'build' || sub === 'test')) {
    const value = o(['-o'])
    out.push(value === null ? { path: cwd, kind: 'tree', via: 'go build' } : { path: value, kind: value.endsWith('/') ? 'tree' : 'file', via: 'go build -o' })
  } else if (p === 'go' && sub === 'install') out.push({ path: '/go/bin', kind: 'tree', via: 'go install' })
  else if (WRITES_O.has(p)) out.push({ path: o(['-o']), kind: 'file', via: `${p} -o` })
  else if (p === 'dotnet' && (sub === 'publish' || sub === 'build')) out.push({ path: o(['-o', '--output']) ?? cwd, kind: 'tree', via: `dotnet ${sub}` })
  else if (p === 'curl' || p === 'wget') out.push(...downloadOutputs(c))
  else if (p === 'mkdir') out.push(...operandsOf(args).map((d) => ({ path: d, kind: 'folder' as const, via: 'mkdir' })))
  else if (p === 'touch' || p === 'tee') out.push(...operandsOf(args).map((f) => ({ path: f, kind: 'file' as const, via: p })))
  else if (p === 'install' && args.includes('-d')) out.push(...operandsOf(args).map((d) => ({ path: d, kind: 'folder' as const, via: 'install -d' })))
  else if (p === 'cp' || p === 'mv' || p === 'rsync' || p === 'ln' || p === 'install') {
    const ops = operandsOf(args)
    out.push({ path: o(['-t', '--target-directory']) ?? (ops.length > 1 ? (ops[ops.length - 1] as string) : null), kind: 'tree', via: p })
  } else if (p === 'tar' || p === 'bsdtar') out.push({ path: o(['-C', '--directory']) ?? cwd, kind: 'tree', via: 'tar' })
  else if (p === 'unzip') out.push({ path: o(['-d']) ?? cwd, kind: 'tree', via: 'unzip' })
  else if (p === 'git' && sub === 'clone') out.push(...cloneOutput(c))
  else if (/^pip[0-9.]*$/.test(p)) {
    const target = o(['-t', '--target', '--prefix', '--root'])
    if (target !== null) out.push({ path: target, kind: 'tree', via: 'pip install --target' })
  } else if (BUILDS_IN_PLACE.has(p) && cwd !== null) {
    // A dependency install fills one folder; a build may write anywhere under the working folder.
    const deps = INSTALLS_INTO[p]
    const installs = deps !== undefined && (INSTALL_SUBCOMMANDS.has(sub) || (p === 'yarn' && sub === ''))
    out.push({ path: installs ? joinPath(cwd, deps) : cwd, kind: 'tree', via: sub === '' ? p : `${p} ${sub}` })
  }
  return out
}

/** What one RUN writes, from its working folder; a `cd` inside the RUN is followed. */
export function runOutputs(run: Instruction, workdir: string | null): StageOutput[] {
  const out: StageOutput[] = []
  let cwd = workdir
  for (const c of run.run?.commands ?? []) {
    if (c.program === 'cd') {
      const to = c.args[0]
      cwd = to === undefined ? '/root' : resolveIn(cwd, to)
      continue
    }
    for (const o of commandOutputs(c, cwd)) {
      const path = o.path === null ? null : resolveIn(cwd, o.path)
      if (path !== null) out.push({ path, kind: o.kind, line: run.line, via: o.via, built: true })
    }
  }
  return out
}

/** Whether an output is evidence that `path` exists in its stage: the file itself, or a folder of unknown contents holding it. */
export function outputHas(output: StageOutput, path: string): boolean {
  if (output.kind === 'file') return output.path === path
  return output.kind === 'tree' && output.path !== '/' && isUnder(path, output.path)
}

/** The text of a RUN as the shell sees it, heredoc bodies included. */
function runText(ins: Instruction): string {
  return `${ins.raw}\n${runScript(ins)}\n${ins.heredocs.map((h) => h.content).join('\n')}`
}

/** Whether a COPY/ADD could put `path` in place (a folder source may hold anything). */
function copyMayProvide(ins: Instruction, cwd: string | null, path: string): boolean {
  const copy = ins.copy
  if (copy === undefined || copy.destination === null) return false
  const destination = resolveIn(cwd, copy.destination)
  if (destination === null) return true
  if (!isUnder(path, destination)) return false
  return copy.sources.some((source) => {
    const heredoc = source.startsWith('<<')
    if (!heredoc && !copiesOneFile(ins, source) && !hasGlob(baseName(source))) return true
    const name = heredoc ? source.slice(2).replace(/^-/, '') : baseName(source)
    return path === destination || (parentOf(path) === destination && globMatches(name, baseName(path)))
  })
}

/** Folders no public base image has: a project's own layout. */
const PROJECT_FOLDERS: readonly string[] = ['/app', '/src', '/out', '/output', '/build', '/dist', '/go/bin', '/usr/src/app', '/workspace', '/code', '/publish']

/** Images with next to no files: nothing is there unless the Dockerfile puts it there. */
const EMPTY_BASES = /^(?:gcr\.io\/distroless\/|cgr\.dev\/chainguard\/(?:static|glibc-dynamic)$)/

/** Publishers whose images keep to their distribution's layout (no /app of their own). */
const KNOWN_PUBLISHERS = /^(?:mcr\.microsoft\.com\/dotnet\/|gcr\.io\/distroless\/|cgr\.dev\/chainguard\/|registry\.access\.redhat\.com\/ubi|public\.ecr\.aws\/docker\/library\/)/

/**
 * Whether the base image at the root of a stage's chain certainly lacks `path`: `scratch` and
 * distroless have nothing; an official or well-known image has no project folder. An image we
 * cannot name (a variable), a private one, or an ONBUILD variant may have anything.
 */
export function baseLacks(root: Stage | undefined, path: string): boolean {
  if (root === undefined) return false
  if (root.base.kind === 'scratch') return true
  const image = root.base.image
  if (root.base.kind !== 'image' || image === null || root.base.raw.includes('$') || /onbuild/i.test(root.base.tag ?? '')) return false
  if (EMPTY_BASES.test(image)) return true
  const official = !image.includes('/') || /^(?:docker\.io\/)?library\//.test(image)
  return (official || KNOWN_PUBLISHERS.test(image)) && PROJECT_FOLDERS.some((f) => isUnder(path, f))
}

/** Where a stage gets its files from: its own outputs and those of the stages it is built FROM. Memoised per model. */
export interface StageFiles {
  /** The working folder before each of the stage's own instructions, WORKDIR variables expanded; null once unknowable. */
  workdirs(index: number): ReadonlyMap<Instruction, string | null>
  /** The working folder a container of the stage's image starts in. */
  startFolder(index: number): string | null
  /** The paths the stage's own instructions create (not those of the stages it is built FROM). */
  outputs(index: number): readonly StageOutput[]
  /** The stage and the stages it is built FROM, root first. */
  chain(index: number): readonly Stage[]
  /** The outputs of any stage that are evidence for `path` (the file, or a folder of unknown contents holding it). */
  makers(path: string): ReadonlyArray<{ stage: Stage; output: StageOutput }>
  /**
   * Whether the stage's chain could have `path` by the time of `until` (every instruction when
   * null). Generous on purpose: a copied folder may hold anything, a RUN that names the file may
   * make it, a VOLUME may be mounted over it, an ONBUILD may add it.
   */
  mayProvide(index: number, path: string, until?: Instruction | null): boolean
}

function nextWorkdir(workdir: Instruction, current: string | null): string | null {
  const arg = workdir.args[0]
  if (arg === undefined) return current
  const expansion = expandWord(arg, workdir.scope)
  return expansion.unresolved.length > 0 || expansion.malformed ? null : resolveIn(current, expansion.value)
}

export function stageFiles(model: DockerfileModel): StageFiles {
  const workdirMemo = new Map<number, Map<Instruction, string | null>>()
  const endMemo = new Map<number, string | null>()
  const outputMemo = new Map<number, StageOutput[]>()
  const runMemo = new Map<Instruction, StageOutput[]>()
  let byPath: Map<string, Array<{ stage: Stage; output: StageOutput }>> | null = null

  // Stages are built FROM earlier stages only, so each memo entry needs only smaller indexes.
  const endWorkdir = (index: number): string | null => {
    if (!endMemo.has(index)) {
      const stage = model.stages[index] as Stage
      const last = stage.instructions[stage.instructions.length - 1] as Instruction
      const before = workdirs(index).get(last) ?? null
      endMemo.set(index, last.keyword === 'WORKDIR' ? nextWorkdir(last, before) : before)
    }
    return endMemo.get(index) ?? null
  }
  const workdirs = (index: number): Map<Instruction, string | null> => {
    let map = workdirMemo.get(index)
    if (map !== undefined) return map
    map = new Map()
    const stage = model.stages[index]
    if (stage !== undefined) {
      const base = stage.base.kind === 'stage' && stage.base.stage !== null && stage.base.stage < index ? stage.base.stage : null
      let current: string | null = base === null ? '/' : endWorkdir(base)
      for (const ins of stage.instructions) {
        map.set(ins, current)
        if (ins.keyword === 'WORKDIR') current = nextWorkdir(ins, current)
      }
    }
    workdirMemo.set(index, map)
    return map
  }
  const runOf = (ins: Instruction, cwd: string | null): StageOutput[] => {
    let out = runMemo.get(ins)
    if (out === undefined) {
      out = runOutputs(ins, cwd)
      runMemo.set(ins, out)
    }
    return out
  }
  const outputs = (index: number): StageOutput[] => {
    let out = outputMemo.get(index)
    if (out !== undefined) return out
    out = []
    const wd = workdirs(index)
    for (const ins of model.stages[index]?.instructions ?? []) {
      const cwd = wd.get(ins) ?? null
      if (ins.keyword === 'COPY' || ins.keyword === 'ADD') out.push(...copyOutputs(ins, cwd))
      else if (ins.keyword === 'RUN') out.push(...runOf(ins, cwd))
    }
    outputMemo.set(index, out)
    return out
  }
  const makers = (path: string): Array<{ stage: Stage; output: StageOutput }> => {
    if (byPath === null) {
      byPath = new Map()
      for (const stage of model.stages) {
        for (const output of outputs(stage.index)) {
          if (output.kind === 'folder' || output.path === '/') continue
          const list = byPath.get(output.path) ?? []
          list.push({ stage, output })
          byPath.set(output.path, list)
        }
      }
    }
    // The file itself, or a folder of unknown contents on its way up: one lookup per folder level.
    const found: Array<{ stage: Stage; output: StageOutput }> = []
    for (let at = path; at !== '/'; at = parentOf(at)) {
      for (const m of byPath.get(at) ?? []) if (outputHas(m.output, path)) found.push(m)
    }
    return found
  }
  const chain = (index: number): readonly Stage[] => stageChain(model, index)
  const mayProvide = (index: number, path: string, until: Instruction | null = null): boolean => {
    const name = baseName(path)
    for (const stage of chain(index)) {
      const wd = workdirs(stage.index)
      for (const ins of stage.instructions) {
        if (ins === until) return false
        const cwd = wd.get(ins) ?? null
        if (ins.keyword === 'COPY' || ins.keyword === 'ADD') {
          if (copyMayProvide(ins, cwd, path)) return true
        } else if (ins.keyword === 'RUN') {
          if (runOf(ins, cwd).some((o) => o.kind !== 'folder' && isUnder(path, o.path))) return true
          if (name.length >= 3 && runText(ins).includes(name)) return true
        } else if (ins.keyword === 'VOLUME') {
          const volumes = ins.form === 'json' ? (ins.json ?? []) : ins.args
          if (volumes.some((v) => { const at = resolveIn(cwd, v); return at === null || isUnder(path, at) })) return true
        } else if (ins.keyword === 'ONBUILD') return true
      }
    }
    return false
  }
  return { workdirs, startFolder: endWorkdir, outputs, chain, makers, mayProvide }
}
