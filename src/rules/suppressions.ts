/**
 * Inline suppressions, ours and the peers', so teams migrating keep theirs:
 *   # stagecraft-ignore [rule-a,rule-b]     the next instruction (all rules when none is named)
 *   # stagecraft-ignore-file [rule-a,...]   the whole file
 *   # hadolint ignore=DL3006,DL3008         the next instruction, through the hadolint equivalents
 *   # hadolint global ignore=DL3006         the whole file
 *   # check=skip=Name,...|all               BuildKit: the directive for the file, a comment for the next instruction
 *   # check=error=true                      BuildKit: raise findings of rules with a BuildKit equivalent to error
 */
import type { Finding } from '../model/finding.js'
import type { DockerfileModel, Instruction } from '../model/dockerfile.js'
import type { Rule } from './types.js'

type RuleSet = Set<string> | 'all'

export interface Suppressions {
  file: RuleSet
  /** [first line, last line, rules] of suppressed instructions. */
  ranges: [number, number, RuleSet][]
  /** BuildKit's error=true. */
  buildkitErrors: boolean
  /** Suppression comments that name no known rule, for the invalid-suppression rule. */
  unknown: { line: number; name: string; tool: 'stagecraft' | 'hadolint' | 'buildkit' }[]
}

function add(target: RuleSet, ids: RuleSet): RuleSet {
  if (target === 'all' || ids === 'all') return 'all'
  for (const id of ids) target.add(id)
  return target
}

function list(text: string): string[] {
  return text
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '')
}

/** Maps names of one tool to our rule ids; records the names that map to nothing. */
function resolve(names: string[], tool: Suppressions['unknown'][number]['tool'], rules: readonly Rule[], line: number, unknown: Suppressions['unknown']): RuleSet {
  const ids = new Set<string>()
  for (const name of names) {
    if (tool === 'buildkit' && name.toLowerCase() === 'all') {
      for (const r of rules) if (r.meta.equivalents.buildkit !== null) ids.add(r.meta.id)
      continue
    }
    const matches = rules.filter((r) =>
      tool === 'stagecraft' ? r.meta.id === name : tool === 'hadolint' ? r.meta.equivalents.hadolint === name.toUpperCase() : r.meta.equivalents.buildkit === name
    )
    // hadolint and BuildKit have checks we do not implement: silently nothing to suppress there.
    if (matches.length === 0 && tool === 'stagecraft') unknown.push({ line, name, tool })
    for (const r of matches) ids.add(r.meta.id)
  }
  return ids
}

function instructionsOf(model: DockerfileModel): Instruction[] {
  return model.instructions
}

/** The engine and the invalid-suppression rule both ask; read each file's comments once. */
const cache = new WeakMap<DockerfileModel, { rules: readonly Rule[]; suppressions: Suppressions }>()

export function readSuppressions(model: DockerfileModel, rules: readonly Rule[]): Suppressions {
  const cached = cache.get(model)
  if (cached !== undefined && cached.rules === rules) return cached.suppressions
  const suppressions = computeSuppressions(model, rules)
  cache.set(model, { rules, suppressions })
  return suppressions
}

function computeSuppressions(model: DockerfileModel, rules: readonly Rule[]): Suppressions {
  const result: Suppressions = { file: new Set(), ranges: [], buildkitErrors: false, unknown: [] }
  const check = model.directives.check
  if (check !== null) {
    result.file = add(result.file, resolve(check.skip === 'all' ? ['all'] : check.skip, 'buildkit', rules, check.line, result.unknown))
    result.buildkitErrors = check.error
  }
  const instructions = instructionsOf(model)
  const nextInstruction = (line: number): Instruction | undefined => instructions.find((i) => i.line > line)
  for (const comment of model.comments) {
    const text = comment.text.trim()
    let match: RegExpExecArray | null
    let ids: RuleSet | null = null
    let fileWide = false
    if ((match = /^stagecraft-ignore-file\b\s*(.*)$/.exec(text)) !== null) {
      fileWide = true
      ids = (match[1] ?? '').trim() === '' ? 'all' : resolve(list(match[1] ?? ''), 'stagecraft', rules, comment.line, result.unknown)
    } else if ((match = /^stagecraft-ignore\b\s*(.*)$/.exec(text)) !== null) {
      ids = (match[1] ?? '').trim() === '' ? 'all' : resolve(list(match[1] ?? ''), 'stagecraft', rules, comment.line, result.unknown)
    } else if ((match = /^hadolint\s+(global\s+)?ignore\s*=\s*(\S+)/.exec(text)) !== null) {
      fileWide = match[1] !== undefined
      ids = resolve(list(match[2] ?? ''), 'hadolint', rules, comment.line, result.unknown)
    } else if ((match = /^check\s*=\s*skip\s*=\s*([^\s;]+)/.exec(text)) !== null && comment.line !== check?.line) {
      ids = resolve(list(match[1] ?? ''), 'buildkit', rules, comment.line, result.unknown)
    }
    if (ids === null) continue
    if (fileWide) {
      result.file = add(result.file, ids)
      continue
    }
    const next = nextInstruction(comment.line)
    if (next !== undefined) result.ranges.push([next.line, next.endLine, ids])
  }
  return result
}

/** Findings about an unreadable file are only silenced by name, never by a blanket ignore. */
const UNSILENCEABLE_BY_ALL = new Set(['parse-error', 'internal-error'])

const covers = (set: RuleSet, id: string): boolean => (set === 'all' ? !UNSILENCEABLE_BY_ALL.has(id) : set.has(id))

export function isSuppressed(suppressions: Suppressions, finding: Pick<Finding, 'rule' | 'line'>): boolean {
  if (covers(suppressions.file, finding.rule)) return true
  return suppressions.ranges.some(([first, last, ids]) => finding.line >= first && finding.line <= last && covers(ids, finding.rule))
}
