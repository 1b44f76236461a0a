/**
 * The parity measurement: every case run through the whole pipeline and compared with what the
 * peer documents, without the cases' own notes on where we differ (those only explain). A
 * deliberate difference counts as a disagreement here, so the rate is what a team switching sees.
 */
import { analyzeDockerfile } from '../../src/review/analyze.js'
import { BUILDKIT, type BuildkitCase } from './buildkit-cases.js'
import { PARITY, type ParityCase, type ParityEntry } from './hadolint-cases.js'

export interface Tally {
  agree: number
  total: number
}

export interface Disagreement {
  code: string
  expected: boolean
  text: string
  because: string | null
}

/**
 * hadolint's rules that read the shell commands of RUN (package managers, downloads, cd, sudo…);
 * the other codes are structural: judged from the instructions, their flags and the stage graph.
 */
export const SHELL_CODES: ReadonlySet<string> = new Set([
  'DL3001', 'DL3003', 'DL3004', 'DL3008', 'DL3009', 'DL3010', 'DL3013', 'DL3014', 'DL3015', 'DL3016', 'DL3018', 'DL3019',
  'DL3027', 'DL3028', 'DL3030', 'DL3032', 'DL3033', 'DL3034', 'DL3035', 'DL3036', 'DL3037', 'DL3038', 'DL3040', 'DL3041',
  'DL3042', 'DL3046', 'DL3047', 'DL3059', 'DL3060', 'DL3062', 'DL4001', 'DL4005', 'DL4006'
])

/** Whether the Stagecraft rule of a hadolint case reports the code. */
export function firesForHadolint(code: string, entry: ParityEntry, c: ParityCase): boolean {
  const rule = c.rule ?? entry.rule
  const analysis = analyzeDockerfile('Dockerfile', c.code, {
    options: { [rule]: entry.options ?? {} },
    ...(entry.levels === undefined ? {} : { levels: entry.levels }),
    ...(entry.labels === undefined ? {} : { labels: entry.labels })
  })
  return analysis.findings.some((f) => f.rule === rule && f.equivalents.hadolint === code)
}

/** Whether a rule that declares the BuildKit check reports it. */
export function firesForBuildkit(check: string, c: BuildkitCase): boolean {
  const analysis = analyzeDockerfile('Dockerfile', c.code, c.dockerignore === undefined ? {} : { buildContext: { dockerignore: c.dockerignore, dockerignorePath: '.dockerignore' } })
  return analysis.findings.some((f) => f.equivalents.buildkit === check)
}

const add = (t: Tally, ok: boolean): void => {
  t.total++
  if (ok) t.agree++
}

export interface HadolintParity {
  overall: Tally
  structural: Tally
  shell: Tally
  byCode: Record<string, Tally>
  disagreements: Disagreement[]
}

export function measureHadolint(): HadolintParity {
  const result: HadolintParity = { overall: { agree: 0, total: 0 }, structural: { agree: 0, total: 0 }, shell: { agree: 0, total: 0 }, byCode: {}, disagreements: [] }
  for (const [code, entry] of Object.entries(PARITY)) {
    const tally = (result.byCode[code] = { agree: 0, total: 0 })
    for (const c of entry.cases) {
      const ok = firesForHadolint(code, entry, c) === c.hadolint
      for (const t of [result.overall, tally, SHELL_CODES.has(code) ? result.shell : result.structural]) add(t, ok)
      if (!ok) result.disagreements.push({ code, expected: c.hadolint, text: c.code, because: c.because ?? null })
    }
  }
  return result
}

export interface BuildkitParity {
  overall: Tally
  byCheck: Record<string, Tally>
  disagreements: Disagreement[]
}

export function measureBuildkit(): BuildkitParity {
  const result: BuildkitParity = { overall: { agree: 0, total: 0 }, byCheck: {}, disagreements: [] }
  for (const [check, cases] of Object.entries(BUILDKIT)) {
    const tally = (result.byCheck[check] = { agree: 0, total: 0 })
    for (const c of cases) {
      const ok = firesForBuildkit(check, c) === c.buildkit
      for (const t of [result.overall, tally]) add(t, ok)
      if (!ok) result.disagreements.push({ code: check, expected: c.buildkit, text: c.code, because: null })
    }
  }
  return result
}

export const rate = (t: Tally): string => `${t.agree}/${t.total} (${((100 * t.agree) / Math.max(1, t.total)).toFixed(1)}%)`
