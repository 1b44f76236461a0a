/** A finding: something a rule (or the parser, or the stage graph) has to say about a file. */

export type Severity = 'error' | 'warning' | 'info'

export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info']

/** Same rule under another tool's name, so teams migrating keep their bearings. */
export interface Equivalents {
  hadolint: string | null
  buildkit: string | null
}

export interface Finding {
  rule: string
  severity: Severity
  /** 1-based, inclusive. */
  line: number
  endLine: number
  message: string
  /** Index of the stage the finding is about, when it is about one. */
  stage: number | null
  equivalents: Equivalents
  /** With several built targets: the ones whose image needs the finding's stage (by stage name). */
  targets?: string[]
  /** The same finding on other lines of the file (one finding per cause, not one per line). */
  alsoAt?: number[]
}

export const NO_EQUIVALENTS: Equivalents = Object.freeze({ hadolint: null, buildkit: null })

/** Rank for comparisons: error > warning > info. */
export function severityRank(severity: Severity): number {
  return severity === 'error' ? 3 : severity === 'warning' ? 2 : 1
}

export function compareFindings(a: Finding, b: Finding): number {
  return (
    a.line - b.line ||
    severityRank(b.severity) - severityRank(a.severity) ||
    a.rule.localeCompare(b.rule) ||
    a.message.localeCompare(b.message)
  )
}

/** How many findings of each severity. */
export function tally(findings: Iterable<Finding>): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 }
  for (const f of findings) counts[f.severity]++
  return counts
}

/** Lines a grouped finding's text lists; the rest are counted. */
const LISTED_LINES = 5

/** The finding as people read it: the rule's words, and the other lines it stands for when grouped. */
export function findingText(f: Pick<Finding, 'message' | 'alsoAt'>): string {
  if (f.alsoAt === undefined || f.alsoAt.length === 0) return f.message
  const listed = f.alsoAt.slice(0, LISTED_LINES).join(', ')
  const more = f.alsoAt.length - LISTED_LINES
  return `${f.message} (also on line${f.alsoAt.length === 1 ? '' : 's'} ${listed}${more > 0 ? ` and ${more} more` : ''})`
}
