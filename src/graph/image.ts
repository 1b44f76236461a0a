/**
 * What a reviewer wants to know about a file's stages and its shipped image, read off the
 * model and the stage graph: a row per stage, and the final image's base chain, settings, what
 * the shipping stages add to it and what stays behind in build stages. Pure.
 * Values of ARG/ENV never appear here, only names (a value may be a secret).
 */
import { joinPath } from '../parse/paths.js'
import { runInstalls } from '../parse/packages.js'
import { hasSecretWord } from '../parse/secrets.js'
import type { DockerfileModel, Instruction, Stage } from '../model/dockerfile.js'
import { referencedNames } from '../parse/variables.js'
import { copyEdgeFinder, edgesByStage } from './graph.js'
import type { PackageManager } from '../model/dockerfile.js'
import type { ExternalReference, StageGraph } from '../model/graph.js'
import type { Artifact, BaseDescription, CopiedFiles, LeftBehind, PackageList, ShippedImage, StageDependency, StageRow } from '../model/image.js'

export function stageLabel(stage: Stage): string {
  return stage.name ?? `stage ${stage.index}`
}


/** The base as a reader wants it. A FROM built from a secret-looking variable shows as written, never expanded. */
export function describeBase(stage: Stage, stages: readonly Stage[]): BaseDescription {
  const b = stage.base
  const platform = b.platform
  if (b.kind === 'scratch') return { kind: 'scratch', label: 'scratch', image: null, tag: null, platform }
  if (b.kind === 'stage' && b.stage !== null) return { kind: 'stage', label: `stage ${stageLabel(stages[b.stage] as Stage)}`, image: null, tag: null, platform }
  const secret = referencedNames(b.raw).some(hasSecretWord)
  if (b.image === null || b.unresolved.length > 0 || secret) return { kind: 'unknown', label: b.raw, image: null, tag: null, platform }
  return { kind: 'image', label: b.resolved, image: b.image, tag: b.tag, platform }
}

export function describeStages(model: DockerfileModel, graph: StageGraph): StageRow[] {
  const edges = edgesByStage(graph, model.stages.length)
  const external: ExternalReference[][] = Array.from({ length: model.stages.length }, () => [])
  for (const x of graph.external) external[x.stage]?.push(x)
  return model.stages.map((stage) => {
    const dependsOn: StageDependency[] = []
    const seen = new Set<string>()
    const add = (d: StageDependency): void => {
      const key = `${d.stage ?? d.label}/${d.via}`
      if (seen.has(key)) return
      seen.add(key)
      dependsOn.push(d)
    }
    for (const e of edges[stage.index] ?? []) add({ stage: e.to, label: stageLabel(model.stages[e.to] as Stage), via: e.via })
    for (const x of external[stage.index] ?? []) if (x.via !== 'from') add({ stage: null, label: x.image, via: x.via })
    return { index: stage.index, label: stageLabel(stage), base: describeBase(stage, model.stages), role: graph.roles[stage.index] ?? 'unused', instructions: stage.instructions.length, dependsOn }
  })
}

/** The stage and the stages it is built FROM, root first (`FROM base` inherits base's settings). */
export function stageChain(model: DockerfileModel, index: number): readonly Stage[] {
  const chain: Stage[] = []
  const seen = new Set<number>()
  for (let s = model.stages[index]; s !== undefined && !seen.has(s.index); ) {
    seen.add(s.index)
    chain.push(s)
    s = s.base.kind === 'stage' && s.base.stage !== null ? model.stages[s.base.stage] : undefined
  }
  return chain.reverse()
}

/**
 * The folder a WORKDIR names: its expanded value (quotes removed, ARG/ENV values put in); as
 * written when it uses a variable with no value here, so it stays a folder of its own rather
 * than collapsing onto whatever the known part is.
 */
function workdirPath(ins: Instruction): string | null {
  const word = ins.workdir
  if (word === undefined) return null
  return word.unresolved.length === 0 ? word.value : word.raw
}

/**
 * The working directory in effect for each instruction of a stage (inherited through FROM <stage>).
 * Before any WORKDIR it is `/`: exact for scratch, an assumption for an external image (most keep `/`).
 */
export function workdirs(model: DockerfileModel, index: number): Map<Instruction, string> {
  const result = new Map<Instruction, string>()
  let current = '/'
  for (const stage of stageChain(model, index)) {
    for (const ins of stage.instructions) {
      result.set(ins, current)
      const path = workdirPath(ins)
      if (path !== null) current = joinPath(current, path)
    }
  }
  return result
}

/** The working directory at the end of a stage. */
export function finalWorkdir(model: DockerfileModel, index: number): string {
  const stage = model.stages[index]
  const last = stage?.instructions[stage.instructions.length - 1]
  if (last === undefined) return '/'
  const map = workdirs(model, index)
  const before = map.get(last) ?? '/'
  const path = workdirPath(last)
  return path === null ? before : joinPath(before, path)
}

