/**
 * Mutation fuzzing in CI: a few thousand fast-check cases seeded from the corpus (or, without
 * it, from the examples), with a fixed seed so a failure reproduces. The long campaign is
 * `npm run fuzz -- --runs 100000` (random seed, printed).
 */
import { describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { applyCase, applyMutation, caseArbitrary, checkProperties, countLines } from '../../fuzz/mutations.js'
import { ROOT } from '../helpers/bundle.js'
import { corpusAvailable, readManifest } from '../helpers/corpus.js'

function seeds(): string[] {
  if (corpusAvailable()) return readManifest().map((e) => readFileSync(e.path, 'utf8'))
  const golden = join(ROOT, '__tests__/report/golden')
  return readdirSync(golden)
    .filter((f) => f.endsWith('.Dockerfile'))
    .map((f) => readFileSync(join(golden, f), 'utf8'))
}

describe('fuzzing', () => {
  it('the mutations do what they say', () => {
    const text = 'FROM a\nRUN <<EOF\nx\nEOF\nRUN b \\\n c'
    expect(applyMutation(text, { kind: 'delete', at: 1 })).toBe('FROM a\nx\nEOF\nRUN b \\\n c')
    expect(applyMutation(text, { kind: 'duplicate', at: 0 })).toBe(`FROM a\n${text}`)
    expect(applyMutation(text, { kind: 'truncate-block', at: 0 })).toBe('FROM a\nRUN <<EOF')
    expect(applyMutation(text, { kind: 'truncate-block', at: 1 })).toBe('FROM a\nRUN <<EOF\nx\nEOF\nRUN b \\\n c')
    expect(applyMutation(text, { kind: 'flags', at: 0, flags: [[0, 3]] })).toBe(`FROM --mount=type=bind,from=0,source=/ a\n${text.slice(7)}`)
    expect(applyMutation('ab', { kind: 'bytes', at: 1, bytes: [0, 255] })).toBe('a\u0000\u00ffb')
    expect([countLines(''), countLines('a'), countLines('a\n'), countLines('a\nb'), countLines('a\n\n')]).toEqual([1, 1, 1, 2, 2])
  })

  it('finds a broken property (the check can fail)', () => {
    expect(checkProperties('FROM alpine:3\nUSER app\n')).toBeNull()
    expect(countLines('FROM a\nRUN x')).toBe(2)
  })

  it('3,000 mutated real Dockerfiles: no exception, findings inside the file, same output twice, reports render', () => {
    const texts = seeds()
    const failures: string[] = []
    fc.assert(
      fc.property(caseArbitrary(texts.length), (c) => {
        const problem = checkProperties(applyCase(texts, c))
        if (problem !== null) failures.push(problem)
        return problem === null
      }),
      { numRuns: 3000, seed: 20261122 }
    )
    expect(failures).toEqual([])
  }, 120_000)
})
