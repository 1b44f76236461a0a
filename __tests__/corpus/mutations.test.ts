/**
 * A small seeded mutation run over the corpus (the long fuzz campaign belongs to the benchmark
 * and fuzzing issue): whatever the input, no internal error, and every finding inside the file.
 */
import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { analyzeDockerfile, INTERNAL_ERROR } from '../../src/analyze.js'
import { corpusAvailable, readManifest } from '../helpers/corpus.js'

const PIECES = ['\\', '`', '<<EOF', '<<-X', '"', "'", '[', ']', '${', '$', '--mount=', '--from=', 'FROM ', ' AS ', '\u0000', '\r', '\n', '# escape=`\n', '#', 'é', '\uFEFF', '{', '}', ',', '=']

/** A tiny deterministic PRNG, so a failure reproduces from its case number. */
function prng(seed: number): (n: number) => number {
  let state = seed
  return (n) => {
    state = (Math.imul(state, 1103515245) + 12345) & 0x7fffffff
    return state % n
  }
}

function mutate(text: string, rnd: (n: number) => number): string {
  const lines = text.split('\n')
  switch (rnd(5)) {
    case 0:
      lines.splice(rnd(lines.length), 1)
      return lines.join('\n')
    case 1: {
      const k = rnd(lines.length)
      lines.splice(k, 0, lines[k] ?? '')
      return lines.join('\n')
    }
    case 2:
      return text.slice(0, rnd(text.length + 1))
    default: {
      let out = text
      for (let j = 1 + rnd(5); j > 0; j--) {
        const at = rnd(out.length + 1)
        out = out.slice(0, at) + (PIECES[rnd(PIECES.length)] as string) + out.slice(at)
      }
      return out
    }
  }
}

const describeCorpus = corpusAvailable() ? describe : describe.skip

describeCorpus('mutated corpus files', () => {
  it('never make the engine fail, and findings stay inside the file', () => {
    const texts = readManifest().map((e) => readFileSync(e.path, 'utf8'))
    const rnd = prng(20261122)
    const problems: string[] = []
    for (let n = 0; n < 2000; n++) {
      const text = mutate(texts[rnd(texts.length)] as string, rnd)
      const analysis = analyzeDockerfile('mutant', text)
      const bad = analysis.findings.find((f) => f.rule === INTERNAL_ERROR || f.line < 1 || f.endLine < f.line || f.endLine > analysis.model.lineCount)
      if (bad !== undefined) problems.push(`case ${n}: ${bad.rule} ${bad.line}-${bad.endLine}: ${JSON.stringify(text.slice(0, 200))}`)
    }
    expect(problems).toEqual([])
  })
})
