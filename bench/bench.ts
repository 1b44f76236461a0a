/**
 * `npm run bench`: how fast the engine is, side by side with the npm peers in the same process
 * on the same files, how it scales, and the action's cold start against the local fake API.
 * A script, not a test: it prints a table and writes bench/results.md. `--quick` skips 100×.
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process'
import { closeSync, existsSync, mkdirSync, openSync, writeSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { availableParallelism, cpus, tmpdir, totalmem } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { validate } from 'dockerfile-utils'
import { createRequire } from 'node:module'
import { analyzeDockerfile, checkFile } from '../src/review/analyze.js'
import { buildStageGraph } from '../src/graph/graph.js'
import { parseDockerfile } from '../src/parse/parse.js'
import { jsonFilePiece, toJsonFile } from '../src/report/json.js'
import { discoverDockerfiles } from '../src/sources/discover.js'
import { readWorkspaceFile } from '../src/sources/workspace.js'
import { startFakeGitHub } from '../__tests__/helpers/fake-github.js'
import { bytes, pushTwoPlatforms, registryAvailable, startRegistry } from '../__tests__/helpers/registry.js'
import { RegistryClient } from '../src/registry/client.js'
import { lookupBaseImages } from '../src/review/registry-lookups.js'
import { pathologicalInputs, realTenMegabytes } from './pathological.js'
import { findShellcheck } from '../src/shellcheck/run.js'

const require = createRequire(import.meta.url)
const dockerfilelint = require('dockerfilelint') as { run: (base: string, content: string) => unknown[] }

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), process.env.STAGECRAFT_ROOT ?? '..')
const CORPUS = resolve(ROOT, '../shared/corpus')
const quick = process.argv.includes('--quick')
/**
 * `--node <path>`: also run the whole-program comparison and the action's cold start on that
 * Node (the action runs on the node24 that action.yml declares, which may not be the one running
 * the benchmark).
 */
const otherNodeArg = process.argv.indexOf('--node')
const otherNode = otherNodeArg >= 0 ? (process.argv[otherNodeArg + 1] ?? null) : null

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

/** The corpus files, as paths (the whole-process runs pass them as arguments, like a CI step would). */
function corpusPaths(): string[] {
  const paths: string[] = []
  for (const dir of readdirSync(CORPUS)) {
    const path = join(CORPUS, dir)
    if (statSync(path).isDirectory()) for (const file of readdirSync(path)) paths.push(join(path, file))
  }
  return paths.sort()
}

/** The CLI as the comparisons run it: JSON to stdout, never failing on findings; ShellCheck off unless asked for. */
function cliArgs(inputs: readonly string[], shellcheck = false): string[] {
  return [join(ROOT, 'dist/cli/index.js'), '--format', 'json', '--fail-on', 'never', ...(shellcheck ? [] : ['--rule', 'shellcheck=off']), ...inputs]
}

/** Wall time and peak RSS of one process, with /usr/bin/time when the machine has it. */
function measureProcess(args: string[], node = process.execPath): { ms: number; rssMb: number | null } {
  const time = existsSync('/usr/bin/time') ? '/usr/bin/time' : null
  const start = performance.now()
  const result = time === null ? spawnSync(node, args, { maxBuffer: 1 << 30 }) : spawnSync(time, ['-f', '%M', node, ...args], { maxBuffer: 1 << 30 })
  const ms = performance.now() - start
  if (result.status !== 0) throw new Error(`${args.join(' ').slice(0, 200)} exited ${result.status}: ${result.stderr.toString().slice(-500)}`)
  const rss = time === null ? null : Number(result.stderr.toString().trim().split('\n').pop()) / 1024
  return { ms, rssMb: rss }
}

/** The CLI with ShellCheck, as a runner that has it installed runs it (GitHub's hosted runners do): median of 3, or null without ShellCheck. */
function withShellcheck(paths: readonly string[]): { ms: number; without: number } | null {
  if (findShellcheck(null) === null) return null
  const on = Array.from({ length: 3 }, () => measureProcess(cliArgs(paths, true)).ms)
  const off = Array.from({ length: 3 }, () => measureProcess(cliArgs(paths)).ms)
  return { ms: median(on), without: median(off) }
}

interface WholeProcess {
  ours: number
  peer: number
  oursRss: number | null
  peerRss: number | null
  spread: string
}

