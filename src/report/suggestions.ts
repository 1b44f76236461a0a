/**
 * One-click fixes for findings whose fix is mechanical: the changed line as it should read, for a
 * GitHub review comment with a ```suggestion block. Each fix rewrites one physical line and only
 * when the line says exactly what the finding is about, so a suggestion never guesses; several
 * fixes of one line (`-y` and `--no-install-recommends`) become one suggestion. Pure.
 *
 * Fixed by suggestion: apt-get/yum/dnf without `-y`, apt-get install without
 * `--no-install-recommends`, a shell-form CMD/ENTRYPOINT of plain words (to JSON form), the case
 * of `AS` in FROM, a `COPY --from`/`FROM` naming a stage with a typo, pip install without
 * `--no-cache-dir`.
 */
import { touches } from '../diff/patch.js'
import type { Finding } from '../model/finding.js'
import type { FileAnalysis } from '../model/analysis.js'
import type { ChangedLines } from '../review/policy.js'

/** GitHub's review comments are noisy: never more than this many per run. */
export const SUGGESTION_CAP = 10

export interface Suggestion {
  path: string
  /** The line of the head version the suggestion replaces. */
  line: number
  /** The rules it fixes, in order. */
  rules: string[]
  original: string
  replacement: string
  /** Identity across runs: the path, the rules and the line as written (not its number, which moves). */
  key: string
}

type Fix = (line: string, finding: Finding) => string | null

/** The command's own words: up to the next `&&`, `||`, `;` or `|`. */
function segment(text: string): string {
  return text.split(/&&|\|\||;|\|/)[0] ?? text
}

/** `apt-get install` → `apt-get install -y` (and yum, dnf): the program and subcommand the message names, when that command has no `-y`. */
const ASSUME_YES: Fix = (line, finding) => {
  const named = /^(\S+) (\S+) without -y\b/.exec(finding.message)
  if (named === null) return null
  const escape = (w: string): string => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
  const m = new RegExp(`\\b${escape(named[1] as string)}((?:\\s+-[-\\w=]+)*)\\s+${escape(named[2] as string)}\\b`).exec(line)
  if (m === null || /\s(?:-y|--yes|--assumeyes|--assume-yes|-q{2,})\b/.test(` ${segment(line.slice(m.index))}`)) return null
  return `${line.slice(0, m.index + m[0].length)} -y${line.slice(m.index + m[0].length)}`
}

const NO_RECOMMENDS: Fix = (line) => {
  const m = /\b(apt-get|apt)((?:\s+-[-\w=]+)*)\s+install\b/.exec(line)
  if (m === null || segment(line.slice(m.index)).includes('--no-install-recommends') || line.includes('Install-Recommends')) return null
  return `${line.slice(0, m.index + m[0].length)} --no-install-recommends${line.slice(m.index + m[0].length)}`
}

const PIP_NO_CACHE: Fix = (line) => {
  const m = /\b(pip3?|python3?\s+-m\s+pip)\s+install\b/.exec(line)
  if (m === null || line.includes('--no-cache-dir')) return null
  return `${line.slice(0, m.index + m[0].length)} --no-cache-dir${line.slice(m.index + m[0].length)}`
}

/** `CMD node server.js` → `CMD ["node", "server.js"]`, only for plain words (no quotes, variables or shell syntax). */
const JSON_FORM: Fix = (line) => {
  const m = /^(\s*)(CMD|ENTRYPOINT)(\s+)(.+?)\s*$/i.exec(line)
  if (m === null || (m[4] as string).startsWith('[') || (m[4] as string).endsWith('\\')) return null
  const words = (m[4] as string).split(/\s+/)
  if (!words.every((w) => /^[\w./:=@%+,-]+$/.test(w))) return null
  return `${m[1]}${m[2]}${m[3]}[${words.map((w) => JSON.stringify(w)).join(', ')}]`
}

/** `FROM x as y` → `FROM x AS y`: the case the rule's message asks for. */
const AS_CASING: Fix = (line, finding) => {
  const want = /write (AS|as)$/.exec(finding.message)?.[1]
  const m = /^(\s*FROM\s+(?:--\S+\s+)*\S+\s+)(as)(\s+\S+\s*)$/i.exec(line)
  if (want === undefined || m === null || m[2] === want) return null
  return `${m[1]}${want}${m[3]}`
}

