/**
 * A RuleTester in the spirit of ESLint's: for one rule, files it must leave alone and files it
 * must report, with the exact lines (and, when given, severities and message fragments).
 * Only the rule under test is looked at; the whole pipeline runs, as in production.
 */
import { describe, expect, it } from '@jest/globals'
import { analyzeDockerfile } from '../../src/review/analyze.js'
import type { Severity } from '../../src/model/finding.js'
import { DEFAULT_SETTINGS, type Rule, type RuleSettings } from '../../src/rules/types.js'

export interface Case {
  name: string
  code: string
  target?: string
  buildArgs?: Record<string, string>
  settings?: Partial<RuleSettings>
  /** The .dockerignore text; null for none; leave out for an unknown context. */
  dockerignore?: string | null
}

export interface Expected {
  line: number
  severity?: Severity
  /** A fragment the message must contain. */
  message?: string
}

export interface InvalidCase extends Case {
  errors: Expected[]
}

export function testRule(rule: Rule, cases: { valid: Case[]; invalid: InvalidCase[] }): void {
  const run = (c: Case) =>
    analyzeDockerfile('Dockerfile', c.code, { target: c.target ?? null, buildArgs: c.buildArgs ?? {}, settings: { ...DEFAULT_SETTINGS, ...c.settings }, ...(c.dockerignore === undefined ? {} : { buildContext: { dockerignore: c.dockerignore, dockerignorePath: '.dockerignore' } }) }).findings.filter((f) => f.rule === rule.meta.id)

  describe(rule.meta.id, () => {
    describe('leaves alone', () => {
      it.each(cases.valid.map((c) => [c.name, c] as const))('%s', (_name, c) => {
        expect(run(c).map((f) => `${f.line}: ${f.message}`)).toEqual([])
      })
    })
    describe('reports', () => {
      it.each(cases.invalid.map((c) => [c.name, c] as const))('%s', (_name, c) => {
        const found = run(c)
        expect(found.map((f) => f.line)).toEqual(c.errors.map((e) => e.line))
        c.errors.forEach((e, i) => {
          const f = found[i]
          if (e.severity !== undefined) expect(f?.severity).toBe(e.severity)
          if (e.message !== undefined) expect(f?.message).toContain(e.message)
        })
      })
    })
  })
}
