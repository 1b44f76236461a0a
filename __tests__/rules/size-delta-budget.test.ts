/** size-delta-budget: what it reports and what it must leave alone (docs/rules/size-delta-budget.md). */
import { describe, expect, it } from '@jest/globals'
import { sizeDeltaBudget } from '../../src/rules/size-delta-budget.js'
import { analyzeDockerfile } from '../../src/review/analyze.js'
import { df } from '../helpers/dockerfile.js'
import { testRule } from '../helpers/rule-tester.js'

const NODE_FULL = df('FROM node:22', 'COPY . /app', 'CMD ["node", "/app/server.js"]')

testRule(sizeDeltaBudget, {
  valid: [
    { name: 'no version before (a new file): no growth to judge', code: NODE_FULL, options: { 'max-growth': '1MB' } },
    { name: 'no budget set', code: NODE_FULL }
  ],
  invalid: [
    {
      name: 'node:22-slim → node:22 grows ≈ 320 MB: over a 50MB budget, on the FROM, with both sizes',
      code: NODE_FULL,
      options: { 'max-growth': '50MB' },
      previousShippedSize: { image: 'node:22-slim', bytes: 70_000_000, source: 'estimate' },
      errors: [{ line: 1, severity: 'error', message: 'grows the shipped image by ≈ 320 MB compressed (from ≈ 70 MB (node:22-slim, the built-in estimate) to ≈ 390 MB (node:22, the built-in estimate)), over its growth budget of 50MB' }]
    }
  ]
})

describe('size-delta-budget against the version before', () => {
  const run = (code: string, before: { image: string; bytes: number; source: 'registry' | 'estimate' } | null, max: string | null = '50MB') =>
    analyzeDockerfile('Dockerfile', code, { ...(max === null ? {} : { options: { 'size-delta-budget': { 'max-growth': max } } }), previousShippedSize: before }).findings.filter((f) => f.rule === 'size-delta-budget')

  it('node:22-slim → node:22 grows ≈ 320 MB: over a 50MB budget, on the FROM, with both sizes', () => {
    const found = run(NODE_FULL, { image: 'node:22-slim', bytes: 70_000_000, source: 'estimate' })
    expect(found.map((f) => [f.line, f.severity, f.message])).toEqual([
      [1, 'error', 'this change grows the shipped image by ≈ 320 MB compressed (from ≈ 70 MB (node:22-slim, the built-in estimate) to ≈ 390 MB (node:22, the built-in estimate)), over its growth budget of 50MB']
    ])
  })

  it('within the budget, shrinking, or a version before with no known size: nothing', () => {
    expect(run(NODE_FULL, { image: 'node:22', bytes: 380_000_000, source: 'estimate' })).toEqual([])
    expect(run(df('FROM node:22-slim', 'CMD ["node", "x.js"]'), { image: 'node:22', bytes: 390_000_000, source: 'estimate' })).toEqual([])
    expect(run(NODE_FULL, null)).toEqual([])
    expect(run(NODE_FULL, { image: 'node:22-slim', bytes: 70_000_000, source: 'estimate' }, null)).toEqual([])
  })
})
