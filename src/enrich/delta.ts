/**
 * What a pull request changed about a Dockerfile: stages added, removed or renamed, the shipped
 * image's base, and which findings are new or fixed. Findings are matched by rule, stage and
 * message with line numbers left out, so a finding that only moved is neither new nor fixed. Pure.
 */

import { describeShippedImage, stageLabel } from '../graph/image.js'
import type { Finding } from '../model/finding.js'
import type { Stage } from '../model/dockerfile.js'
import type { BaseDescription } from '../model/image.js'
import type { FileAnalysis } from '../model/analysis.js'

/** The file before the PR: its analysis, or 'new' when the PR adds it. */
export type PreviousVersion = FileAnalysis | 'new'

/** The base versions that exist (a new file has none). */
export function analysedVersions(previous: ReadonlyMap<string, PreviousVersion> | undefined): FileAnalysis[] {
  return [...(previous?.values() ?? [])].filter((p): p is FileAnalysis => p !== 'new')
}

export interface FileDelta {
  stagesAdded: string[]
  stagesRemoved: string[]
  stagesRenamed: { from: string; to: string }[]
  /** The shipped image's base before and after; null when the version has no stage. */
  finalBase: { before: BaseDescription | null; after: BaseDescription | null }
  /** One per occurrence (a grouped finding's lines counted apart). */
  newFindings: Finding[]
  fixedFindings: Finding[]
  /** The head's own findings (as they are reported) that have at least one new occurrence. */
  newInHead: Finding[]
}

const stageKey = (s: Stage): string => s.id ?? `#${s.index}`

/** A finding's stage by name, with a renamed stage's old name mapped to its new one. */
function stageName(analysis: FileAnalysis, index: number | null, renamed: ReadonlyMap<string, string>): string {
  const stage = index === null ? undefined : analysis.model.stages[index]
  const id = stage === undefined ? '' : (stage.id ?? '')
  return renamed.get(id) ?? id
}

/** Identity of a finding across versions: line numbers, and a renamed stage's name, left out. */
function findingKey(analysis: FileAnalysis, f: Finding, renamed: ReadonlyMap<string, string>): string {
  const stage = stageName(analysis, f.stage, renamed)
  let message = f.message.replace(/\b(lines?) \d+(?:[–-]\d+)?/g, '$1 N')
  for (const [from, to] of renamed) message = message.split(`"${from}"`).join(`"${to}"`)
  return `${f.rule}\u0000${stage}\u0000${message}`
}

/** A grouped finding stands for one occurrence per line: compared one by one, so a PR that adds a line is seen. */
function occurrences(findings: readonly Finding[]): Finding[] {
  return findings.flatMap((f) => (f.alsoAt === undefined ? [f] : [{ ...f, alsoAt: undefined }, ...f.alsoAt.map((line) => ({ ...f, line, endLine: line, alsoAt: undefined }))]))
}

/** The finding each occurrence came from. */
function origins(findings: readonly Finding[]): Map<Finding, Finding> {
  const origin = new Map<Finding, Finding>()
  for (const f of findings) for (const o of occurrences([f])) origin.set(o, f)
  return origin
}

/** Findings of `a` with no counterpart in `b` (as multisets); `renamedA` maps `a`'s stage names to `b`'s. */
function missingFrom(a: FileAnalysis, b: FileAnalysis, renamedA: ReadonlyMap<string, string>, renamedB: ReadonlyMap<string, string>, of: readonly Finding[] = occurrences(a.findings)): Finding[] {
  const counts = new Map<string, number>()
  for (const f of occurrences(b.findings)) {
    const k = findingKey(b, f, renamedB)
    counts.set(k, (counts.get(k) ?? 0) + 1)
  }
  return of.filter((f) => {
    const k = findingKey(a, f, renamedA)
    const n = counts.get(k) ?? 0
    if (n === 0) return true
    counts.set(k, n - 1)
    return false
  })
}

const NONE: ReadonlyMap<string, string> = new Map()

/** At least half of the instructions after FROM are the same text (in any order). */
function similar(a: Stage, b: Stage): boolean {
  const text = (s: Stage): string[] => s.instructions.slice(1).map((i) => `${i.keyword} ${i.args.join(' ')}`)
  const left = text(a)
  const right = new Set(text(b))
  const shared = left.filter((t) => right.has(t)).length
  return shared * 2 >= Math.max(left.length, right.size) && (left.length > 0 || right.size === 0)
}

export function compareVersions(base: FileAnalysis, head: FileAnalysis): FileDelta {
  const before = base.model.stages
  const after = head.model.stages
  const beforeKeys = new Set(before.map(stageKey))
  const afterKeys = new Set(after.map(stageKey))
  const removed = before.filter((s) => !afterKeys.has(stageKey(s)))
  const added = after.filter((s) => !beforeKeys.has(stageKey(s)))
  // A removed and an added named stage with the same base and mostly the same instructions: a rename.
  const stagesRenamed: { from: string; to: string }[] = []
  const renamed = new Map<string, string>()
  for (const old of [...removed]) {
    const match = added.find((s) => s.name !== null && old.name !== null && s.base.raw === old.base.raw && similar(old, s))
    if (match === undefined) continue
    stagesRenamed.push({ from: stageLabel(old), to: stageLabel(match) })
    renamed.set(old.id as string, match.id as string)
    removed.splice(removed.indexOf(old), 1)
    added.splice(added.indexOf(match), 1)
  }
  const origin = origins(head.findings)
  const newFindings = missingFrom(head, base, NONE, renamed, [...origin.keys()])
  return {
    stagesAdded: added.map(stageLabel),
    stagesRemoved: removed.map(stageLabel),
    stagesRenamed,
    finalBase: { before: describeShippedImage(base.model, base.graph)?.base ?? null, after: describeShippedImage(head.model, head.graph)?.base ?? null },
    newFindings,
    fixedFindings: missingFrom(base, head, renamed, NONE),
    newInHead: [...new Set(newFindings.map((f) => origin.get(f) as Finding))]
  }
}
