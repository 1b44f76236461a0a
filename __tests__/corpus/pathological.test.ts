/**
 * The benchmark's pathological inputs (huge files, 100,000 continuations, 1,000-stage chains,
 * 1 MB lines, 10,000 heredocs, inputs aimed at backtracking regexes) are analysed without error
 * and with the right shape. How fast is the benchmark's business (`npm run bench`), not this test's.
 */
import { describe, expect, it } from '@jest/globals'
import { analyzeDockerfile, INTERNAL_ERROR } from '../../src/review/analyze.js'
import { pathologicalInputs } from '../../bench/pathological.js'
import { emptyConfig, labelPolicy } from '../../src/config/config.js'

describe('pathological inputs', () => {
  const inputs = pathologicalInputs()

  it.each(inputs.map((p) => [p.name, p] as const))('%s: analysed, findings inside the file', (_name, p) => {
    const analysis = analyzeDockerfile('Dockerfile', p.text)
    expect(analysis.findings.filter((f) => f.rule === INTERNAL_ERROR)).toEqual([])
    expect(analysis.findings.every((f) => f.line >= 1 && f.endLine <= analysis.model.lineCount)).toBe(true)
    expect(analysis.model.stages.length).toBeGreaterThan(0)
  })

  it('reads the structures right, not just without crashing', () => {
    const byName = (n: string): ReturnType<typeof analyzeDockerfile> => analyzeDockerfile('Dockerfile', (inputs.find((p) => p.name === n) as { text: string }).text)
    const chain = byName('1,000 stages in one FROM chain')
    expect(chain.model.stages).toHaveLength(1000)
    expect(chain.graph.roles.every((r) => r === 'ships')).toBe(true)
    const continuation = byName('100,000 continuation lines')
    expect(continuation.model.stages[0]?.instructions[1]).toMatchObject({ line: 2, endLine: 100_003 })
    const heredocs = byName('10,000 heredocs')
    expect(heredocs.model.stages[0]?.instructions).toHaveLength(10_001)
    expect(heredocs.model.stages[0]?.instructions[10_000]?.heredocs[0]).toMatchObject({ name: 'EOF9999', content: 'echo 9999', terminated: true })
    const onbuild = byName('10,000 ONBUILD heredocs')
    expect(onbuild.model.stages[0]?.instructions).toHaveLength(10_001)
    expect(onbuild.model.stages[0]?.instructions[10_000]?.heredocs[0]).toMatchObject({ name: 'EOF9999', content: 'echo 9999', terminated: true })
    expect(byName('100,000 lines ending in an escaped escape').model.stages[0]?.instructions).toHaveLength(100_001)
    expect(byName('1 MB of blanks after an escaped escape').model.instructions.map((i) => i.endLine)).toEqual([1, 2, 3])
    const directives = byName('1 MB of blanks in and before directives').model
    expect(directives.directives.escape).toEqual({ value: '`', line: 1 })
    expect(directives.instructions.map((i) => `${i.keyword} ${i.line}-${i.endLine}`)).toEqual(['FROM 3-3', 'RUN 4-5'])
    const unclosed = byName('100,000 unterminated heredocs on one line')
    expect(unclosed.findings.filter((f) => f.message.includes('is never closed'))).toHaveLength(1)
  })
})

describe('pathological labels, with the label rules on', () => {
  it('judges 1 MB label values of every type without error, each reported once', () => {
    const labels = labelPolicy({ ...emptyConfig(), labelPreset: 'oci', labelSchema: { maintainer: 'email', 'org.opencontainers.image.version': 'semver' } })
    const value = (v: string): string => `"${v}"`
    const text = `FROM alpine:3.20\nLABEL org.opencontainers.image.source=${value('a'.repeat(1 << 20))} org.opencontainers.image.licenses=${value('('.repeat(300_000))} org.opencontainers.image.version=${value('1.'.repeat(200_000))} org.opencontainers.image.created=${value('2024-'.repeat(100_000))} maintainer=${value('a-'.repeat(300_000))}\n`
    const analysis = analyzeDockerfile('Dockerfile', text, { labels })
    expect(analysis.findings.filter((f) => f.rule === INTERNAL_ERROR)).toEqual([])
    expect(analysis.findings.filter((f) => f.rule.startsWith('label-invalid')).map((f) => f.rule).sort()).toEqual(['label-invalid-email', 'label-invalid-rfc3339', 'label-invalid-semver', 'label-invalid-spdx', 'label-invalid-url'])
    // The message quotes a cut value, not the megabyte.
    expect(Math.max(...analysis.findings.map((f) => f.message.length))).toBeLessThan(600)
  })
})
