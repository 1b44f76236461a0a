/** The CLI's readable report: per file, its stages in one line, then `path:line  severity  rule  message`. */
import type { FileAnalysis } from '../analyze.js'
import { tally, type Severity } from '../model/finding.js'

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
    .map((s) => `${s.name ?? `#${s.index}`} (${graph.roles[s.index] ?? 'unused'}${s.index === graph.target ? ', target' : ''})`)
    .join(', ')
}

export function formatText(analyses: readonly FileAnalysis[], options: TextOptions): string {
  const paint = (kind: keyof typeof COLOURS, text: string): string => {
    const [open, close] = COLOURS[kind]
    return options.colour ? `${open}${text}${close}` : text
  }
  const out: string[] = []
  for (const analysis of analyses) {
    out.push(paint('bold', analysis.path))
    out.push(paint('dim', `  stages: ${stageLine(analysis)}`))
    for (const f of analysis.findings) {
      out.push(`${analysis.path}:${f.line}  ${paint(f.severity, f.severity.padEnd(7))}  ${f.rule}  ${f.message}`)
    }
    out.push('')
  }
  const t = countFindings(analyses)
  out.push(`${plural(t.files, 'file')}: ${plural(t.error, 'error')}, ${plural(t.warning, 'warning')}, ${t.info} info`)
  return out.join('\n') + '\n'
}
