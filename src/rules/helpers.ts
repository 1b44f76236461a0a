/** Small queries rules share: stage inheritance chains and instruction lookups. */

import { finalWorkdir, lastInChain, stageChain, workdirs } from '../graph/image.js'
import { isDockerHub, parseImageReference } from '../parse/image-ref.js'
import { joinPath } from '../parse/paths.js'
import type { DockerfileModel, Instruction, Stage } from '../model/dockerfile.js'
import type { ExternalReference } from '../model/graph.js'

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

const TOOLCHAIN_BASES = new Set(['buildpack-deps', 'golang', 'rust', 'gcc', 'maven', 'gradle', 'mcr.microsoft.com/dotnet/sdk'])

/** The repository name without Docker Hub's `docker.io/library/` or `library/` prefix. */
function officialName(image: string): string {
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
