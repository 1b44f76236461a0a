/**
 * Parity with hadolint and BuildKit, rule by rule: every hadolint DL code and every BuildKit check
 * we claim has cases both ways (at least three that fire and three that do not), run through the
 * whole pipeline. A hadolint case states what hadolint does and, where we differ on purpose, what
 * we do and why. The rates are measured independently of those notes (measure.ts: a deliberate
 * difference counts as a disagreement) and printed; `npm run parity` prints them with the
 * disagreements. The floors are the goals of issue 14.
 */
import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { RULES } from '../../src/rules/registry.js'
import { ROOT } from '../helpers/bundle.js'
import { BUILDKIT, BUILDKIT_NOT_MEASURED } from './buildkit-cases.js'
import { DELETED, NOT_IMPLEMENTED, PARITY } from './hadolint-cases.js'
import { firesForHadolint, measureBuildkit, measureHadolint, rate } from './measure.js'

const rows = Object.entries(PARITY).flatMap(([code, entry]) => entry.cases.map((c, i) => ({ code, entry, c, name: `${code} #${i + 1} (${c.rule ?? entry.rule}) ${c.hadolint ? 'fires' : 'silent'} in hadolint` })))

/** Codes a rule's findings carry without its metadata declaring them (parse-error: DL3061 only for an instruction before FROM). */
const REPORT_CODES: Record<string, string> = { DL3061: 'parse-error' }

const thin = (cases: readonly { fires: boolean }[]): boolean => cases.filter((c) => c.fires).length < 3 || cases.filter((c) => !c.fires).length < 3

describe('hadolint parity', () => {
  it.each(rows.map((r) => [r.name, r] as const))('%s', (_name, { code, entry, c }) => {
    expect(c.fires === undefined || c.fires !== c.hadolint).toBe(true)
    if (c.fires !== undefined) expect(c.because).toBeDefined()
    expect(firesForHadolint(code, entry, c)).toBe(c.fires ?? c.hadolint)
  })

  it('has at least three cases each way for every code', () => {
    expect(Object.entries(PARITY).filter(([, e]) => thin(e.cases.map((c) => ({ fires: c.fires ?? c.hadolint })))).map(([code]) => code)).toEqual([])
  })

  it('covers every hadolint code a rule claims, with the rule that claims it', () => {
    const claimed = new Map<string, string[]>()
    for (const r of RULES) if (r.meta.equivalents.hadolint !== null) claimed.set(r.meta.equivalents.hadolint, [...(claimed.get(r.meta.equivalents.hadolint) ?? []), r.meta.id])
    for (const [code, rule] of Object.entries(REPORT_CODES)) claimed.set(code, [rule])
    expect([...claimed.keys()].sort()).toEqual(Object.keys(PARITY).sort())
    for (const [code, entry] of Object.entries(PARITY)) for (const rule of new Set([entry.rule, ...entry.cases.flatMap((c) => c.rule ?? [])])) expect([code, claimed.get(code)?.includes(rule)]).toEqual([code, true])
  })

  it("accounts for all 71 of hadolint's DL codes: claimed or not implemented, with a reason in docs/hadolint-parity.md", () => {
    const codes = [...Object.keys(PARITY), ...Object.keys(NOT_IMPLEMENTED)]
    expect(new Set(codes).size).toBe(codes.length)
    expect(codes).toHaveLength(71)
    expect(codes.filter((c) => DELETED.includes(c))).toEqual([])
    const page = readFileSync(join(ROOT, 'docs/hadolint-parity.md'), 'utf8')
    expect(codes.filter((c) => !page.includes(c))).toEqual([])
  })

  // Issue 14's goals: 92% overall and 95% structural; what is left are the deliberate differences
  // listed in docs/hadolint-parity.md. The floors keep it from drifting.
  it("agrees with hadolint's documented behaviour on ≥ 92% of the cases, ≥ 95% of the structural ones", () => {
    const m = measureHadolint()
    process.stdout.write(`hadolint parity: ${rate(m.overall)} of the cases over ${Object.keys(m.byCode).length} DL codes; structural ${rate(m.structural)}, shell ${rate(m.shell)}; ${m.disagreements.length} differ, each on purpose\n`)
    if (process.env.PARITY_REPORT === '1') {
      for (const [code, t] of Object.entries(m.byCode)) if (t.agree < t.total) process.stdout.write(`  ${code}: ${rate(t)}\n`)
      for (const d of m.disagreements) process.stdout.write(`  ${d.code}: hadolint ${d.expected ? 'fires' : 'is silent'}, we do not: ${d.because ?? ''}\n    ${JSON.stringify(d.text)}\n`)
    }
    expect(m.overall.agree / m.overall.total).toBeGreaterThanOrEqual(0.92)
    expect(m.structural.agree / m.structural.total).toBeGreaterThanOrEqual(0.95)
    // Every disagreement is a documented deliberate difference.
    expect(m.disagreements.filter((d) => d.because === null)).toEqual([])
  })
})

describe('BuildKit parity', () => {
  it('has at least three cases each way for every check a rule declares, and the others say why not', () => {
    const declared = new Set(RULES.flatMap((r) => (r.meta.equivalents.buildkit === null ? [] : [r.meta.equivalents.buildkit])))
    expect([...declared].sort()).toEqual(Object.keys(BUILDKIT).sort())
    expect(Object.entries(BUILDKIT).filter(([, cases]) => thin(cases.map((c) => ({ fires: c.buildkit })))).map(([check]) => check)).toEqual([])
    expect(Object.keys(BUILDKIT_NOT_MEASURED).filter((c) => declared.has(c))).toEqual([])
  })

  it("agrees with BuildKit's documented check semantics on ≥ 98% of the cases", () => {
    const m = measureBuildkit()
    process.stdout.write(`BuildKit parity: ${rate(m.overall)} of the cases over ${Object.keys(m.byCheck).length} checks (not measured: ${Object.keys(BUILDKIT_NOT_MEASURED).join(', ')})\n`)
    expect(m.overall.agree / m.overall.total).toBeGreaterThanOrEqual(0.98)
  })
})
