/**
 * `npm run bench`: how fast the engine is, side by side with the npm peers in the same process
 * on the same files, how it scales, and the action's cold start against the local fake API.
 * A script, not a test: it prints a table and writes bench/results.md. `--quick` skips 100×.
 */
import { execFileSync, spawn } from 'node:child_process'
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs'
import { cpus, totalmem } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { validate } from 'dockerfile-utils'
import { createRequire } from 'node:module'
import { analyzeDockerfile } from '../src/review/analyze.js'
import { startFakeGitHub } from '../__tests__/helpers/fake-github.js'
import { bytes, pushTwoPlatforms, registryAvailable, startRegistry } from '../__tests__/helpers/registry.js'
import { RegistryClient } from '../src/registry/client.js'
import { lookupBaseImages } from '../src/review/registry-lookups.js'
import { pathologicalInputs, realTenMegabytes } from './pathological.js'

const require = createRequire(import.meta.url)
const dockerfilelint = require('dockerfilelint') as { run: (base: string, content: string) => unknown[] }

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), process.env.STAGECRAFT_ROOT ?? '..')
const CORPUS = resolve(ROOT, '../shared/corpus')
const quick = process.argv.includes('--quick')

function corpusTexts(): string[] {
  const texts: string[] = []
  for (const dir of readdirSync(CORPUS)) {
    const path = join(CORPUS, dir)
    if (!statSync(path).isDirectory()) continue
    for (const file of readdirSync(path)) texts.push(readFileSync(join(path, file), 'utf8'))
  }
  return texts
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)] as number
}

/** Median wall time in ms of `runs` passes of `work` over `texts`, after warm-up passes (the JIT settles after a few). */
function time(texts: readonly string[], work: (text: string) => unknown, runs: number, warmups = 3): number {
  for (let w = 0; w < warmups; w++) for (const t of texts) work(t)
  const samples: number[] = []
  for (let r = 0; r < runs; r++) {
    const start = performance.now()
    for (const t of texts) work(t)
    samples.push(performance.now() - start)
  }
  return median(samples)
}

async function coldStart(): Promise<{ median: number; min: number; requests: number }> {
  const fake = await startFakeGitHub()
  fake.files.push({ filename: 'Dockerfile', status: 'modified', patch: '@@ -1 +1,2 @@\n FROM node:20\n+RUN npm ci' })
  fake.contents.set('headsha:Dockerfile', 'FROM node:20\nRUN npm ci\nUSER node\n')
  fake.contents.set('basesha:Dockerfile', 'FROM node:20\nUSER node\n')
  const dir = join(ROOT, '.bench-build')
  const event = join(dir, 'event.json')
  writeFileSync(event, JSON.stringify({ pull_request: { number: 7, head: { sha: 'headsha' }, base: { sha: 'basesha' } } }))
  const samples: number[] = []
  let requests = 0
  for (let i = 0; i < 10; i++) {
    writeFileSync(join(dir, 'out'), '')
    writeFileSync(join(dir, 'summary'), '')
    const before = fake.requests.length
    const start = performance.now()
    await new Promise((done) =>
      spawn(process.execPath, [join(ROOT, 'dist/index.js')], {
        env: { PATH: process.env.PATH ?? '', GITHUB_API_URL: fake.url, GITHUB_REPOSITORY: 'o/r', GITHUB_EVENT_NAME: 'pull_request', GITHUB_EVENT_PATH: event, GITHUB_WORKSPACE: dir, GITHUB_OUTPUT: join(dir, 'out'), GITHUB_STEP_SUMMARY: join(dir, 'summary'), 'INPUT_GITHUB-TOKEN': 't', 'INPUT_REGISTRY-LOOKUP': 'false' }
      }).on('close', done)
    )
    samples.push(performance.now() - start)
    if (i === 0) requests = fake.requests.length - before
  }
  await fake.close()
  return { median: median(samples), min: Math.min(...samples), requests }
}

/**
 * Registry look-ups for a typical PR: one Dockerfile, a build stage on a multi-platform image and
 * a runtime stage, before and after (the base version ships on another image), against a local
 * docker-registry with token auth. Median of 5 fresh clients.
 */
async function registryLookups(): Promise<{ images: number; requests: number; ms: number } | null> {
  if (!registryAvailable()) return null
  const registry = await startRegistry({ tokenAuth: true })
  try {
    await pushTwoPlatforms(registry, 'lang/go', '1.22', [bytes(2_000_000, 1), bytes(3_000_000, 2)], [bytes(1_000_000, 3)])
    await registry.push('run/static', { tag: '1', layers: [bytes(800_000, 4)], config: { architecture: 'amd64', os: 'linux' } })
    await registry.push('run/debian', { tag: '12', layers: [bytes(3_000_000, 5)], config: { architecture: 'amd64', os: 'linux' } })
    const r = registry.host
    const head = analyzeDockerfile('Dockerfile', `FROM ${r}/lang/go:1.22 AS build\nRUN go build -o /app .\nFROM ${r}/run/static:1\nCOPY --from=build /app /app\n`)
    const base = analyzeDockerfile('Dockerfile', `FROM ${r}/lang/go:1.22 AS build\nRUN go build -o /app .\nFROM ${r}/run/debian:12\nCOPY --from=build /app /app\n`)
    const samples: { requests: number; ms: number }[] = []
    let images = 0
    for (let i = 0; i < 5; i++) {
      const client = new RegistryClient()
      const start = performance.now()
      images = (await lookupBaseImages([head, base], client)).size
      samples.push({ requests: client.stats.requests, ms: performance.now() - start })
    }
    samples.sort((a, b) => a.ms - b.ms)
    const mid = samples[2] as { requests: number; ms: number }
    return { images, requests: mid.requests, ms: mid.ms }
  } finally {
    await registry.close()
  }
}

