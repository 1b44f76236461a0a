/** Small queries rules share: stage inheritance chains and instruction lookups. */

import { finalWorkdir, lastInChain, stageChain, workdirs } from '../graph/image.js'
import { baseShell, isPosixShellProgram, isWindowsImage, type BaseShell } from '../parse/base-shell.js'
import { isDockerHub, parseImageReference } from '../parse/image-ref.js'
import { joinPath } from '../parse/paths.js'
import { referencedNames } from '../parse/variables.js'
import { unquote } from '../parse/words.js'
import type { DockerfileModel, GlobalArg, Instruction, PathWord, Stage } from '../model/dockerfile.js'
import type { ExternalReference } from '../model/graph.js'
import type { BuildContext } from '../model/analysis.js'
import type { BaseFacts } from '../model/image.js'
import { fileCache } from './file-cache.js'

export { finalWorkdir, stageChain, workdirs }

/** The last instruction with this keyword in the stage or, if none, in the stages it inherits from. */
export function effectiveInstruction(model: DockerfileModel, index: number, keyword: string): Instruction | null {
  return lastInChain(stageChain(model, index), keyword)
}

/** The external image at the root of a stage's FROM chain, or null (scratch, or unresolved). */
export function rootImage(model: DockerfileModel, index: number): Stage | null {
  const root = stageChain(model, index)[0]
  return root !== undefined && root.base.kind === 'image' && root.base.image !== null ? root : null
}

/**
 * What the registry said about the external image at the root of a stage's FROM chain (its
 * config: user, ENV names, healthcheck, entrypoint…), or null when there was no look-up, it
 * failed, or the chain starts from scratch.
 */
export function rootFacts(model: DockerfileModel, index: number, baseFacts: readonly (BaseFacts | null)[] | undefined): BaseFacts | null {
  if (baseFacts === undefined) return null
  const root = stageChain(model, index)[0]
  return root === undefined ? null : (baseFacts[root.index] ?? null)
}

/** Instructions of a stage after its FROM. */
export function body(stage: Stage): Instruction[] {
  return stage.instructions.slice(1)
}

/** A path resolved against a working directory, normalised. */
export function resolvePath(workdir: string, path: string): string {
  return joinPath(workdir, path)
}

/** Edit distance (insert, delete, substitute), for "did you mean" suggestions. Inputs are short. */
export function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i)
  let prevPrev = prev
  for (let i = 1; i <= a.length; i++) {
    const cur = [i]
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min((prev[j] as number) + 1, (cur[j - 1] as number) + 1, (prev[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1))
      // A swap of two neighbours is one typo (optimal string alignment).
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) cur[j] = Math.min(cur[j] as number, (prevPrev[j - 2] as number) + 1)
    }
    prevPrev = prev
    prev = cur
  }
  return prev[b.length] as number
}

/** The text of an instruction that Docker or the shell expands: flag values, words and unquoted heredoc bodies. */
export function expandableText(ins: Instruction): string {
  return [...ins.flags.map((f) => f.value ?? ''), ...ins.args, ...ins.heredocs.filter((h) => !h.quoted).map((h) => h.content)].join('\n')
}

/** The closest candidate within a small edit distance (about one typo per four letters), or null. */
export function closest(name: string, candidates: Iterable<string>): string | null {
  let best: string | null = null
  let bestDistance = Infinity
  const limit = Math.min(2, Math.max(1, Math.floor(name.length / 4)))
  const lower = name.toLowerCase()
  for (const c of candidates) {
    // Lengths further apart than the limit cannot be within it: skip the quadratic distance.
    if (c === name || Math.abs(c.length - name.length) > limit) continue
    const d = editDistance(lower, c.toLowerCase())
    if (d <= limit && d < bestDistance) {
      best = c
      bestDistance = d
    }
  }
  return best
}

/**
 * For an external reference (`--from=buidler`), the stage name it misspells, or null: real
 * images have tags, registries or paths, so only a bare word close to another stage's name is a typo.
 */
