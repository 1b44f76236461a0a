/**
 * The stage graph: which stage needs which (FROM, COPY --from, RUN --mount from), which
 * external images come in, which stages are built (the targets, each with its purpose), and
 * what each stage's role is:
 *   ships       — a runtime target and every stage it is built FROM (its content is deployed);
 *   environment — the same for a build, dev, CI or test image (its tools are the point);
 *   build       — reached from a target only through COPY/mount edges (only artifacts ship);
 *   unused      — not reached at all (BuildKit skips it).
 * Mistakes BuildKit would reject come back as findings, never exceptions.
 */
import type { DockerfileModel, Instruction, Stage } from '../model/dockerfile.js'
import type { BuiltTarget, ExternalReference, GraphProblem, Purpose, Role, StageEdge, StageGraph } from '../model/graph.js'
import { decidePurpose, namedEnvironment, type PurposeFacts } from './purpose.js'

/** A build of the file, as a build definition (or the caller's --target) asks for it. */
export interface TargetRequest {
  /** The stage name asked for; null for the default (the last stage). */
  name: string | null
  /** Decided by the caller (configuration, a pushed image); else the purpose rules decide. */
  purpose?: Purpose
  because?: string
  /** Where the build is defined (`file:line`). */
  builtBy?: string
  /** A compose service that runs it (evidence of a runtime image). */
  service?: PurposeFacts['service']
}

export interface GraphOptions {
  /** `--target`: a stage name. Unknown names are reported and the last stage is used. */
  target?: string | null
  /** Several builds (from build definitions); beats `target` when given. */
  targets?: readonly TargetRequest[]
  /** A build whose target is an expression: any stage may be built. */
  anyTarget?: boolean
  /** The Dockerfile's path, for purpose evidence. */
  path?: string
  /** What the configuration (`images:`) says a target of this name is for; null: it does not say. */
  configuredPurpose?: (target: string | null) => Purpose | null
}

/** BuildKit's rule for stage names (after lower-casing). */
const STAGE_NAME = /^[a-z][a-z0-9\-_.]*$/


type Resolution = { kind: 'stage'; index: number } | { kind: 'image'; image: string } | { kind: 'invalid' }

/** Stage indexes by lower-case name, ascending: lookups stay fast in files with thousands of stages. */
type StageIndex = ReadonlyMap<string, readonly number[]>

function indexStages(stages: readonly Stage[]): StageIndex {
  const index = new Map<string, number[]>()
  for (const s of stages) {
    if (s.id === null) continue
    const list = index.get(s.id)
    if (list === undefined) index.set(s.id, [s.index])
    else list.push(s.index)
  }
  return index
}

/** Position of the first index in the ascending list that is >= value. */
function lowerBound(list: readonly number[], value: number): number {
  let lo = 0
  let hi = list.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if ((list[mid] as number) < value) lo = mid + 1
    else hi = mid
  }
  return lo
}

/** What `--from=value` in stage `current` refers to, as BuildKit resolves it. */
function resolveReference(value: string, current: number, stages: readonly Stage[], byName: StageIndex, line: number, findings: GraphProblem[], what: string): Resolution {
  if (/^[0-9]+$/.test(value)) {
    const index = Number(value)
    if (index >= stages.length) {
      findings.push({ kind: 'stage-index-out-of-range', line, stage: current, what, value, index, stageCount: stages.length })
      return { kind: 'invalid' }
    }
    return checkOrder(index, current, line, findings, what, value)
  }
  const same = byName.get(value.toLowerCase()) ?? []
  const at = lowerBound(same, current)
  // A stage naming itself is a mistake even when an earlier stage has the name too; else the
  // nearest earlier stage of that name wins; only later ones are a mistake.
  if (same[at] === current) return checkOrder(current, current, line, findings, what, value)
  if (at > 0) return { kind: 'stage', index: same[at - 1] as number }
  const later = same[at]
  if (later !== undefined) return checkOrder(later, current, line, findings, what, value)
  return { kind: 'image', image: value }
}

function checkOrder(index: number, current: number, line: number, findings: GraphProblem[], what: string, value: string): Resolution {
  if (index === current) {
    findings.push({ kind: 'stage-self-reference', line, stage: current, what, value })
    return { kind: 'invalid' }
  }
  if (index > current) {
    findings.push({ kind: 'stage-forward-reference', line, stage: current, what, value, to: index })
    return { kind: 'invalid' }
  }
  return { kind: 'stage', index }
}

