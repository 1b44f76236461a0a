/**
 * Every real Dockerfile of ../shared/corpus goes through the whole pipeline: no exception (an
 * exception would surface as an internal-error finding), and for every file that parses, as many
 * stages as MANIFEST.tsv counts FROM lines.
 */
import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { analyzeDockerfile, INTERNAL_ERROR } from '../../src/review/analyze.js'
import { toJsonReport } from '../../src/report/json.js'
import { corpusAvailable, readManifest } from '../helpers/corpus.js'
import { reviewOf } from '../helpers/review.js'

/**
 * Files where the manifest's count of lines starting with FROM is not the number of stages,
 * with the reason. Empty today: every file agrees. Add an entry only with a reason.
 */
const KNOWN_MANIFEST_ERRORS: Readonly<Record<string, string>> = {}

const describeCorpus = corpusAvailable() ? describe : describe.skip

describeCorpus('the shared corpus', () => {
  const entries = corpusAvailable() ? readManifest() : []
  const analyses = entries.map((entry) => ({ entry, analysis: analyzeDockerfile(entry.file, readFileSync(entry.path, 'utf8')) }))

  it('has the files the manifest lists', () => {
    expect(entries.length).toBeGreaterThan(1000)
  })

  it('never fails inside Stagecraft', () => {
    const crashed = analyses.filter(({ analysis }) => analysis.findings.some((f) => f.rule === INTERNAL_ERROR)).map(({ entry }) => entry.file)
    expect(crashed).toEqual([])
  })

  it('finds as many stages as the manifest counts FROM lines, for every file that parses', () => {
    const wrong = analyses
      .filter(({ entry, analysis }) => !analysis.findings.some((f) => f.rule === 'parse-error') && KNOWN_MANIFEST_ERRORS[entry.file] === undefined)
      .filter(({ entry, analysis }) => analysis.model.stages.length !== entry.stages)
      .map(({ entry, analysis }) => `${entry.file}: ${analysis.model.stages.length} stages, manifest ${entry.stages}`)
    expect(wrong).toEqual([])
  })

  it('keeps every finding inside its file and every edge pointing backwards', () => {
    const problems: string[] = []
    for (const { entry, analysis } of analyses) {
      for (const f of analysis.findings) {
        if (f.line < 1 || f.endLine < f.line || f.endLine > analysis.model.lineCount) problems.push(`${entry.file}: ${f.rule} at ${f.line}-${f.endLine}`)
      }
      for (const e of analysis.graph.edges) if (e.to >= e.from) problems.push(`${entry.file}: edge ${e.from} -> ${e.to}`)
      const built = analysis.graph.roles.filter((r) => r === 'ships' || r === 'environment').length
      if (analysis.model.stages.length > 0 && (built === 0 || analysis.graph.targets.length === 0)) problems.push(`${entry.file}: nothing is built`)
    }
    expect(problems).toEqual([])
  })

  it('gives the same JSON twice for the same input', () => {
    const sample = analyses.slice(0, 100)
    const again = sample.map(({ entry }) => analyzeDockerfile(entry.file, readFileSync(entry.path, 'utf8')))
    expect(JSON.stringify(toJsonReport(reviewOf(again)))).toBe(JSON.stringify(toJsonReport(reviewOf(sample.map((s) => s.analysis)))))
  })
})