export function misspeltStage(model: DockerfileModel): (ref: ExternalReference) => string | null {
  // Each name once, with the stages that carry it (a file may reuse names; work stays linear in them).
  const byName = new Map<string, number[]>()
  for (const s of model.stages) if (s.name !== null) byName.set(s.name, [...(byName.get(s.name) ?? []), s.index])
  return (ref) => {
    if (/[:/@.]/.test(ref.image)) return null
    const names = [...byName].filter(([, stages]) => stages.some((i) => i !== ref.stage)).map(([name]) => name)
    return closest(ref.image, names)
  }
}

const TOOLCHAIN_BASES = new Set(['buildpack-deps', 'golang', 'rust', 'gcc', 'maven', 'gradle', 'mcr.microsoft.com/dotnet/sdk'])

/** Build arguments as a FROM writes them: `${BASE_IMAGE}, ${TAG}`. */
export function argumentReferences(names: readonly string[]): string {
  return names.map((n) => `\${${n}}`).join(', ')
}

/** The repository name without Docker Hub's `docker.io/library/` or `library/` prefix. */
export function officialName(image: string): string {
  return image.startsWith('docker.io/library/') ? image.slice('docker.io/library/'.length) : image.startsWith('library/') ? image.slice('library/'.length) : image
}

/** An image that is a toolchain by name: the official compiler images, or any `…-sdk` / `…/sdk` image. */
export function isToolchainImage(image: string): boolean {
  const name = officialName(image)
  return TOOLCHAIN_BASES.has(name) || name.endsWith('-sdk') || name.endsWith('/sdk')
}

/** Whether a stage's FROM chain starts at a toolchain image (golang:*-alpine, rust:*-slim, buildpack-deps:*…), i.e. the image is a toolchain by design. */
export function builtOnToolchain(model: DockerfileModel, index: number): boolean {
  const root = rootImage(model, index)
  return root !== null && isToolchainImage(root.base.image ?? '')
}

/** Official language images whose full variants (not -slim, -alpine or Windows) carry gcc, make and headers: node, python, ruby and perl are built on buildpack-deps; php keeps its PHPIZE_DEPS for docker-php-ext-install. */
const FULL_WITH_TOOLCHAIN = new Set(['node', 'python', 'ruby', 'perl', 'php'])

/** Whether the root image of a stage's FROM chain already carries a C toolchain and headers. */
export function baseHasBuildTools(model: DockerfileModel, index: number): boolean {
  const root = rootImage(model, index)
  if (root === null) return false
  if (builtOnToolchain(model, index)) return true
  const tag = root.base.tag ?? 'latest'
  return FULL_WITH_TOOLCHAIN.has(officialName(root.base.image ?? '')) && !/slim|alpine|windowsservercore|nanoserver/.test(tag)
}

/**
 * Finds, for a RUN, the first RUN after it in its stage that matches, else the first matching RUN
 * of a stage built FROM it (directly or not, in file order). The predicate runs once per RUN and
 * each query is constant time, so rules stay linear on files with thousands of RUNs or stages.
 */
