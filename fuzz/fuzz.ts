/**
 * `npm run fuzz -- --runs 100000 [--seed N]`: the long mutation-fuzzing campaign over the shared
 * corpus. Prints the seed (to reproduce), the cases run, and the first counterexample if any.
 */
import fc from 'fast-check'
import { readFileSync, readdirSync, statSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { applyCase, caseArbitrary, checkProperties } from './mutations.js'

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), process.env.STAGECRAFT_ROOT ?? '..')
const CORPUS = resolve(ROOT, '../shared/corpus')
const { values } = parseArgs({ options: { runs: { type: 'string', default: '10000' }, seed: { type: 'string' } } })
const runs = Number(values.runs)
const seed = values.seed === undefined ? Date.now() % 2 ** 31 : Number(values.seed)

const texts: string[] = []
for (const dir of readdirSync(CORPUS)) {
  const path = join(CORPUS, dir)
  if (statSync(path).isDirectory()) for (const file of readdirSync(path)) texts.push(readFileSync(join(path, file), 'utf8'))
}
console.log(`fuzz: ${runs.toLocaleString('en-US')} cases, seed ${seed}, ${texts.length} seed files`)
const start = performance.now()
let problem: string | null = null
const result = fc.check(
  fc.property(caseArbitrary(texts.length), (c) => {
    problem = checkProperties(applyCase(texts, c))
    return problem === null
  }),
  { numRuns: runs, seed }
)
const seconds = (performance.now() - start) / 1000
if (result.failed) {
  console.log(`FAILED after ${result.numRuns} cases (${seconds.toFixed(1)} s): ${problem ?? String(result.errorInstance)}`)
  console.log(`counterexample: ${JSON.stringify(result.counterexample)}`)
  console.log(`reproduce: npm run fuzz -- --runs ${runs} --seed ${seed}`)
  process.exitCode = 1
} else {
  console.log(`passed: ${result.numRuns.toLocaleString('en-US')} cases in ${seconds.toFixed(1)} s (${Math.round(result.numRuns / seconds).toLocaleString('en-US')} cases/s)`)
}
