/** The CLI's readable report: per file, its stages in one line, then `path:line  severity  rule  message`. */

import { tally, type Severity, findingText } from '../model/finding.js'
import type { FileAnalysis } from '../model/analysis.js'
import { shownTarget } from '../graph/graph.js'
import { describeShippedImage } from '../graph/image.js'
import { displayImage, displayText } from './display.js'

export interface TextOptions {
  colour: boolean
}

const COLOURS: Record<Severity | 'dim' | 'bold', [string, string]> = {
  error: ['\u001b[31m', '\u001b[39m'],
  warning: ['\u001b[33m', '\u001b[39m'],
  info: ['\u001b[36m', '\u001b[39m'],
  dim: ['\u001b[2m', '\u001b[22m'],
  bold: ['\u001b[1m', '\u001b[22m']
}

export interface Totals {
  files: number
  error: number
  warning: number
  info: number
}

export function countFindings(analyses: readonly FileAnalysis[]): Totals {
  return { files: analyses.length, ...tally(analyses.flatMap((a) => a.findings)) }
}

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`
}

/** `builder (build) → app (ships)`: each stage with its role, in file order. */
export function stageLine(analysis: FileAnalysis): string {
  const { model, graph } = analysis
  if (model.stages.length === 0) return 'no stages'
  return model.stages
    .map((s) => `${s.name ?? `#${s.index}`} (${graph.roles[s.index] ?? 'unused'}${graph.targets.some((t) => t.stage === s.index) ? ', target' : ''})`)
    .join(', ')
}

function painter(options: TextOptions): (kind: keyof typeof COLOURS, text: string) => string {
  return (kind, text) => {
    const [open, close] = COLOURS[kind]
    return options.colour ? `${open}${text}${close}` : text
  }
}

/** One file's part of the report, so a large run can print as it goes. */
export function textFilePiece(analysis: FileAnalysis, options: TextOptions): string {
  const paint = painter(options)
  const shipped = analysis.model.stages.length === 0 ? null : describeShippedImage(analysis.model, analysis.graph)
  // As the summary says it: an environment target is built on its base, it does not ship.
  const runtime = shownTarget(analysis.graph)?.purpose !== 'environment'
  const on = shipped === null || shipped.base.kind === 'stage' ? '' : ` · ${runtime ? 'ships' : 'a build environment'} on ${displayImage(shipped.base.label).text}`
  const out = [paint('bold', analysis.path), paint('dim', `  stages: ${stageLine(analysis)}${on}`)]
  for (const f of analysis.findings) out.push(`${analysis.path}:${f.line}  ${paint(f.severity, f.severity.padEnd(7))}  ${f.rule}  ${displayText(findingText(f))}`)
  return out.join('\n') + '\n\n'
}

export function textTotals(t: Totals): string {
  return `${plural(t.files, 'file')}: ${plural(t.error, 'error')}, ${plural(t.warning, 'warning')}, ${t.info} info\n`
}

export function formatText(review: { files: readonly { analysis: FileAnalysis }[] }, options: TextOptions): string {
  const analyses = review.files.map((f) => f.analysis)
  return analyses.map((a) => textFilePiece(a, options)).join('') + textTotals(countFindings(analyses))
}