/** The last instruction with this keyword in a chain of stages, latest stage first. */
export function lastInChain(chain: readonly Stage[], keyword: string): Instruction | null {
  for (let i = chain.length - 1; i >= 0; i--) {
    const found = (chain[i] as Stage).instructions.filter((ins) => ins.keyword === keyword)
    if (found.length > 0) return found[found.length - 1] as Instruction
  }
  return null
}

/** CMD/ENTRYPOINT/HEALTHCHECK as a reader would write it: exec form as JSON, shell form as text. */
export function commandText(ins: Instruction | null): string | null {
  if (ins === null) return null
  if (ins.form === 'json' && ins.json !== null) return JSON.stringify(ins.json)
  return ins.args.join(' ')
}

function mergePackages(lists: readonly PackageList[]): PackageList[] {
  const byManager = new Map<PackageManager, Set<string>>()
  for (const l of lists) {
    const set = byManager.get(l.manager) ?? new Set<string>()
    for (const p of l.packages) set.add(p)
    byManager.set(l.manager, set)
  }
  return [...byManager].filter(([, set]) => set.size > 0).map(([manager, set]) => ({ manager, packages: [...set] }))
}

function stagePackages(stage: Stage): PackageList[] {
  return stage.instructions.flatMap((ins) => runInstalls(ins).map((p) => ({ manager: p.manager, packages: p.packages })))
}

function unique<T>(items: Iterable<T>): T[] {
  return [...new Set(items)]
}

export function describeShippedImage(model: DockerfileModel, graph: StageGraph): ShippedImage | null {
  if (graph.target === null) return null
  const chain = stageChain(model, graph.target)
  const root = chain[0] as Stage
  const base = describeBase(root, model.stages)
  const userIns = lastInChain(chain, 'USER')
  const user = userIns?.args[0] ?? null
  const instructions = chain.flatMap((s) => s.instructions)
  const contextFiles: CopiedFiles[] = []
  const artifacts: Artifact[] = []
  const copyEdge = copyEdgeFinder(graph)
  for (const stage of chain) {
    for (const ins of stage.instructions) {
      const copy = ins.copy
      if (copy === undefined) continue
      const files = { line: ins.line, sources: copy.sources, destination: copy.destination }
      if (copy.from === null) {
        contextFiles.push(files)
        continue
      }
      const edge = copyEdge(stage.index, ins.line)
      if (edge !== undefined) artifacts.push({ ...files, from: stageLabel(model.stages[edge.to] as Stage), stage: edge.to })
      else if (copy.from !== '') artifacts.push({ ...files, from: copy.from, stage: null })
    }
  }
  const platform = chain.map((s) => s.base.platform).find((p) => p !== null) ?? null
  const healthcheck = lastInChain(chain, 'HEALTHCHECK')
  return {
    target: graph.target,
    chain: chain.map((s) => s.index),
    base,
    platform,
    user,
    runsAsRoot: user === null || /^(?:root|0)(?::.*)?$/.test(user),
    workdir: finalWorkdir(model, graph.target),
    ports: unique(instructions.filter((i) => i.keyword === 'EXPOSE').flatMap((i) => i.args)),
    entrypoint: commandText(lastInChain(chain, 'ENTRYPOINT')),
    cmd: commandText(lastInChain(chain, 'CMD')),
    healthcheck: healthcheck === null ? null : (healthcheck.args[0] ?? '').toUpperCase() === 'NONE' ? 'NONE' : healthcheck.args.join(' '),
    contextFiles,
    artifacts,
    packages: mergePackages(chain.flatMap(stagePackages)),
    envNames: unique(instructions.filter((i) => i.keyword === 'ENV').flatMap((i) => (i.variables ?? []).map((v) => v.name)))
  }
}

/** What build stages install that the shipped image does not get. */
export function describeLeftBehind(model: DockerfileModel, graph: StageGraph): LeftBehind {
  const build = model.stages.filter((s) => graph.roles[s.index] === 'build')
  const shipped = new Set(mergePackages(model.stages.filter((s) => graph.roles[s.index] === 'ships').flatMap(stagePackages)).flatMap((l) => l.packages.map((p) => `${l.manager}/${p}`)))
  const packages = mergePackages(build.flatMap(stagePackages)).map((l) => ({ manager: l.manager, packages: l.packages.filter((p) => !shipped.has(`${l.manager}/${p}`)) }))
  return {
    stages: build.map((s) => ({ index: s.index, label: stageLabel(s), base: describeBase(s, model.stages) })),
    packages: packages.filter((l) => l.packages.length > 0)
  }
}
