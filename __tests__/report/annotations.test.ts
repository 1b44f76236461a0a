import { describe, expect, it } from '@jest/globals'
import { analyzeDockerfile } from '../../src/review/analyze.js'
import { conclusion, fails, selectFindings } from '../../src/review/policy.js'
import { batches, clipBytes, toCheckAnnotation } from '../../src/github/annotations.js'
import { RULES } from '../../src/rules/registry.js'
import { df } from '../helpers/dockerfile.js'
import { LINKS } from '../helpers/review.js'

// Line 1: base-image-untagged (line), line 3: unused-stage (file), line 4: apt-lists-left (line)
const analysis = analyzeDockerfile('Dockerfile', df('FROM ubuntu AS a', 'USER app', 'FROM debian:12 AS unused', 'FROM debian:12', 'RUN apt-get update && apt-get install -y --no-install-recommends curl', 'USER app'))
const keys = (fs: { rule: string; line: number }[]): string[] => fs.map((f) => `${f.rule}@${f.line}`)

describe('selectFindings', () => {
  it('keeps the baseline for the cases below', () => {
    expect(keys(analysis.findings)).toEqual(['base-image-untagged@1', 'unused-stage@1', 'unused-stage@3', 'apt-lists-left@5'])
  })

  it('changed-lines: findings on changed lines, plus file-level ones when the file changed', () => {
    expect(keys(selectFindings(analysis, [{ start: 5, end: 5 }], 'changed-lines', RULES))).toEqual(['unused-stage@1', 'unused-stage@3', 'apt-lists-left@5'])
  })

  it('a file the PR did not change gives nothing unless annotate is all', () => {
    expect(selectFindings(analysis, undefined, 'changed-lines', RULES)).toEqual([])
    expect(selectFindings(analysis, undefined, 'changed-files', RULES)).toEqual([])
    expect(selectFindings(analysis, undefined, 'all', RULES)).toHaveLength(4)
  })

  it("a new file, or one GitHub sent no patch for, counts as changed everywhere", () => {
    expect(selectFindings(analysis, 'all', 'changed-lines', RULES)).toHaveLength(4)
    expect(selectFindings(analysis, [{ start: 2, end: 2 }], 'changed-files', RULES)).toHaveLength(4)
  })
})

describe('check-run annotations', () => {
  it('maps severities to levels and keeps the docs link', () => {
    const [first] = analysis.findings
    expect(first && toCheckAnnotation('Dockerfile', first, LINKS)).toEqual({
      path: 'Dockerfile',
      start_line: 1,
      end_line: 1,
      annotation_level: 'warning',
      title: 'base-image-untagged (warning)',
      message: expect.stringContaining('docs/rules/base-image-untagged.md')
    })
  })

  it('batches by 50', () => {
    expect(batches(Array.from({ length: 120 }, (_, i) => i)).map((b) => b.length)).toEqual([50, 50, 20])
    expect(batches([])).toEqual([])
  })

  it('decides the conclusion from fail-on', () => {
    expect([conclusion(analysis.findings, 'error'), conclusion(analysis.findings, 'warning'), conclusion([], 'info')]).toEqual(['neutral', 'failure', 'success'])
    expect(fails(analysis.findings, 'never')).toBe(false)
  })
})

describe('clipBytes', () => {
  it('keeps text that fits, and cuts by UTF-8 bytes on a character boundary with an ellipsis', () => {
    expect(clipBytes('abc', 10)).toBe('abc')
    const cjk = '漢'.repeat(30_000)
    const clipped = clipBytes(cjk, 64_000)
    expect(Buffer.byteLength(clipped, 'utf8')).toBeLessThanOrEqual(64_000)
    expect(clipped).toBe(`${'漢'.repeat(21_332)}…`)
    // An emoji (4 bytes, two UTF-16 units) is never split.
    expect(clipBytes('😀😀😀', 10)).toBe('😀…')
  })
})