/** Stagecraft's CLI and dockerfile-utils' whole process over the same files, alternating, median of `runs`. */
function wholeProcess(paths: readonly string[], runs: number, node = process.execPath): WholeProcess {
  const peer = join(ROOT, 'bench/peers/dockerfile-utils.mjs')
  const ours: ReturnType<typeof measureProcess>[] = []
  const theirs: ReturnType<typeof measureProcess>[] = []
  for (let i = 0; i < runs; i++) {
    // ShellCheck off: the comparison is the linter's own work (ShellCheck is a separate program, timed on its own).
    ours.push(measureProcess(cliArgs(paths), node))
    theirs.push(measureProcess([peer, ...paths], node))
  }
  const ms = (xs: { ms: number }[]): number[] => xs.map((x) => x.ms)
  const range = (xs: number[]): string => `${Math.min(...xs).toFixed(0)}–${Math.max(...xs).toFixed(0)} ms`
  return { ours: median(ms(ours)), peer: median(ms(theirs)), oursRss: ours[0]?.rssMb ?? null, peerRss: theirs[0]?.rssMb ?? null, spread: `ours ${range(ms(ours))}, peer ${range(ms(theirs))}` }
}

/** N copies of the corpus as Dockerfiles in a temporary folder, for the CLI to discover (too many for arguments). */
function corpusCopies(factor: number): string {
  const dir = mkdtempSync(join(tmpdir(), `stagecraft-bench-${factor}x-`))
  const texts = corpusTexts()
  for (let k = 0; k < factor; k++) {
    mkdirSync(join(dir, String(k)))
    texts.forEach((t, i) => writeFileSync(join(dir, String(k), `${i}.Dockerfile`), t))
  }
  return dir
}

