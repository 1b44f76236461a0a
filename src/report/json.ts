/**
 * The JSON report (`--format json`, the action's `json-file`). Version 1's field names are a
 * contract: later versions add fields, never rename or remove these.
 */

import { edgesByStage } from '../graph/graph.js'
import { describeBase, describeShippedImage } from '../graph/image.js'

import type { BuiltImageResult } from '../enrich/built-image.js'
import { baseSize, lookupOf, type SizeSource } from '../enrich/sizes.js'
import { effectiveImage, type EffectiveImage } from '../graph/effective.js'
import type { BaseKind } from '../model/dockerfile.js'
import type { Equivalents, Severity } from '../model/finding.js'
import type { Role, Via } from '../model/graph.js'
import type { BaseDescription, BaseFacts, ImageLookup } from '../model/image.js'
import type { FileAnalysis, UnreadFile } from '../model/analysis.js'
import type { BuildDefinition } from '../builds/types.js'
import type { Purpose } from '../model/graph.js'

export interface JsonBase {
  raw: string
  image: string | null
  tag: string | null
  digest: string | null
  platform: string | null
  kind: BaseKind
  stage: number | null
  /** Bytes, compressed: the registry's sum of layer sizes, or the estimate (null: unknown, or not an image). */
  compressedSize: number | null
  /** Uncompressed bytes, when the registry says. */
  size: number | null
  sizeSource: SizeSource | null
  /** What the image's config says (user, ENV names, workdir, entrypoint, cmd, ports, healthcheck, labels…), when the registry gave it. */
  facts?: BaseFacts
}

export interface JsonFinalImage {
  /** The target stage. */
  stage: number
  /** The external image at the root of its FROM chain (or scratch), as written after expansion. */
  base: string
  compressedSize: number | null
  size: number | null
  sizeSource: SizeSource | null
  /** The effective user, workdir, entrypoint, cmd, healthcheck and ports, each with where it comes from. */
  settings: EffectiveImage
}

export interface JsonStage {
  index: number
  name: string | null
  line: number
  base: JsonBase
  role: Role
  dependsOn: { stage: number; via: Via; line: number }[]
}

export interface JsonFinding {
  rule: string
  severity: Severity
  line: number
  endLine: number
  message: string
  equivalents: Equivalents
  /** With several built targets: the targets whose image needs the finding's stage. */
  targets?: string[]
  /** The same finding on other lines (reported once). */
  alsoAt?: number[]
}

/** A build of the file that the repository's build definitions describe. */
export interface JsonBuild {
  kind: BuildDefinition['kind']
  /** Where it is defined. */
  source: { file: string; line: number }
  name: string
  /** The stage built; null: the last stage. */
  target: string | null
  targetUnknown: boolean
  context: string | null
  /** Build args; null values are expressions that could not be read. */
  args: Record<string, string | null>
  platforms: string[]
  pushed: boolean | null
}

/** A stage that is built, what it is for and why. */
export interface JsonTarget {
  stage: number
  purpose: Purpose
  because: string
  builtBy: string[]
}

export interface JsonFile {
  path: string
  target: number | null
  stages: JsonStage[]
  /** What ships: the target's base and its size; null when the file has no stage. */
  finalImage: JsonFinalImage | null
  /** The built image's layers (the action's `image` input, the CLI's --image), when asked for. */
  builtImage?: BuiltImageResult
  /** Every built target with its purpose (runtime or environment) and the evidence. */
  targets: JsonTarget[]
  /** The build definitions that build this file (workflows, bake, compose, dev containers). */
  builds: JsonBuild[]
  findings: JsonFinding[]
}

export interface JsonReport {
  version: 1
  files: JsonFile[]
  /** Dockerfiles that could not be read, so were not reviewed (a link out of the workspace, binary content, over 1 MiB…). */
  unread: UnreadFile[]
  /** Why Dockerfiles may be missing from the review (a file list GitHub cut at 3,000 files, a listing that failed). */
  incomplete: string[]
}

function sizeFields(base: BaseDescription, sizes: Sizes): { compressedSize: number | null; size: number | null; sizeSource: SizeSource | null } {
  const found = baseSize(base, sizes)
  return found === null ? { compressedSize: null, size: null, sizeSource: null } : { compressedSize: found.compressedSize, size: found.size, sizeSource: found.sizeSource }
}

type Sizes = ReadonlyMap<string, ImageLookup> | undefined

function factsField(base: BaseDescription, sizes: Sizes): { facts?: BaseFacts } {
  const facts = factsOf(base, sizes)
  return facts === null ? {} : { facts }
}