export function laterRunFinder(model: DockerfileModel, matches: (run: Instruction) => boolean): (run: Instruction) => Instruction | null {
  const stageRuns = model.stages.map((stage) => body(stage).filter((i) => i.keyword === 'RUN'))
  // The next matching RUN at or after each position of its stage, by a backward pass.
  const nextMatch = new Map<Instruction, Instruction | null>()
  const firstInStage = stageRuns.map((list) => {
    let next: Instruction | null = null
    for (let k = list.length - 1; k >= 0; k--) {
      const run = list[k] as Instruction
      nextMatch.set(run, next)
      if (matches(run)) next = run
    }
    return next
  })
  const children: number[][] = model.stages.map(() => [])
  for (const stage of model.stages) if (stage.base.kind === 'stage' && stage.base.stage !== null && stage.base.stage !== stage.index) children[stage.base.stage]?.push(stage.index)
  // The first matching RUN (by line) among a stage's descendants: the earliest over its children of
  // their own first match and their descendants' (a tree: each stage has one base). Iterative, so a
  // chain of thousands of stages neither recurses deeply nor goes quadratic.
  const earliest = (a: Instruction | null, b: Instruction | null): Instruction | null => (a === null ? b : b === null || a.line <= b.line ? a : b)
  const inDescendants: (Instruction | null)[] = model.stages.map(() => null)
  const order: number[] = []
  const state = new Uint8Array(model.stages.length)
  for (const root of model.stages) {
    const stack = [root.index]
    while (stack.length > 0) {
      const s = stack[stack.length - 1] as number
      if (state[s] === 0) {
        state[s] = 1
        for (const c of children[s] ?? []) if (state[c] === 0) stack.push(c)
      } else {
        stack.pop()
        if (state[s] === 1) {
          state[s] = 2
          order.push(s)
        }
      }
    }
  }
  // Post-order: every child is done before its parent.
  for (const s of order) for (const c of children[s] ?? []) inDescendants[s] = earliest(inDescendants[s] ?? null, earliest(firstInStage[c] ?? null, inDescendants[c] ?? null))
  return (run) => nextMatch.get(run) ?? inDescendants[run.stage] ?? null
}

export const isUpper = (s: string): boolean => s === s.toUpperCase()
export const isLower = (s: string): boolean => s === s.toLowerCase()

/** A COPY or ADD from the build context (not --from). */
export const isContextCopy = (i: Instruction): boolean => (i.keyword === 'COPY' || i.keyword === 'ADD') && i.copy !== undefined && i.copy.from === null

/**
 * Whether the folder we took for the build context looks like it: the files the Dockerfile copies
 * by name are there, and it holds more than Dockerfiles. A lone Dockerfile (a copied snippet, a
 * context elsewhere) proves nothing about a .dockerignore, so the context rules stay quiet then.
 */
/** Dockerfiles and their ignore files: a folder of nothing else holds no build context. */
const DOCKERFILE_NAME = /(?:^|[._-])(?:docker|container)file(?:[._-]|$)|\.dockerignore$/i

/** Per folder listing (shared by every Dockerfile of the folder): whether it holds only Dockerfiles. */
const onlyDockerfiles = new WeakMap<ReadonlySet<string>, boolean>()

