/**
 * A dive-like breakdown of the image the workflow built: its layers with their sizes, each
 * mapped to where it came from — the base image, or the instruction of the shipping stages that
 * made it (through the config's `history`, as BuildKit writes it) — the largest layers, and the
 * waste a reviewer can act on. Pure: the manifests come from the registry client.
 */

import { copyEdgeFinder } from '../graph/graph.js'
import { stageChain, stageLabel } from '../graph/image.js'
import type { Instruction, Stage } from '../model/dockerfile.js'
import type { HistoryEntry, ImageLookup } from '../model/image.js'
import type { FileAnalysis } from '../model/analysis.js'


export interface BuiltLayer {
  /** 0-based, bottom first. */
  index: number
  digest: string
  /** Compressed bytes. */
  size: number
  /** `created_by` as the builder wrote it, shortened. */
  createdBy: string
  origin: 'base image' | 'instruction' | 'unknown'
  /** The instruction that made it, when it could be matched. */
  line: number | null
  stage: string | null
  /** For COPY --from: the stage (or image) the files came from. */
  copiedFrom: string | null
  /** Rules with findings on that instruction: the place to act. */
  findings: string[]
}

export interface BuiltImage {
  image: string
  platform: string
  compressedSize: number
  baseLayers: number
  baseSize: number
  layers: BuiltLayer[]
  /** Largest layers first (at most 5). */
  largest: BuiltLayer[]
  /** What to look at, in words. */
  waste: string[]
}

/** A built image's breakdown, or why it could not be read. */
export type BuiltImageResult = BuiltImage | { image: string; reason: string }

/** `RUN /bin/sh -c apk add x # buildkit` → `RUN apk add x`; the legacy builder's `/bin/sh -c #(nop) ` too. */
export function cleanCreatedBy(createdBy: string): string {
  let text = createdBy.trim()
  if (text.endsWith('# buildkit')) text = text.slice(0, -'# buildkit'.length).trim()
  text = text.replace(/^\/bin\/sh -c #\(nop\)\s+/, '')
  if (text.startsWith('/bin/sh -c ')) text = `RUN ${text.slice('/bin/sh -c '.length)}`
  text = text.replace(/^RUN \/bin\/sh -c /, 'RUN ').replace(/^RUN \|\d+ (?:[^\s=]+=\S* )*\/bin\/sh -c /, 'RUN ')
  return text
}

const LAYER_KEYWORDS = new Set(['RUN', 'COPY', 'ADD', 'WORKDIR'])

/** Non-empty history entries, in order: one per layer. */
function layerHistory(history: readonly HistoryEntry[]): HistoryEntry[] {
  return history.filter((h) => h.empty_layer !== true)
}

export function describeBuiltImage(analysis: FileAnalysis, built: Extract<ImageLookup, { ok: true }>, base: ImageLookup | null): BuiltImage {
  const { model, graph } = analysis
  const baseLayers = base?.ok === true ? base.layers.length : 0
  const history = layerHistory(built.config?.history ?? [])
  const chain: readonly Stage[] = graph.target === null ? [] : stageChain(model, graph.target)
  // Instructions that can make a layer, in build order (the root FROM's image is the base).
  const candidates: { ins: Instruction; stage: Stage }[] = chain.flatMap((stage) => stage.instructions.filter((i) => LAYER_KEYWORDS.has(i.keyword)).map((ins) => ({ ins, stage })))
  let next = 0
  const copyEdge = copyEdgeFinder(graph)
  const findingsAt = (line: number): string[] => [...new Set(analysis.findings.filter((f) => f.line <= line && f.endLine >= line).map((f) => f.rule))]
  const layers: BuiltLayer[] = built.layers.map((layer, index) => {
    const createdBy = cleanCreatedBy(history[index]?.created_by ?? '')
    const row: BuiltLayer = { index, digest: layer.digest, size: layer.size, createdBy: createdBy.length > 120 ? `${createdBy.slice(0, 119)}…` : createdBy, origin: 'unknown', line: null, stage: null, copiedFrom: null, findings: [] }
    if (index < baseLayers) return { ...row, origin: 'base image' }
    const keyword = createdBy.split(/\s+/)[0]?.toUpperCase() ?? ''
    // The next instruction of the same kind; history and instructions run in the same order.
    let k = next
    while (k < candidates.length && (candidates[k] as { ins: Instruction }).ins.keyword !== keyword) k++
    const match = candidates[k]
    if (match === undefined) return row
    next = k + 1
    const edge = match.ins.copy?.from !== null && match.ins.copy?.from !== undefined ? copyEdge(match.stage.index, match.ins.line) : undefined
    const copiedFrom = edge !== undefined ? stageLabel(model.stages[edge.to] as Stage) : (match.ins.copy?.from ?? null)
    return { ...row, origin: 'instruction', line: match.ins.line, stage: stageLabel(match.stage), copiedFrom, findings: findingsAt(match.ins.line) }
  })
  const compressedSize = layers.reduce((n, l) => n + l.size, 0)
  const baseSize = layers.filter((l) => l.origin === 'base image').reduce((n, l) => n + l.size, 0)
  const added = compressedSize - baseSize
  const waste: string[] = []
  for (const l of layers) {
    if (l.origin !== 'instruction' || l.line === null) continue
    const ins = model.instructions.find((i) => i.line === l.line)
    const sources = ins?.copy?.sources ?? []
    if (l.copiedFrom !== null && sources.some((s) => s === '/' || s === '.' || s === './')) waste.push(`layer ${l.index} (line ${l.line}) copies the whole of ${l.copiedFrom}: copy only the files the image needs`)
    else if (l.copiedFrom === null && ins?.keyword === 'COPY' && sources.some((s) => s === '.' || s === './') && added > 0 && l.size > added / 2) waste.push(`layer ${l.index} (line ${l.line}) copies the whole build context and is most of what this Dockerfile adds: check .dockerignore`)
    if (l.findings.length > 0 && added > 0 && l.size >= added / 10) waste.push(`layer ${l.index} (line ${l.line}) is ${Math.round((l.size / added) * 100)}% of what this Dockerfile adds and has findings: ${l.findings.join(', ')}`)
  }
  const unmatched = layers.filter((l) => l.origin === 'unknown').length
  if (unmatched > 0) waste.push(`${unmatched} layer(s) could not be matched to an instruction (the image may come from another Dockerfile or target)`)
  return { image: built.image, platform: built.platform, compressedSize, baseLayers, baseSize, layers, largest: [...layers].sort((a, b) => b.size - a.size).slice(0, 5), waste }
}
