/**
 * The JSON report (`--format json`, the action's `json-file`). Version 1's field names are a
 * contract: later versions add fields, never rename or remove these.
 */
import type { FileAnalysis } from '../analyze.js'
import { edgesByStage, type Via, type Role } from '../graph/graph.js'
import type { BaseKind } from '../parse/types.js'
import type { Equivalents, Severity } from '../model/finding.js'

export interface JsonBase {
  raw: string
  image: string | null
  tag: string | null
  digest: string | null
  platform: string | null
  kind: BaseKind
  stage: number | null
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
}

export interface JsonFile {
  path: string
  target: number | null
  stages: JsonStage[]
  findings: JsonFinding[]
}

export interface JsonReport {
  version: 1
  files: JsonFile[]
}

export function toJsonFile(analysis: FileAnalysis): JsonFile {
  const { model, graph } = analysis
  const edges = edgesByStage(graph, model.stages.length)
  return {
    path: analysis.path,
    target: graph.target,
    stages: model.stages.map((stage) => ({
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
        stage: stage.base.stage
      },
      role: graph.roles[stage.index] ?? 'unused',
      dependsOn: (edges[stage.index] ?? []).map((e) => ({ stage: e.to, via: e.via, line: e.line }))
    })),
    findings: analysis.findings.map((f) => ({
      rule: f.rule,
      severity: f.severity,
      line: f.line,
      endLine: f.endLine,
      message: f.message,
      equivalents: { hadolint: f.equivalents.hadolint, buildkit: f.equivalents.buildkit }
    }))
  }
}

export function toJsonReport(analyses: readonly FileAnalysis[]): JsonReport {
  return { version: 1, files: analyses.map(toJsonFile) }
}
