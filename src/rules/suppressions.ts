/**
 * Inline suppressions, ours and the peers', so teams migrating keep theirs:
 *   # stagecraft-ignore [rule-a,rule-b]     the next instruction (all rules when none is named)
 *   # stagecraft-ignore-file [rule-a,...]   the whole file
 *   # hadolint ignore=DL3006, SC2086        the next instruction, through the hadolint equivalents
 *   # hadolint global ignore=DL3006         the whole file
 *   # hadolint stage ignore=DL3006          the stage whose FROM comes next (hadolint 2.15)
 *   # check=skip=Name,...|all               BuildKit: the directive for the file, a comment for the next instruction
 *   # check=error=true                      BuildKit: raise findings of rules with a BuildKit equivalent to error
 * ShellCheck codes (SC2086) name one code of the `shellcheck` rule: `shellcheck/SC2086`.
 * Which kinds of comment count is the caller's policy (`allow-suppressions`, `disable-ignore-pragma`).
 */
import type { Finding } from '../model/finding.js'
import type { DockerfileModel, Instruction } from '../model/dockerfile.js'
import type { Rule } from './types.js'
import { fileCache } from './file-cache.js'

type RuleSet = Set<string> | 'all'

/** Who wrote a suppression comment: ours, hadolint's pragmas, BuildKit's check directive. */
export type SuppressionTool = 'stagecraft' | 'hadolint' | 'buildkit'

export const SUPPRESSION_TOOLS: readonly SuppressionTool[] = ['stagecraft', 'hadolint', 'buildkit']

export interface Suppression {
  tool: SuppressionTool
  /** First and last line covered (a file-wide one covers every line). */
  first: number
  last: number
  ids: RuleSet
}

export interface Suppressions {
  entries: Suppression[]
  /** BuildKit's error=true. */
  buildkitErrors: boolean
  /** Suppression comments that suppress nothing (an unknown name, a misplaced stage ignore), for invalid-suppression. */
  unknown: { line: number; name: string; tool: SuppressionTool; reason?: 'misplaced-stage-ignore' }[]
}

/** The ShellCheck codes hadolint passes on, as `# hadolint ignore=SC2086` names them. */
const SHELLCHECK_CODE = /^SC\d{4}$/

/**
 * Every code hadolint has had: DL1001, DL3000–DL3077 and DL4000–DL4007 (DL3005 and the like were
 * deleted, but an old ignore naming them is not a typo). Anything else in a hadolint ignore is one.
 */
function isHadolintCode(code: string): boolean {
  const m = /^DL(\d{4})$/.exec(code)
  if (m === null) return SHELLCHECK_CODE.test(code)
  const n = Number(m[1])
  return n === 1001 || (n >= 3000 && n <= 3077) || (n >= 4000 && n <= 4007)
}

/** The id a ShellCheck code suppresses: one code of the shellcheck rule. */
export function shellcheckId(code: string): string {
  return `shellcheck/${code}`
}

/** `a,b` (ours and BuildKit's); hadolint's lists also take spaces around the commas. */
function list(text: string, separators: RegExp = /,/): string[] {
  return text
    .split(separators)
    .map((s) => s.trim())
    .filter((s) => s !== '')
}

/** Maps names of one tool to our rule ids; records the names that name nothing at all. */
function resolve(names: string[], tool: SuppressionTool, rules: readonly Rule[], line: number, unknown: Suppressions['unknown']): RuleSet {
  const ids = new Set<string>()
  for (const name of names) {
    if (tool === 'buildkit' && name.toLowerCase() === 'all') {
      for (const r of rules) if (r.meta.equivalents.buildkit !== null) ids.add(r.meta.id)
      continue
    }
    const upper = name.toUpperCase()
    if (tool !== 'buildkit' && SHELLCHECK_CODE.test(upper)) {
      ids.add(shellcheckId(upper))
      continue
    }
    const matches = rules.filter((r) => (tool === 'stagecraft' ? r.meta.id === name : tool === 'hadolint' ? r.meta.equivalents.hadolint === upper : r.meta.equivalents.buildkit === name))
    // A finding may carry a code its rule does not declare (parse-error's DL3061): named by code, it is silenced too.
    if (tool === 'hadolint' && isHadolintCode(upper)) ids.add(hadolintId(upper))
    // hadolint and BuildKit have checks we do not implement: nothing to suppress there, but a name
    // that is no code of theirs at all is a typo, like an unknown rule id of ours.
    if (matches.length === 0 && (tool === 'stagecraft' || (tool === 'hadolint' && !isHadolintCode(upper)))) unknown.push({ line, name, tool })
    for (const r of matches) ids.add(r.meta.id)
  }
  return ids
}

/** The engine and the invalid-suppression rule both ask; read each file's comments once. */
const cache = fileCache<DockerfileModel, { rules: readonly Rule[]; suppressions: Suppressions }>()

export function readSuppressions(model: DockerfileModel, rules: readonly Rule[]): Suppressions {
  const cached = cache.get(model)
  if (cached !== undefined && cached.rules === rules) return cached.suppressions
  const suppressions = computeSuppressions(model, rules)
  cache.set(model, { rules, suppressions })
  return suppressions
}

