/**
 * `size-budget` against the image the workflow built (the `image` input): its real compressed
 * size beats the base image's, which is only a lower bound. Pure: the review puts the finding in
 * place of the estimate-based one, on the shipped stage's FROM line.
 */
import { stageChain } from '../graph/image.js'
import { formatBytes, parseSize } from '../parse/settings.js'
import { NO_EQUIVALENTS, type Finding, type Severity } from '../model/finding.js'
import type { FileAnalysis } from '../model/analysis.js'
import type { BuiltImage } from './built-image.js'

/** The file's findings with `size-budget` judged on the built image's size instead of its base's. */
export function withBuiltImageBudget(analysis: FileAnalysis, built: BuiltImage, maxSize: string | null, severity: Severity | 'off'): Finding[] {
  const others = analysis.findings.filter((f) => f.rule !== 'size-budget')
  const max = maxSize === null ? null : parseSize(maxSize)
  if (max === null || severity === 'off' || analysis.graph.target === null) return analysis.findings
  const root = stageChain(analysis.model, analysis.graph.target)[0]
  if (root === undefined) return analysis.findings
  if (built.compressedSize <= max) return others
  const finding: Finding = {
    rule: 'size-budget',
    severity,
    line: root.line,
    endLine: root.line,
    message: `the built image ${built.image} is ${formatBytes(built.compressedSize)} compressed (${built.layers.length} layers from the registry: the base image ${formatBytes(built.baseSize)}, this Dockerfile ${formatBytes(built.compressedSize - built.baseSize)}), over its size budget of ${maxSize ?? ''}; the largest layers are listed under Built image`,
    stage: root.index,
    equivalents: NO_EQUIVALENTS
  }
  return [...others, finding].sort((a, b) => a.line - b.line)
}