function checkNames(stages: readonly Stage[], findings: GraphProblem[]): void {
  const seen = new Map<string, Stage>()
  for (const stage of stages) {
    if (stage.id === null) continue
    if (!STAGE_NAME.test(stage.id)) {
      findings.push({ kind: 'invalid-stage-name', line: stage.line, stage: stage.index, name: stage.name ?? stage.id })
    }
    const first = seen.get(stage.id)
    if (first !== undefined) {
      findings.push({ kind: 'duplicate-stage-name', line: stage.line, stage: stage.index, name: stage.name ?? stage.id, firstLine: first.line })
    } else seen.set(stage.id, stage)
  }
}

/** The values BuildKit gives the platform arguments on the platforms people build for. */
const PLATFORM_VALUES: Readonly<Record<string, readonly string[]>> = {
  TARGETOS: ['linux', 'windows', 'darwin', 'freebsd'],
  BUILDOS: ['linux', 'windows', 'darwin', 'freebsd'],
  TARGETARCH: ['amd64', 'arm64', 'arm', '386', 'ppc64le', 's390x', 'riscv64', 'mips64le', 'mips64', 'loong64'],
  BUILDARCH: ['amd64', 'arm64', 'arm', '386', 'ppc64le', 's390x', 'riscv64', 'mips64le', 'mips64', 'loong64'],
  TARGETVARIANT: ['', 'v5', 'v6', 'v7', 'v8'],
  BUILDVARIANT: ['', 'v5', 'v6', 'v7', 'v8']
}
const PLATFORM_REFERENCE = /\$(?:\{([A-Z]+)\}|([A-Z]+))/g

/**
 * `FROM binary-${TARGETOS}` picks a stage per platform: on Windows it is `binary-windows`. The
 * earlier stages it can name on other platforms than the runner's (only when every variable in
 * the word is a platform argument).
 */
function platformAlternatives(stage: Stage, byName: StageIndex): number[] {
  const raw = stage.base.raw
  if (!raw.includes('$')) return []
  const names = [...raw.matchAll(PLATFORM_REFERENCE)].map((m) => (m[1] ?? m[2]) as string)
  if (names.length === 0 || names.some((n) => PLATFORM_VALUES[n] === undefined) || raw.replace(PLATFORM_REFERENCE, '').includes('$')) return []
  let words = [raw]
  for (const name of new Set(names)) words = words.flatMap((w) => (PLATFORM_VALUES[name] as readonly string[]).map((v) => w.replace(new RegExp(`\\$(?:\\{${name}\\}|${name}(?![A-Za-z0-9_]))`, 'g'), v)))
  const found = new Set<number>()
  for (const word of words) {
    const same = byName.get(word.toLowerCase()) ?? []
    const at = lowerBound(same, stage.index)
    if (at > 0) found.add(same[at - 1] as number)
  }
  found.delete(stage.base.stage ?? -1)
  return [...found].sort((a, b) => a - b)
}

function addFromEdge(stage: Stage, byName: StageIndex, edges: StageEdge[], external: ExternalReference[], findings: GraphProblem[]): void {
  const base = stage.base
  if (base.kind === 'stage' && base.stage !== null) {
    edges.push({ from: stage.index, to: base.stage, via: 'from', line: stage.line, paths: [] })
    for (const other of platformAlternatives(stage, byName)) edges.push({ from: stage.index, to: other, via: 'from', line: stage.line, paths: [], otherPlatform: true })
    return
  }
  if (base.kind !== 'image') return
  // BuildKit only looks at earlier stages for FROM: `FROM node AS node` pulls node, and a
  // name defined later is pulled as an image too, which is never what the author meant.
  const id = base.resolved.toLowerCase()
  const same = byName.get(id) ?? []
  const named = same[lowerBound(same, stage.index + 1)]
  if (named !== undefined && id !== '') {
    checkOrder(named, stage.index, stage.line, findings, 'FROM', base.resolved)
    return
  }
  if (base.resolved !== '') external.push({ stage: stage.index, image: base.resolved, via: 'from', line: stage.line })
}

/** BuildKit rejects `--from=$X` (moby/buildkit#2412); Podman expands it, which hides the problem. */
function fromVariable(what: string, value: string, line: number, stage: number): GraphProblem {
  return { kind: 'copy-from-variable', line, stage, what, value }
}