/** `COPY --from=bild` → `COPY --from=build`: the stage the rule's message names. */
const STAGE_TYPO: Fix = (line, finding) => {
  const m = / (\S+) is not a stage, .*did you mean (\S+)\?$/.exec(finding.message)
  if (m === null) return null
  const [, wrong, right] = m as unknown as [string, string, string]
  for (const pattern of [`--from=${wrong}`, `FROM ${wrong}`, `from=${wrong}`]) {
    const at = line.indexOf(pattern)
    if (at >= 0 && line.indexOf(pattern, at + 1) < 0 && /^(?:[\s,]|$)/.test(line.slice(at + pattern.length))) return `${line.slice(0, at)}${pattern.slice(0, -wrong.length)}${right}${line.slice(at + pattern.length)}`
  }
  return null
}

const FIXES: Readonly<Record<string, Fix>> = {
  'apt-get-assume-yes': ASSUME_YES,
  'yum-assume-yes': ASSUME_YES,
  'dnf-assume-yes': ASSUME_YES,
  'apt-no-install-recommends': NO_RECOMMENDS,
  'pip-cache': PIP_NO_CACHE,
  'json-args-recommended': JSON_FORM,
  'from-as-casing': AS_CASING,
  'stage-name-typo': STAGE_TYPO
}

/** The rules a suggestion can fix. */
export const SUGGESTED_RULES: readonly string[] = Object.keys(FIXES)

/** A finding's occurrences as line ranges: its own, and each line it is grouped with (that instruction's lines). */
function occurrences(analysis: FileAnalysis, finding: Finding): { line: number; endLine: number }[] {
  const more = (finding.alsoAt ?? []).map((line) => ({ line, endLine: analysis.model.instructions.find((i) => i.line === line)?.endLine ?? line }))
  return [{ line: finding.line, endLine: finding.endLine }, ...more]
}

/** The physical line of an occurrence the fix applies to: the first of its lines where it changes something. */
function fixLine(lines: readonly string[], at: { line: number; endLine: number }, finding: Finding, fix: Fix, pending: ReadonlyMap<number, string>): { line: number; text: string } | null {
  for (let n = at.line; n <= at.endLine; n++) {
    const current = pending.get(n) ?? lines[n - 1]
    if (current === undefined) continue
    const text = fix(current, finding)
    if (text !== null && text !== current) return { line: n, text }
  }
  return null
}

/**
 * The suggestions for a file's findings (those the PR owns), on lines the PR changed only, in
 * line order. `text` is the head version of the file.
 */
export function suggestFixes(file: { path: string; analysis: FileAnalysis; text: string; changed: ChangedLines | undefined }, findings: readonly Finding[]): Suggestion[] {
  if (file.changed === undefined) return []
  const lines = file.text.split(/\r?\n/)
  const pending = new Map<number, string>()
  const rules = new Map<number, string[]>()
  for (const f of [...findings].sort((a, b) => a.line - b.line)) {
    const fix = FIXES[f.rule]
    if (fix === undefined) continue
    for (const at of occurrences(file.analysis, f)) {
      const found = fixLine(lines, at, f, fix, pending)
      if (found === null) continue
      if (file.changed !== 'all' && !touches(file.changed, found.line, found.line)) continue
      pending.set(found.line, found.text)
      rules.set(found.line, [...(rules.get(found.line) ?? []), f.rule])
    }
  }
  return [...pending.keys()]
    .sort((a, b) => a - b)
    .map((line) => {
      const original = lines[line - 1] as string
      const fixed = rules.get(line) as string[]
      return { path: file.path, line, rules: fixed, original, replacement: pending.get(line) as string, key: `${file.path}\u0000${fixed.join(',')}\u0000${original.trim()}` }
    })
}

/** A code fence longer than any run of backticks in the text, so the suggestion cannot close it early. */
function fence(text: string): string {
  const longest = Math.max(2, ...[...text.matchAll(/`+/g)].map((m) => m[0].length))
  return '`'.repeat(longest + 1)
}

/** The review comment's Markdown: what it fixes (rule links), then the ```suggestion block. */
export function suggestionBody(s: Suggestion, ruleUrl: (rule: string) => string, marker: string): string {
  const what = s.rules.map((r) => `[\`${r}\`](${ruleUrl(r)})`).join(', ')
  const f = fence(s.replacement)
  return `${marker}\n**Stagecraft** suggests a fix for ${what}:\n\n${f}suggestion\n${s.replacement}\n${f}\n`
}

/** A short, stable id for a suggestion's key (FNV-1a, 32 bits), for the hidden marker of its review comment. */
export function suggestionId(key: string): string {
  let h = 0x811c9dc5
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i)
    h = Math.imul(h, 0x01000193) >>> 0
  }
  return h.toString(16).padStart(8, '0')
}
