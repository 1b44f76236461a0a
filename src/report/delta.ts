/**
 * What a pull request changed about a Dockerfile: stages added, removed or renamed, the shipped
 * image's base, and which findings are new or fixed. Findings are matched by rule, stage and
 * message with line numbers left out, so a finding that only moved is neither new nor fixed. Pure.
 */
import type { FileAnalysis } from '../analyze.js'
import { describeShippedImage, stageLabel, type BaseDescription } from '../graph/image.js'
import type { Finding } from '../model/finding.js'
import type { Stage } from '../parse/types.js'

export interface FileDelta {
  stagesAdded: string[]
  stagesRemoved: string[]
  stagesRenamed: { from: string; to: string }[]
  /** The shipped image's base before and after; null when the version has no stage. */
  finalBase: { before: BaseDescription | null; after: BaseDescription | null }
  newFindings: Finding[]
  fixedFindings: Finding[]
}

const stageKey = (s: Stage): string => s.id ?? `#${s.index}`

function stageName(analysis: FileAnalysis, index: number | null): string {
  const stage = index === null ? undefined : analysis.model.stages[index]
  return stage === undefined ? '' : (stage.id ?? '')
}

/** Identity of a finding across versions: line numbers in the message are left out. */
function findingKey(analysis: FileAnalysis, f: Finding): string {
  return `${f.rule}\u0000${stageName(analysis, f.stage)}\u0000${f.message.replace(/\b(lines?) \d+(?:[–-]\d+)?/g, '$1 N')}`
}

/** Findings of `a` with no counterpart in `b` (as multisets). */
function missingFrom(a: FileAnalysis, b: FileAnalysis): Finding[] {
  const counts = new Map<string, number>()
  for (const f of b.findings) {
    const k = findingKey(b, f)
    counts.set(k, (counts.get(k) ?? 0) + 1)
  }
  return a.findings.filter((f) => {
    const k = findingKey(a, f)
    const n = counts.get(k) ?? 0
    if (n === 0) return true
    counts.set(k, n - 1)
    return false
  })
}

export function compareVersions(base: FileAnalysis, head: FileAnalysis): FileDelta {
  const before = base.model.stages
  const after = head.model.stages
  const beforeKeys = new Set(before.map(stageKey))
  const afterKeys = new Set(after.map(stageKey))
  const removed = before.filter((s) => !afterKeys.has(stageKey(s)))
  const added = after.filter((s) => !beforeKeys.has(stageKey(s)))
  // A removed and an added named stage at the same place with the same base: a rename.
  const stagesRenamed: { from: string; to: string }[] = []
  for (const old of [...removed]) {
    const match = added.find((s) => s.name !== null && old.name !== null && (s.index === old.index || s.base.raw === old.base.raw))
    if (match === undefined) continue
    stagesRenamed.push({ from: stageLabel(old), to: stageLabel(match) })
    removed.splice(removed.indexOf(old), 1)
    added.splice(added.indexOf(match), 1)
  }
  return {
    stagesAdded: added.map(stageLabel),
    stagesRemoved: removed.map(stageLabel),
    stagesRenamed,
    finalBase: { before: describeShippedImage(base.model, base.graph)?.base ?? null, after: describeShippedImage(head.model, head.graph)?.base ?? null },
    newFindings: missingFrom(head, base),
    fixedFindings: missingFrom(base, head)
  }
}