function addInstructionEdges(stage: Stage, instruction: Instruction, stages: readonly Stage[], byName: StageIndex, edges: StageEdge[], external: ExternalReference[], findings: GraphProblem[]): void {
  const copy = instruction.copy
  if (copy !== undefined && copy.from !== null && copy.from !== '') {
    const what = `${instruction.keyword} --from`
    if (copy.from.includes('$')) {
      findings.push(fromVariable(what, copy.from, instruction.line, stage.index))
      return
    }
    const target = resolveReference(copy.from, stage.index, stages, byName, instruction.line, findings, what)
    if (target.kind === 'stage') edges.push({ from: stage.index, to: target.index, via: 'copy', line: instruction.line, paths: copy.sources })
    else if (target.kind === 'image') external.push({ stage: stage.index, image: target.image, via: 'copy', line: instruction.line })
    return
  }
  for (const mount of instruction.run?.mounts ?? []) {
    if (mount.from === null || mount.from === '') continue
    if (mount.from.includes('$')) {
      findings.push(fromVariable('RUN --mount from', mount.from, mount.line, stage.index))
      continue
    }
    const target = resolveReference(mount.from, stage.index, stages, byName, mount.line, findings, 'RUN --mount from')
    if (target.kind === 'stage') edges.push({ from: stage.index, to: target.index, via: 'mount', line: mount.line, paths: [mount.source ?? '/'] })
    else if (target.kind === 'image') external.push({ stage: stage.index, image: target.image, via: 'mount', line: mount.line })
  }
}

function pickTarget(stages: readonly Stage[], requested: string | null | undefined, findings: GraphProblem[]): number | null {
  if (stages.length === 0) return null
  const last = stages.length - 1
  if (requested === undefined || requested === null || requested === '') return last
  const id = requested.toLowerCase()
  const match = stages.find((s) => s.id === id)
  if (match !== undefined) return match.index
  findings.push({ kind: 'unknown-target', line: 1, stage: null, requested })
  return last
}

/** Stronger roles win when several builds need a stage. */
const ROLE_RANK: Record<Role, number> = { ships: 3, environment: 2, build: 1, unused: 0 }

function assignRoles(stageCount: number, edges: readonly StageEdge[], targets: readonly BuiltTarget[], anyTarget: boolean): Role[] {
  const roles: Role[] = new Array<Role>(stageCount).fill('unused')
  const out: StageEdge[][] = Array.from({ length: stageCount }, () => [])
  for (const e of edges) out[e.from]?.push(e)
  const raise = (s: number, role: Role): boolean => {
    if (ROLE_RANK[roles[s] as Role] >= ROLE_RANK[role]) return false
    roles[s] = role
    return true
  }
  for (const target of targets) {
    // The FROM chain of the target is in the image: it ships, or it is the environment.
    const role: Role = target.purpose === 'runtime' ? 'ships' : 'environment'
    // Every FROM edge: a stage chosen per platform ships on that platform.
    const seen = new Set<number>()
    const chain = [target.stage]
    while (chain.length > 0) {
      const s = chain.pop() as number
      if (seen.has(s)) continue
      seen.add(s)
      raise(s, role)
      for (const e of out[s] ?? []) if (e.via === 'from') chain.push(e.to)
    }
  }
  // Everything else reachable from a built stage is a build stage; with an unknown target, any stage may be.
  const queue = roles.flatMap((r, i) => (r !== 'unused' ? [i] : []))
  while (queue.length > 0) {
    const s = queue.pop() as number
    for (const e of out[s] ?? []) if (raise(e.to, 'build')) queue.push(e.to)
  }
  if (anyTarget) for (let s = 0; s < stageCount; s++) raise(s, 'build')
  return roles
}

/** Every stage a target needs (itself, its FROM chain, and what they copy or mount, transitively), ascending. */
function neededBy(stage: number, out: readonly (readonly StageEdge[])[]): number[] {
  const seen = new Set<number>([stage])
  const queue = [stage]
  while (queue.length > 0) {
    const s = queue.pop() as number
    for (const e of out[s] ?? []) {
      if (seen.has(e.to)) continue
      seen.add(e.to)
      queue.push(e.to)
    }
  }
  return [...seen].sort((a, b) => a - b)
}