export function contextLooksReal(model: DockerfileModel, context: BuildContext): boolean {
  const entries = context.entries
  if (entries === undefined) return true
  let only = onlyDockerfiles.get(entries)
  if (only === undefined) {
    only = [...entries].every((name) => DOCKERFILE_NAME.test(name))
    onlyDockerfiles.set(entries, only)
  }
  if (only) return false
  const named = model.stages
    .flatMap((s) => s.instructions)
    .filter(isContextCopy)
    .flatMap((i) => i.copy?.sources ?? [])
    .map((source) => source.replace(/^\.\//, '').split('/')[0] ?? '')
    .filter((first) => first !== '' && first !== '.' && !first.startsWith('<<') && !/[*?[$]/.test(first) && !/^https?:/.test(first))
  return named.length === 0 || named.some((first) => context.entries?.has(first) === true)
}

/** The registry host an image reference pulls from (Docker Hub names → docker.io). */
export function registryOf(image: string): string | null {
  const ref = parseImageReference(image)
  if (ref === null) return null
  return isDockerHub(ref.registry) ? 'docker.io' : (ref.registry as string).toLowerCase()
}

/** How an external image came in, as the reader wrote it. */
export function referenceKind(ref: ExternalReference): string {
  return ref.via === 'from' ? 'FROM' : ref.via === 'copy' ? 'COPY --from' : 'RUN --mount from'
}

/** Image names and tags of Windows bases: Windows Server images and the .NET Framework ones built on them. */

/**
 * Whether a stage builds a Windows image: its FROM chain names a Windows base (as written or
 * resolved), asks for a windows platform, or the file switches the escape character to a
 * backtick (done so that `C:\` paths need no escaping).
 */
export function isWindowsStage(model: DockerfileModel, index: number): boolean {
  if (model.directives.escape?.value === '`') return true
  return stageChain(model, index).some((s) => isWindowsImage(s.base.raw) || isWindowsImage(s.base.resolved) || /^windows\//i.test(s.base.platform ?? ''))
}

export type PathKind = 'absolute' | 'relative' | 'unknown'

/**
 * Where a COPY/ADD destination or WORKDIR path points from, as BuildKit reads it: `absolute`,
 * `relative` (to the working directory) or `unknown` (it starts with a variable that has no value
 * here, or is empty). `C:\x` and `c:/x` count as absolute anywhere; `\x` and `\\host` on Windows.
 */
export function pathKind(word: PathWord | null, windows: boolean): PathKind {
  if (word === null) return 'unknown'
  if (startsWithUnresolved(word)) return 'unknown'
  const value = word.value
  // A JSON-form path is not expanded (raw is value): a `$` there is a variable we did not resolve.
  if (value === '' || (value.startsWith('$') && word.raw === value)) return 'unknown'
  if (value.startsWith('/') || /^[A-Za-z]:[\\/]/.test(value)) return 'absolute'
  if (windows && value.startsWith('\\')) return 'absolute'
  return 'relative'
}

/** `$X/...`, `"${X}"...` where X has no value: what the path starts with is unknown. */
function startsWithUnresolved(word: PathWord): boolean {
  if (word.unresolved.length === 0) return false
  let i = 0
  while (word.raw[i] === '"') i++
  if (word.raw[i] !== '$') return false
  const start = i + (word.raw[i + 1] === '{' ? 2 : 1)
  let end = start
  while (end < word.raw.length && /[A-Za-z0-9_]/.test(word.raw[end] as string)) end++
  return word.unresolved.includes(word.raw.slice(start, end))
}

/** A path word's value when every variable in it has one, else null (where it points is unknown). */
export function knownValue(word: PathWord | null | undefined): string | null {
  return word === null || word === undefined || word.unresolved.length > 0 ? null : word.value
}

/**
 * The global ARG whose default a FROM's image comes from (`ARG BASE=node:latest` then
 * `FROM $BASE`), when that default holds what `holds` asks about; null when the FROM line
 * itself holds it, or the value came from a build arg rather than the default.
 */
export function argBehindFrom(model: DockerfileModel, stage: Stage, holds: (value: string) => boolean): GlobalArg | null {
  for (const name of referencedNames(stage.base.raw)) {
    const arg = model.globalArgs.filter((a) => a.name === name && a.line < stage.line).pop()
    if (arg === undefined || arg.raw === null || arg.value === null) continue
    const fromDefault = arg.raw.includes('$') || unquote(arg.raw) === arg.value
    if (fromDefault && holds(arg.value)) return arg
  }
  return null
}

/** Where a base image finding points: the FROM, or the ARG default it comes from (with the FROM's ignore comments still applying). */
export function fromOrArg(stage: Stage, arg: GlobalArg | null): { line: number; alsoSuppressedAt?: number[]; subject: string } {
  if (arg === null) return { line: stage.line, subject: `FROM ${stage.base.resolved}` }
  return { line: arg.line, alsoSuppressedAt: [stage.line], subject: `ARG ${arg.name}=${arg.value ?? ''} (used by FROM on line ${stage.line})` }
}

const DISTROLESS = /^gcr\.io\/distroless\/([a-z0-9._-]+)$/
/** Distroless names that exist with a `-debian12` suffix. */
const DISTROLESS_DEBIAN12 = new Set(['static', 'base', 'base-nossl', 'cc', 'python3'])

/** Distroless publishes no version tags; a `-debianNN` name fixes the Debian release, a digest the rest. */
export function distroless(image: string): { name: string; pinsRelease: boolean } | null {
  const m = DISTROLESS.exec(image)
  if (m === null) return null
  const name = m[1] as string
  return { name, pinsRelease: /-debian\d+$/.test(name) }
}

/**
 * How to pin this image, naming only what its publisher has: version tags for Docker Hub's
 * official images, a `-debianNN` name and a digest for distroless (no version tags), and for
 * others a version tag if the publisher has them, else a digest.
 */
export function pinAdvice(image: string): string {
  const d = distroless(image)
  if (d !== null) {
    const suffixed = DISTROLESS_DEBIAN12.has(d.name) ? `gcr.io/distroless/${d.name}-debian12` : `a -debianNN name of gcr.io/distroless/${d.name}`
    return d.pinsRelease
      ? 'distroless publishes no version tags: pin a digest (@sha256:…) for a reproducible build'
      : `distroless publishes no version tags and this name follows the newest Debian release: use ${suffixed} to fix the release, and a digest (@sha256:…) for a reproducible build`
  }
  const ref = parseImageReference(image)
  const official = ref !== null && isDockerHub(ref.registry) && !ref.name.includes('/')
  return official ? 'pin a version tag' : `pin a version tag if ${image} publishes them, or a digest (@sha256:…)`
}

/** The shell a stage's shell-form instructions run in at some point of the stage. */
export interface StageShell {
  /** The SHELL instruction's argv in effect, or null for the default (`/bin/sh -c`, or `cmd /S /C` on Windows). */
  argv: readonly string[] | null
  /** The line of that SHELL instruction, or null. */
  line: number | null
  /** What /bin/sh is on the root image of the stage's FROM chain. */
  base: BaseShell
  /** The shell named by a `# hadolint shell=…` comment in effect, or null. */
  pragma: string | null
  /** Whether shell-form text is POSIX sh (false for PowerShell and cmd). */
  posix: boolean
}

const PRAGMA = /^hadolint\s+shell\s*=\s*(\S+)/

const pragmaCache = fileCache<DockerfileModel, readonly { line: number; shell: string }[]>()

/** The file's `# hadolint shell=…` comments in line order, read once per file (rules ask for every RUN). */
function shellPragmas(model: DockerfileModel): readonly { line: number; shell: string }[] {
  let pragmas = pragmaCache.get(model)
  if (pragmas === undefined) {
    pragmas = model.comments.flatMap((c) => {
      const m = PRAGMA.exec(c.text)
      return m === null ? [] : [{ line: c.line, shell: m[1] as string }]
    })
    pragmaCache.set(model, pragmas)
  }
  return pragmas
}

/**
 * The shell in effect just before `line` in a stage (by default at its end): SHELL instructions
 * and `# hadolint shell=…` comments of the stage and of the stages it is built FROM (a comment
 * before the first FROM sets every stage's default, as in hadolint), over the base image's default.
 */
export function stageShell(model: DockerfileModel, index: number, line = Infinity, facts: BaseFacts | null = null): StageShell {
  const chain = stageChain(model, index)
  const root = chain[0]
  // The registry's config says what the name only suggests: a Windows image runs cmd.
  const base: BaseShell =
    facts?.os === 'windows' ? 'cmd' : root === undefined || root.base.kind === 'scratch' ? 'none' : root.base.kind === 'image' && root.base.image !== null ? baseShell(root.base.image, root.base.tag) : 'unknown'
  const firstFrom = model.stages[0]?.line ?? Infinity
  const pragmas = shellPragmas(model)
  let argv: readonly string[] | null = null
  let shellLine: number | null = null
  let pragma: string | null = pragmas.filter((p) => p.line < firstFrom).pop()?.shell ?? null
  // The shell set last wins: a SHELL instruction, or a pragma comment between the stage's FROM and the next FROM.
  let setBy: 'pragma' | 'shell' | null = pragma === null ? null : 'pragma'
  for (const stage of chain) {
    const until = stage.index === index ? line : Infinity
    const next = model.stages[stage.index + 1]?.line ?? Infinity
    const events = [
      ...stage.instructions.filter((i) => i.keyword === 'SHELL' && i.form === 'json' && (i.json ?? []).length > 0 && i.line < until).map((i) => ({ line: i.line, shell: i })),
      ...pragmas.filter((p) => p.line > stage.line && p.line < next && p.line < until).map((p) => ({ line: p.line, shell: p.shell }))
    ].sort((a, b) => a.line - b.line)
    for (const e of events) {
      if (typeof e.shell === 'string') {
        pragma = e.shell
        setBy = 'pragma'
      } else {
        argv = e.shell.json
        shellLine = e.line
        setBy = 'shell'
      }
    }
  }
  // A SHELL the base image's config carries (docker commit, or its own Dockerfile) is inherited too.
  const inherited = facts?.shell?.[0] ?? null
  const program = setBy === 'shell' ? (argv?.[0] ?? '') : setBy === 'pragma' ? (pragma ?? '') : inherited !== null ? inherited : base === 'cmd' ? 'cmd' : '/bin/sh'
  return { argv, line: shellLine, base, pragma, posix: isPosixShellProgram(program) }
}

/** Whether shell-form instructions at this point of the stage are POSIX sh (not PowerShell, cmd or a Windows base). */
export function posixShell(model: DockerfileModel, index: number, line = Infinity): boolean {
  return stageShell(model, index, line).posix
}

/**
 * Whether an image is one this repository builds itself (a monorepo of images chaining on its
 * own `latest`): not a Docker Hub official image, and its last name part is a folder (or a
 * `<name>.Dockerfile`) of the repository that holds a Dockerfile.
 */
export function builtByThisRepository(image: string, repositoryImages: ReadonlySet<string> | undefined): boolean {
  if (repositoryImages === undefined || repositoryImages.size === 0) return false
  const ref = parseImageReference(image)
  if (ref === null || (isDockerHub(ref.registry) && !ref.name.includes('/'))) return false
  const name = ref.name.split('/').pop() ?? ''
  return repositoryImages.has(name.toLowerCase())
}

const posixByStage = fileCache<DockerfileModel, Map<number, (line: number) => boolean>>()

/**
 * `posixShell` for many lines of one stage, at the cost of one look per SHELL or pragma: the
 * answer only changes where the stage sets its shell, so it is computed once per such point.
 * For rules that ask about every RUN (a file can have 200,000 of them).
 */
export function posixShellAt(model: DockerfileModel, index: number): (line: number) => boolean {
  let byStage = posixByStage.get(model)
  if (byStage === undefined) {
    byStage = new Map()
    posixByStage.set(model, byStage)
  }
  const known = byStage.get(index)
  if (known !== undefined) return known
  const stage = model.stages[index]
  const next = model.stages[index + 1]?.line ?? Infinity
  const points = [
    ...(stage?.instructions ?? []).filter((i) => i.keyword === 'SHELL').map((i) => i.line),
    ...shellPragmas(model).filter((p) => stage !== undefined && p.line > stage.line && p.line < next).map((p) => p.line)
  ].sort((a, b) => a - b)
  const answers = new Map<number, boolean>()
  const at = (line: number): boolean => {
    // How many shell changes come before the line: the same count, the same shell.
    let lo = 0
    let hi = points.length
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if ((points[mid] as number) < line) lo = mid + 1
      else hi = mid
    }
    let answer = answers.get(lo)
    if (answer === undefined) {
      answer = posixShell(model, index, line)
      answers.set(lo, answer)
    }
    return answer
  }
  byStage.set(index, at)
  return at
}

/**
 * The comments that speak about an instruction: the block of comment lines directly above it and
 * those inside its continuation lines (`RUN apt-get install -y \` / `# Runtime packages` / `make`).
 */
export function commentsAbout(model: DockerfileModel, ins: Instruction): string[] {
  const byLine = new Map(model.comments.map((c) => [c.line, c.text]))
  const out: string[] = []
  for (let line = ins.line - 1; byLine.has(line); line--) out.push(byLine.get(line) as string)
  for (let line = ins.line + 1; line <= ins.endLine; line++) if (byLine.has(line)) out.push(byLine.get(line) as string)
  return out
}