/** `hadolint [global|stage] ignore = A, B  # why`: the scope and the names, or null for another comment. */
function hadolintIgnore(text: string): { scope: 'next' | 'global' | 'stage'; names: string[] } | null {
  const m = /^hadolint[ \t]+(?:(global|stage)[ \t]+)?ignore[ \t]*=(.*)$/.exec(text)
  if (m === null) return null
  const body = m[2] as string
  const hash = body.indexOf('#')
  return { scope: (m[1] as 'global' | 'stage' | undefined) ?? 'next', names: list(hash < 0 ? body : body.slice(0, hash), /[\s,]+/) }
}

/** The comments that suppress findings (ours, hadolint's pragmas, BuildKit's check=skip), with who wrote them. */
export function suppressionComments(model: DockerfileModel): { line: number; tool: SuppressionTool; text: string }[] {
  return model.comments.flatMap((comment) => {
    const text = comment.text.trim()
    const tool: SuppressionTool | null = /^stagecraft-ignore(?:-file)?\b/.test(text) ? 'stagecraft' : hadolintIgnore(text) !== null ? 'hadolint' : /^check\s*=\s*skip\s*=/.test(text) ? 'buildkit' : null
    return tool === null ? [] : [{ line: comment.line, tool, text }]
  })
}

function computeSuppressions(model: DockerfileModel, rules: readonly Rule[]): Suppressions {
  const result: Suppressions = { entries: [], buildkitErrors: false, unknown: [] }
  const fileWide = (tool: SuppressionTool, ids: RuleSet): void => {
    result.entries.push({ tool, first: 1, last: Number.MAX_SAFE_INTEGER, ids })
  }
  const check = model.directives.check
  if (check !== null) {
    fileWide('buildkit', resolve(check.skip === 'all' ? ['all'] : check.skip, 'buildkit', rules, check.line, result.unknown))
    result.buildkitErrors = check.error
  }
  const instructions: Instruction[] = model.instructions
  const nextInstruction = (line: number): Instruction | undefined => instructions.find((i) => i.line > line)
  const nextOnly = (tool: SuppressionTool, line: number, ids: RuleSet): void => {
    const next = nextInstruction(line)
    if (next !== undefined) result.entries.push({ tool, first: next.line, last: next.endLine, ids })
  }
  for (const comment of model.comments) {
    const text = comment.text.trim()
    let match: RegExpExecArray | null
    const hadolint = hadolintIgnore(text)
    if ((match = /^stagecraft-ignore-file\b\s*(.*)$/.exec(text)) !== null) {
      fileWide('stagecraft', (match[1] ?? '').trim() === '' ? 'all' : resolve(list(match[1] ?? ''), 'stagecraft', rules, comment.line, result.unknown))
    } else if ((match = /^stagecraft-ignore\b\s*(.*)$/.exec(text)) !== null) {
      nextOnly('stagecraft', comment.line, (match[1] ?? '').trim() === '' ? 'all' : resolve(list(match[1] ?? ''), 'stagecraft', rules, comment.line, result.unknown))
    } else if (hadolint !== null) {
      const ids = resolve(hadolint.names, 'hadolint', rules, comment.line, result.unknown)
      if (hadolint.scope === 'global') fileWide('hadolint', ids)
      else if (hadolint.scope === 'next') nextOnly('hadolint', comment.line, ids)
      else {
        // As in hadolint: only directly above a FROM, and then for that whole stage.
        const next = nextInstruction(comment.line)
        const stage = next?.keyword === 'FROM' ? model.stages[next.stage] : undefined
        if (stage !== undefined) result.entries.push({ tool: 'hadolint', first: stage.line, last: stage.endLine, ids })
        else result.unknown.push({ line: comment.line, name: hadolint.names.join(', '), tool: 'hadolint', reason: 'misplaced-stage-ignore' })
      }
    } else if ((match = /^check\s*=\s*skip\s*=\s*([^\s;]+)/.exec(text)) !== null && comment.line !== check?.line) {
      nextOnly('buildkit', comment.line, resolve(list(match[1] ?? ''), 'buildkit', rules, comment.line, result.unknown))
    }
  }
  return result
}

/** Findings about an unreadable file are only silenced by name, never by a blanket ignore. */
const UNSILENCEABLE_BY_ALL = new Set(['parse-error', 'internal-error', 'inline-ignore'])

const covers = (set: RuleSet, id: string): boolean => (set === 'all' ? !UNSILENCEABLE_BY_ALL.has(id) : set.has(id))

/** The ids a suppression may name a finding by: its rule, and for a ShellCheck finding its code. */
function idsOf(finding: Pick<Finding, 'rule'> & { equivalents?: Finding['equivalents'] }): string[] {
  const code = finding.equivalents?.hadolint ?? null
  if (code === null) return [finding.rule]
  return [finding.rule, SHELLCHECK_CODE.test(code) ? shellcheckId(code) : hadolintId(code)]
}

/** The id a `# hadolint ignore=DL3061` names a finding by when the finding, not its rule, carries the code. */
function hadolintId(code: string): string {
  return `hadolint/${code}`
}

/** Whether a finding is silenced by a comment of a tool the policy lets count (by default all of them). */
export function isSuppressed(
  suppressions: Suppressions,
  finding: Pick<Finding, 'rule' | 'line'> & { equivalents?: Finding['equivalents'] },
  honoured: readonly SuppressionTool[] = SUPPRESSION_TOOLS
): boolean {
  const ids = idsOf(finding)
  // A blanket ignore is judged by the finding's rule: some rules it never silences.
  return suppressions.entries.some((s) => honoured.includes(s.tool) && finding.line >= s.first && finding.line <= s.last && (s.ids === 'all' ? covers('all', finding.rule) : ids.some((id) => covers(s.ids, id))))
}