/** The builds asked for, resolved to stages (unknown names reported once) with their purposes; one per stage. */
function resolveTargets(model: DockerfileModel, options: GraphOptions, findings: GraphProblem[]): BuiltTarget[] {
  const stages = model.stages
  if (stages.length === 0) return []
  const requests: readonly TargetRequest[] = options.targets !== undefined && options.targets.length > 0 ? options.targets : [{ name: options.target ?? null }]
  const byStage = new Map<number, BuiltTarget>()
  const reported = new Set<string>()
  for (const request of requests) {
    const stage = pickTarget(stages, request.name, reported.has(request.name ?? '') ? [] : findings) as number
    if (request.name !== null) reported.add(request.name)
    const builtBy = request.builtBy === undefined ? [] : [request.builtBy]
    const service = request.service
    const runs = (service?.programs ?? []).map((p) => ({ program: p.program, how: `the ${p.what} of compose service "${service?.name ?? ''}" (${p.source ?? service?.source ?? ''})` }))
    const known = byStage.get(stage)
    if (known !== undefined) {
      known.builtBy.push(...builtBy.filter((b) => !known.builtBy.includes(b)))
      if (runs.length > 0) known.runs = [...(known.runs ?? []), ...runs]
      // A runtime build of the same stage outweighs an environment one.
      if (request.purpose === 'runtime' && known.purpose !== 'runtime' && namedEnvironment(model, stage, request.name) === null) Object.assign(known, { purpose: 'runtime', because: request.because ?? known.because })
      continue
    }
    const configured = options.configuredPurpose?.(request.name ?? stages[stage]?.name ?? null) ?? null
    const decided =
      configured !== null
        ? { purpose: configured, because: 'the configuration says so (images: in .stagecraft.yml)' }
        : request.purpose !== undefined
        ? (request.purpose === 'runtime' ? namedEnvironment(model, stage, request.name) : null) ?? { purpose: request.purpose, because: request.because ?? 'configured' }
        : decidePurpose(model, stage, { path: options.path ?? '', targetName: request.name, service: request.service })
    byStage.set(stage, { stage, ...decided, builtBy, ...(runs.length === 0 ? {} : { runs }) })
  }
  return [...byStage.values()]
}

/** The built target the summary shows as the image (`graph.target`): its purpose, builds and what runs in it; undefined without stages. */
export function shownTarget(graph: StageGraph): BuiltTarget | undefined {
  return graph.targets.find((t) => t.stage === graph.target)
}

/** The graph's edges grouped by the stage that depends (index = stage), for per-stage loops in linear time. */
export function edgesByStage(graph: StageGraph, stageCount: number): StageEdge[][] {
  const grouped: StageEdge[][] = Array.from({ length: stageCount }, () => [])
  for (const e of graph.edges) grouped[e.from]?.push(e)
  return grouped
}

/**
 * Stages that only environments need: the environments' own FROM chains, and build stages that
 * no runtime target reaches (a stage copied into a dev container only). With an unknown target
 * any stage may ship, so none is.
 */
export function environmentOnlyStages(graph: StageGraph, stages: readonly Stage[]): boolean[] {
  const only = graph.roles.map((role) => role === 'environment')
  if (graph.anyTarget || !graph.targets.some((t) => t.purpose === 'environment')) return only
  const out = edgesByStage(graph, stages.length)
  const forRuntime = new Set<number>()
  // An export on scratch (`--output`) delivers what its stages build: the release binaries count as shipped.
  const queue = graph.targets.filter((t) => t.purpose === 'runtime' || stages[t.stage]?.base.kind === 'scratch').map((t) => t.stage)
  while (queue.length > 0) {
    const s = queue.pop() as number
    if (forRuntime.has(s)) continue
    forRuntime.add(s)
    for (const e of out[s] ?? []) queue.push(e.to)
  }
  for (let s = 0; s < stages.length; s++) if (graph.roles[s] === 'build' && !forRuntime.has(s)) only[s] = true
  return only
}

/** Finds the COPY --from edge an instruction made, by its stage and line, in constant time. */
export function copyEdgeFinder(graph: StageGraph): (stage: number, line: number) => StageEdge | undefined {
  const byInstruction = new Map(graph.edges.filter((e) => e.via === 'copy').map((e) => [`${e.from}:${e.line}`, e]))
  return (stage, line) => byInstruction.get(`${stage}:${line}`)
}

export function buildStageGraph(model: DockerfileModel, options: GraphOptions = {}): StageGraph {
  const stages = model.stages
  const edges: StageEdge[] = []
  const external: ExternalReference[] = []
  const findings: GraphProblem[] = []
  checkNames(stages, findings)
  const byName = indexStages(stages)
  for (const stage of stages) {
    addFromEdge(stage, byName, edges, external, findings)
    for (const instruction of stage.instructions) addInstructionEdges(stage, instruction, stages, byName, edges, external, findings)
  }
  const targets = resolveTargets(model, options, findings)
  if (targets.length > 1) {
    const out: StageEdge[][] = Array.from({ length: stages.length }, () => [])
    for (const e of edges) out[e.from]?.push(e)
    for (const t of targets) t.needs = neededBy(t.stage, out)
  }
  const anyTarget = options.anyTarget === true
  const target = (targets.find((t) => t.purpose === 'runtime') ?? targets[0])?.stage ?? null
  return { edges, external, target, targets, anyTarget, roles: assignRoles(stages.length, edges, targets, anyTarget), problems: findings }
}