function factsOf(base: BaseDescription, sizes: Sizes): BaseFacts | null {
  const found = lookupOf(base, sizes)
  return found?.ok === true ? (found.config?.facts ?? null) : null
}

const jsonBuild = (b: BuildDefinition): JsonBuild => ({
  kind: b.kind,
  source: { file: b.source.file, line: b.source.line },
  name: b.name,
  target: b.target,
  targetUnknown: b.targetUnknown,
  context: b.context,
  args: b.args,
  platforms: b.platforms,
  pushed: b.push
})

export function toJsonFile(file: { analysis: FileAnalysis; builds?: readonly BuildDefinition[] }, sizes?: Sizes, built?: BuiltImageResult): JsonFile {
  const { analysis } = file
  const { model, graph } = analysis
  const edges = edgesByStage(graph, model.stages.length)
  const shipped = describeShippedImage(model, graph)
  return {
    path: analysis.path,
    target: graph.target,
    finalImage: shipped === null ? null : { stage: shipped.target, base: shipped.base.label, ...sizeFields(shipped.base, sizes), settings: effectiveImage(model, shipped.target, factsOf(shipped.base, sizes)) },
    ...(built === undefined ? {} : { builtImage: built }),
    targets: graph.targets.map((t) => ({ stage: t.stage, purpose: t.purpose, because: t.because, builtBy: t.builtBy })),
    builds: (file.builds ?? []).map(jsonBuild),
    stages: model.stages.map((stage) => {
      const described = describeBase(stage, model.stages)
      return {
        index: stage.index,
        name: stage.name,
        line: stage.line,
        base: {
          raw: stage.base.raw,
          image: stage.base.image,
          tag: stage.base.tag,
          digest: stage.base.digest,
          platform: stage.base.platform,
          kind: stage.base.kind,
          stage: stage.base.stage,
          ...sizeFields(described, sizes),
          ...factsField(described, sizes)
        },
        role: graph.roles[stage.index] ?? 'unused',
        dependsOn: (edges[stage.index] ?? []).map((e) => ({ stage: e.to, via: e.via, line: e.line }))
      }
    }),
    findings: analysis.findings.map((f) => ({
      rule: f.rule,
      severity: f.severity,
      line: f.line,
      endLine: f.endLine,
      message: f.message,
      equivalents: { hadolint: f.equivalents.hadolint, buildkit: f.equivalents.buildkit },
      ...(f.targets === undefined ? {} : { targets: f.targets }),
      ...(f.alsoAt === undefined ? {} : { alsoAt: f.alsoAt })
    }))
  }
}

/** What the JSON report shows: a review (src/review) or anything shaped like one. */
export interface JsonReported {
  files: readonly { path: string; analysis: FileAnalysis; builds?: readonly BuildDefinition[] }[]
  unread?: readonly UnreadFile[]
  incomplete?: readonly string[]
  sizes?: Sizes
  builtImages?: ReadonlyMap<string, BuiltImageResult>
}

export function toJsonReport(review: JsonReported): JsonReport {
  return { version: 1, files: review.files.map((f) => toJsonFile(f, review.sizes, review.builtImages?.get(f.path))), ...notReviewed(review) }
}

/** What the report says was not reviewed: every file that could not be read, and why the list may be incomplete. */
function notReviewed(review: Pick<JsonReported, 'unread' | 'incomplete'>): Pick<JsonReport, 'unread' | 'incomplete'> {
  return { unread: (review.unread ?? []).map((u) => ({ path: u.path, reason: u.reason })), incomplete: [...(review.incomplete ?? [])] }
}

/**
 * The report as `JSON.stringify(report, null, 2)` prints it, in pieces: the opening, then one
 * piece per file as it is analysed, then the closing. A large run never holds the whole text.
 */
export const JSON_REPORT_OPEN = '{\n  "version": 1,\n  "files": ['
export function jsonFilePiece(file: JsonFile, first: boolean): string {
  // Nested two arrays deep, the file is indented as it is inside the report ("[\n  [\n" before it,
  // "\n  ]\n]" after): no second pass over the text to indent it (and no indent inserted after a
  // U+2028 inside a string, which a /^/gm replace would do).
  const nested = JSON.stringify([[file]], null, 2)
  return `${first ? '' : ','}\n${nested.slice(6, nested.length - 6)}`
}
/** The closing piece: the end of `files`, then what was not reviewed (known only at the end of the run). */
export function jsonReportClose(files: number, review: Pick<JsonReported, 'unread' | 'incomplete'>): string {
  // The fields after "files" as JSON.stringify prints them at the report's top level: "{\n" dropped.
  const rest = JSON.stringify(notReviewed(review), null, 2).slice(2)
  return `${files === 0 ? ']' : '\n  ]'},\n${rest}\n`
}
