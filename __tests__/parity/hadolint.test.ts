/**
 * Parity with hadolint, rule by rule: every DL code we claim has cases both ways (at least three
 * that fire and three that do not), run through the whole pipeline. A case states what hadolint does
 * and, where we differ on purpose, what we do and why. The agreement rate is printed and kept above
 * a floor, so a change that drifts from hadolint without saying why fails here.
 */
import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { analyzeDockerfile } from '../../src/review/analyze.js'
import { RULES } from '../../src/rules/registry.js'
import { ROOT } from '../helpers/bundle.js'
import { DELETED, NOT_IMPLEMENTED, PARITY, type ParityCase, type ParityEntry } from './hadolint-cases.js'

const rows = Object.entries(PARITY).flatMap(([code, entry]) => entry.cases.map((c, i) => ({ code, entry, c, name: `${code} #${i + 1} (${c.rule ?? entry.rule}) ${c.hadolint ? 'fires' : 'silent'} in hadolint` })))

function fires(code: string, entry: ParityEntry, c: ParityCase): boolean {
  const rule = c.rule ?? entry.rule
  const analysis = analyzeDockerfile('Dockerfile', c.code, { options: { [rule]: entry.options ?? {} }, ...(entry.levels === undefined ? {} : { levels: entry.levels }) })
  return analysis.findings.some((f) => f.rule === rule && f.equivalents.hadolint === code)
}

describe('hadolint parity', () => {
  it.each(rows.map((r) => [r.name, r] as const))('%s', (_name, { code, entry, c }) => {
    expect(c.fires === undefined || c.fires !== c.hadolint).toBe(true)
    if (c.fires !== undefined) expect(c.because).toBeDefined()
    expect(fires(code, entry, c)).toBe(c.fires ?? c.hadolint)
  })

  it('has at least three cases each way for every code', () => {
    const thin = Object.entries(PARITY).filter(([, e]) => e.cases.filter((c) => (c.fires ?? c.hadolint)).length < 3 || e.cases.filter((c) => !(c.fires ?? c.hadolint)).length < 3)
    expect(thin.map(([code]) => code)).toEqual([])
  })

  it('covers every hadolint code a rule claims, with the rule that claims it', () => {
    const claimed = new Map<string, string[]>()
    for (const r of RULES) if (r.meta.equivalents.hadolint !== null) claimed.set(r.meta.equivalents.hadolint, [...(claimed.get(r.meta.equivalents.hadolint) ?? []), r.meta.id])
    expect([...claimed.keys()].sort()).toEqual(Object.keys(PARITY).sort())
    for (const [code, entry] of Object.entries(PARITY)) for (const rule of new Set([entry.rule, ...entry.cases.flatMap((c) => c.rule ?? [])])) expect([code, claimed.get(code)?.includes(rule)]).toEqual([code, true])
  })

  it('accounts for all 71 of hadolint\'s DL codes: claimed or not implemented, with a reason in docs/hadolint-parity.md', () => {
    const codes = [...Object.keys(PARITY), ...Object.keys(NOT_IMPLEMENTED)]
    expect(new Set(codes).size).toBe(codes.length)
    expect(codes).toHaveLength(71)
    expect(codes.filter((c) => DELETED.includes(c))).toEqual([])
    const page = readFileSync(join(ROOT, 'docs/hadolint-parity.md'), 'utf8')
    expect(codes.filter((c) => !page.includes(c))).toEqual([])
  })

  it('agrees with hadolint on at least 85% of the cases, the differences explained', () => {
    const agree = rows.filter((r) => r.c.fires === undefined).length
    const rate = agree / rows.length
    process.stdout.write(`hadolint parity: ${agree}/${rows.length} cases agree (${(rate * 100).toFixed(1)}%) over ${Object.keys(PARITY).length} DL codes; ${rows.length - agree} differ on purpose\n`)
    expect(rate).toBeGreaterThanOrEqual(0.85)
  })
})