/** `--scale N`: N× the corpus once (after one warm-up pass of the corpus), in this process only; prints JSON. */
function scaleOnly(factor: number): void {
  const texts = corpusTexts()
  for (let w = 0; w < 3; w++) for (const t of texts) analyzeDockerfile('Dockerfile', t)
  const start = performance.now()
  for (let f = 0; f < factor; f++) for (const t of texts) analyzeDockerfile('Dockerfile', t)
  const ms = performance.now() - start
  process.stdout.write(JSON.stringify({ factor, ms, rss: process.resourceUsage().maxRSS / 1024 }))
}

async function main(): Promise<void> {
  const texts = corpusTexts()
  const bytes = texts.reduce((n, t) => n + Buffer.byteLength(t), 0)
  const runs = 7
  const engine = time(texts, (t) => analyzeDockerfile('Dockerfile', t), runs)
  const utils = time(texts, (t) => validate(t), runs)
  // dockerfilelint throws on some real files; count them rather than stop (the work until the throw is timed).
  const lintCrashes = new Set<number>()
  texts.forEach((t, i) => {
    try {
      dockerfilelint.run('./', t)
    } catch {
      lintCrashes.add(i)
    }
  })
  const lint = time(texts, (t) => {
    try {
      return dockerfilelint.run('./', t)
    } catch {
      return null
    }
  }, runs)
  const rate = (ms: number, n = texts.length): string => `${Math.round((n / ms) * 1000).toLocaleString('en-US')}`

  // Each scale in a fresh process, so time and peak memory are the engine's alone (no peers loaded, no earlier runs).
  const scaling: { factor: number; ms: number; rss: number }[] = []
  for (const factor of quick ? [1, 10] : [1, 10, 100]) {
    const out = execFileSync(process.execPath, [process.argv[1] as string, '--scale', String(factor)], { encoding: 'utf8', env: { ...process.env } })
    scaling.push(JSON.parse(out) as { factor: number; ms: number; rss: number })
  }
  const cold = await coldStart()
  const lookups = await registryLookups()
  // Pathological inputs, each once, each must stay well under 2 s.
  const pathological = [realTenMegabytes(texts), ...pathologicalInputs()].map((p) => {
    const start = performance.now()
    const analysis = analyzeDockerfile('Dockerfile', p.text)
    return { name: p.name, megabytes: Buffer.byteLength(p.text) / 1e6, ms: performance.now() - start, findings: analysis.findings.length }
  })

  const date = new Date().toISOString().slice(0, 10)
  const machine = `${cpus()[0]?.model ?? 'unknown CPU'}, ${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`
  const lines = [
    `# Benchmark results`,
    '',
    `${date}, ${machine}. \`npm run bench\`; ${texts.length} corpus files, ${(bytes / 2 ** 20).toFixed(2)} MB; median of ${runs} runs after a warm-up, one process.`,
    '',
    '| what | ms per corpus | files/s | MB/s | vs Stagecraft |',
    '| --- | ---: | ---: | ---: | ---: |',
    `| Stagecraft (parse + graph + ${'all'} rules) | ${engine.toFixed(0)} | ${rate(engine)} | ${((bytes / 2 ** 20 / engine) * 1000).toFixed(2)} | 1.00× |`,
    `| dockerfile-utils validate | ${utils.toFixed(0)} | ${rate(utils)} | ${((bytes / 2 ** 20 / utils) * 1000).toFixed(2)} | ${(utils / engine).toFixed(2)}× the time |`,
    `| dockerfilelint (threw on ${lintCrashes.size} files) | ${lint.toFixed(0)} | ${rate(lint)} | ${((bytes / 2 ** 20 / lint) * 1000).toFixed(2)} | ${(lint / engine).toFixed(2)}× the time |`,
    '',
    '| scale (fresh process each) | files | ms | files/s | time vs 1× | peak RSS |',
    '| --- | ---: | ---: | ---: | ---: | ---: |',
    ...scaling.map((s) => `| ${s.factor}× | ${texts.length * s.factor} | ${s.ms.toFixed(0)} | ${rate(s.ms, texts.length * s.factor)} | ${(s.ms / (scaling[0]?.ms ?? 1)).toFixed(1)}× | ${s.rss.toFixed(0)} MB |`),
    '',
    `Action cold start (\`node dist/index.js\`, a PR with one modified Dockerfile, local fake API): median ${cold.median.toFixed(0)} ms of 10 (min ${cold.min.toFixed(0)} ms), ${cold.requests} API requests on the first run.`,
    '',
    lookups === null
      ? 'Registry look-ups: skipped (docker-registry is not installed).'
      : `Registry look-ups for a typical PR (one Dockerfile, base and head versions: ${lookups.images} images, one of them a two-platform index; local docker-registry with token auth): ${lookups.requests} requests, ${lookups.ms.toFixed(0)} ms (median of 5 fresh clients).`,
    '',
    '| pathological input | size | ms | findings |',
    '| --- | ---: | ---: | ---: |',
    ...pathological.map((p) => `| ${p.name} | ${p.megabytes.toFixed(2)} MB | ${p.ms.toFixed(0)} | ${p.findings.toLocaleString('en-US')} |`),
    ''
  ]
  const report = lines.join('\n')
  writeFileSync(join(ROOT, 'bench/results.md'), report)
  process.stdout.write(report)
}

const scaleArg = process.argv.indexOf('--scale')
if (scaleArg >= 0) scaleOnly(Number(process.argv[scaleArg + 1]))
else await main()