/** The whole CLI on N× the corpus (discovered in a folder), each in a fresh process. */
function wholeProcessScaling(factors: readonly number[]): { factor: number; files: number; ms: number; rssMb: number | null }[] {
  const files = corpusTexts().length
  return factors.map((factor) => {
    const dir = corpusCopies(factor)
    try {
      const run = measureProcess(cliArgs([dir]))
      return { factor, files: files * factor, ms: run.ms, rssMb: run.rssMb }
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
}

async function coldStart(node = process.execPath): Promise<{ median: number; min: number; requests: number; firstRequest: number; spacing: number; withoutSpacing: number }> {
  const fake = await startFakeGitHub()
  fake.files.push({ filename: 'Dockerfile', status: 'modified', patch: '@@ -1 +1,2 @@\n FROM node:20\n+RUN npm ci' })
  fake.contents.set('headsha:Dockerfile', 'FROM node:20\nRUN npm ci\nUSER node\n')
  fake.contents.set('basesha:Dockerfile', 'FROM node:20\nUSER node\n')
  const dir = join(ROOT, '.bench-build')
  const event = join(dir, 'event.json')
  writeFileSync(event, JSON.stringify({ pull_request: { number: 7, head: { sha: 'headsha' }, base: { sha: 'basesha' } } }))
  const samples: number[] = []
  const firsts: number[] = []
  const spacings: number[] = []
  let requests = 0
  for (let i = 0; i < 10; i++) {
    writeFileSync(join(dir, 'out'), '')
    writeFileSync(join(dir, 'summary'), '')
    const before = fake.requests.length
    const start = performance.now()
    await new Promise((done) =>
      spawn(node, [join(ROOT, 'dist/index.js')], {
        env: { PATH: process.env.PATH ?? '', GITHUB_API_URL: fake.url, GITHUB_REPOSITORY: 'o/r', GITHUB_EVENT_NAME: 'pull_request', GITHUB_EVENT_PATH: event, GITHUB_WORKSPACE: dir, GITHUB_OUTPUT: join(dir, 'out'), GITHUB_STEP_SUMMARY: join(dir, 'summary'), 'INPUT_GITHUB-TOKEN': 't', 'INPUT_REGISTRY-LOOKUP': 'false' }
      }).on('close', done)
    )
    samples.push(performance.now() - start)
    const timings = fake.timings.slice(before)
    firsts.push((timings[0]?.arrived ?? Number.NaN) - start)
    // The throttling plugin starts write requests at least 1 s apart (GitHub's advice for mutations):
    // the gap between one write's answer and the next write's arrival is that wait, not our work.
    const writes = timings.filter((t) => t.method !== 'GET')
    spacings.push(writes.slice(1).reduce((sum, w, k) => sum + Math.max(0, w.arrived - (writes[k] as { answered: number }).answered), 0))
    if (i === 0) requests = fake.requests.length - before
  }
  await fake.close()
  const totals = samples.map((t, k) => t - (spacings[k] as number))
  return { median: median(samples), min: Math.min(...samples), requests, firstRequest: median(firsts), spacing: median(spacings), withoutSpacing: median(totals) }
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
      const client = new RegistryClient({ allow: ['127.0.0.1'] })
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
  const paths = corpusPaths()
  const whole = wholeProcess(paths, 7)
  const wholeScaling = wholeProcessScaling(quick ? [1, 10] : [1, 10, 100])
  const phases = phaseShares(paths, whole.ours)
  const shellchecked = withShellcheck(paths)
  const cold = await coldStart()
  const other = otherNode === null ? null : { version: execFileSync(otherNode, ['--version'], { encoding: 'utf8' }).trim(), whole: wholeProcess(paths, 7, otherNode), cold: await coldStart(otherNode) }
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
    '## Whole program, side by side (fresh processes, alternating, median of 7)',
    '',
    `\`node dist/cli/index.js --format json --fail-on never <${paths.length} files>\` against \`node bench/peers/dockerfile-utils.mjs <same files>\` (reads each file, validates it, prints JSON).`,
    '',
    '| what | ms | files/s incl. start-up | peak RSS | vs dockerfile-utils |',
    '| --- | ---: | ---: | ---: | ---: |',
    `| Stagecraft CLI | ${whole.ours.toFixed(0)} | ${rate(whole.ours, paths.length)} | ${whole.oursRss?.toFixed(0) ?? '?'} MB | **${(whole.peer / whole.ours).toFixed(2)}× faster** |`,
    `| dockerfile-utils script | ${whole.peer.toFixed(0)} | ${rate(whole.peer, paths.length)} | ${whole.peerRss?.toFixed(0) ?? '?'} MB | 1.00× |`,
    '',
    `Spread: ${whole.spread}.`,
    '',
    '| CLI on N× the corpus (discovered in a folder, fresh process each) | files | ms | files/s | time vs 1× | peak RSS |',
    '| --- | ---: | ---: | ---: | ---: | ---: |',
    ...wholeScaling.map((w) => `| ${w.factor}× | ${w.files} | ${w.ms.toFixed(0)} | ${rate(w.ms, w.files)} | ${(w.ms / (wholeScaling[0]?.ms ?? 1)).toFixed(1)}× | ${w.rssMb?.toFixed(0) ?? '?'} MB |`),
    '',
    shellchecked === null
      ? 'With ShellCheck: skipped (shellcheck is not installed).'
      : `With ShellCheck (installed on GitHub's hosted runners; the RUN scripts go to ${availableParallelism()} ShellCheck processes at a time, one per core): ${shellchecked.ms.toFixed(0)} ms for the corpus, against ${shellchecked.without.toFixed(0)} ms with \`--rule shellcheck=off\` (median of 3 each).`,
    '',
    `Where the CLI's time goes on the corpus (one fresh process, each phase over all files in turn): ${phases}.`,
    '',
    `Action cold start (\`node dist/index.js\`, a PR with one modified Dockerfile, local fake API): median ${cold.median.toFixed(0)} ms of 10 (min ${cold.min.toFixed(0)} ms), ${cold.requests} API requests on the first run; start to first request ${cold.firstRequest.toFixed(0)} ms; waiting on the write spacing of the throttling plugin (≥ 1 s between mutations, kept on purpose: GitHub's advice) ${cold.spacing.toFixed(0)} ms; **total without that spacing ${cold.withoutSpacing.toFixed(0)} ms**.`,
    '',
    ...(other === null
      ? []
      : [
          `## On Node ${other.version} (\`--node\`)`,
          '',
          `Whole program, side by side as above: Stagecraft CLI ${other.whole.ours.toFixed(0)} ms (${rate(other.whole.ours, paths.length)} files/s), dockerfile-utils script ${other.whole.peer.toFixed(0)} ms: **${(other.whole.peer / other.whole.ours).toFixed(2)}× faster** (spread: ${other.whole.spread}).`,
          '',
          `Action cold start as above: median ${other.cold.median.toFixed(0)} ms of 10; start to first request ${other.cold.firstRequest.toFixed(0)} ms; write spacing ${other.cold.spacing.toFixed(0)} ms; **total without that spacing ${other.cold.withoutSpacing.toFixed(0)} ms**.`,
          ''
        ]),
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

/** Runs the phases child and formats its shares. */
function phaseShares(paths: readonly string[], wholeMs: number): string {
  const out = execFileSync(process.execPath, [process.argv[1] as string, '--phases', ...paths], { encoding: 'utf8', maxBuffer: 1 << 28 })
  // Start-up as the CLI has it: Node and the CLI bundle (`--version` does nothing else).
  const load = median(Array.from({ length: 5 }, () => measureProcess([join(ROOT, 'dist/cli/index.js'), '--version']).ms))
  const measured: Record<string, number> = { load, ...(JSON.parse(out) as Record<string, number>) }
  // What the phases do not cover: the review's own steps (templates, build definitions, roles,
  // suppressions, the shipped image's description) and running each file's code cold, interleaved.
  const sum = Object.values(measured).reduce((a, b) => a + b, 0)
  const rest = wholeMs - sum
  // Each phase over all files in turn runs its code colder than the whole run, which interleaves
  // them: their sum can exceed the whole run, and then there is no "rest" to show.
  const phases = rest > 0 ? { ...measured, 'rest of the whole run': rest } : measured
  const total = Object.values(phases).reduce((a, b) => a + b, 0)
  const shares = Object.entries(phases)
    .map(([name, ms]) => `${name} ${ms.toFixed(0)} ms (${((100 * ms) / total).toFixed(0)}%)`)
    .join(', ')
  return rest > 0 ? shares : `${shares} (timed apart, each phase cold, they add up to ${sum.toFixed(0)} ms against ${wholeMs.toFixed(0)} ms for the whole run)`
}

/**
 * `--phases <files>`: the CLI's pipeline one phase at a time over all files, cold, in this fresh
 * process: discovery, read, parse, graph, rules, report (JSON pieces), write (to /dev/null).
 */
async function phasesOnly(paths: string[]): Promise<void> {
  const times: Record<string, number> = {}
  const lap = (name: string, from: number): number => {
    const now = performance.now()
    times[name] = now - from
    return now
  }
  let t = performance.now()
  const found = await discoverDockerfiles(paths, process.cwd())
  t = lap('discovery', t)
  // Not confined to the working folder: the CLI reads the paths it is given wherever they are.
  const texts = found.files.map((p) => readWorkspaceFile(process.cwd(), p, false))
  const unread = texts.filter((r) => !r.ok).length
  if (unread > 0) throw new Error(`--phases: ${unread} of ${texts.length} files were not read`)
  t = lap('read', t)
  const models = texts.map((r) => parseDockerfile(r.ok ? r.text : ''))
  t = lap('parse', t)
  const graphs = models.map((m, i) => buildStageGraph(m, { target: null, path: found.files[i] as string }))
  t = lap('graph', t)
  const findings = models.map((m, i) => checkFile(m, graphs[i] as ReturnType<typeof buildStageGraph>, { path: found.files[i] as string }))
  t = lap('rules', t)
  const pieces = models.map((model, i) => jsonFilePiece(toJsonFile({ analysis: { path: found.files[i] as string, model, graph: graphs[i] as ReturnType<typeof buildStageGraph>, findings: findings[i] ?? [] } }), i === 0))
  t = lap('report', t)
  const fd = openSync('/dev/null', 'w')
  for (const p of pieces) writeSync(fd, p)
  closeSync(fd)
  lap('write', t)
  process.stdout.write(JSON.stringify(times))
}

const scaleArg = process.argv.indexOf('--scale')
const phasesArg = process.argv.indexOf('--phases')
if (scaleArg >= 0) scaleOnly(Number(process.argv[scaleArg + 1]))
else if (phasesArg >= 0) await phasesOnly(process.argv.slice(phasesArg + 1))
// `--action`: the action's cold start alone (10 runs against the fake API), as JSON, to compare builds quickly.
else if (process.argv.includes('--action')) process.stdout.write(JSON.stringify(await coldStart(otherNode ?? process.execPath)) + '\n')
else await main()
