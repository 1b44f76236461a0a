import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { analyzeDockerfile } from '../../src/review/analyze.js'
import { toSarif } from '../../src/report/sarif.js'
import { RULES } from '../../src/rules/registry.js'
import { corpusAvailable, readManifest } from '../helpers/corpus.js'
import { df } from '../helpers/dockerfile.js'
import { sarifErrors, validateSarif } from '../helpers/sarif-schema.js'
import { LINKS, reviewOf } from '../helpers/review.js'

const validate = validateSarif

function expectValid(log: unknown): void {
  expect(sarifErrors(log)).toEqual([])
}

describe('toSarif', () => {
  const bad = analyzeDockerfile('svc/Dockerfile', df('FROM alpine', 'COPY --from=later /x /x', 'FROM alpine:3 AS later', 'USER app'))

  it('is valid SARIF 2.1.0 with every rule and a result per finding', () => {
    const log = toSarif(reviewOf([bad]), RULES, LINKS)
    expectValid(log)
    const run = (log.runs[0] ?? {}) as { tool: { driver: { rules: { id: string; helpUri: string }[] } }; results: { ruleId: string; level: string; locations: { physicalLocation: { region: { startLine: number } } }[] }[] }
    expect(run.tool.driver.rules.map((r) => r.id)).toEqual(RULES.map((r) => r.meta.id))
    expect(run.tool.driver.rules.every((r) => r.helpUri.endsWith(`/docs/rules/${r.id}.md`))).toBe(true)
    expect(run.results.map((r) => [r.ruleId, r.level, r.locations[0]?.physicalLocation.region.startLine])).toEqual(
      bad.findings.map((f) => [f.rule, f.severity === 'info' ? 'note' : f.severity, f.line])
    )
  })

  it('is checked by a validator that does reject invalid SARIF', () => {
    const log = toSarif(reviewOf([bad]), RULES, LINKS) as unknown as { runs: { results: { level: string }[] }[] }
    const first = log.runs[0]?.results[0]
    if (first !== undefined) first.level = 'info'
    expect(validate(log)).toBe(false)
  })

  it('is valid with no findings at all (code scanning rejects an empty log, not an empty run)', () => {
    expectValid(toSarif(reviewOf([]), RULES, LINKS))
  })

  const itCorpus = corpusAvailable() ? it : it.skip
  itCorpus('is valid for the whole corpus', () => {
    const analyses = readManifest().map((e) => analyzeDockerfile(e.file, readFileSync(e.path, 'utf8')))
    expectValid(toSarif(reviewOf(analyses), RULES, LINKS))
  })
})
