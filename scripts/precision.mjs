#!/usr/bin/env node
/**
 * Judged precision on the shared corpus.
 *
 *   node scripts/precision.mjs             precision per rule and overall of the built CLI (dist/cli)
 *                                           against the judgments in precision/judgments.tsv
 *   node scripts/precision.mjs --sample N  a new stratified sample of about N warning/error findings
 *                                           (every rule, spread over repositories), unjudged, on stdout
 *   node scripts/precision.mjs --unjudged  every current warning/error finding with no judgment yet
 *   node scripts/precision.mjs --repos [--unjudged]
 *                                           the same for whole repositories: the CLI run from the root of
 *                                           each layout of ../shared/repos (its workflows, bake and compose
 *                                           files decide what is built), against precision/repos-judgments.tsv
 *
 * A judgment is keyed by corpus file, rule and line. A finding the code no longer reports is "gone"
 * (a judged TP that is gone is a lost correct finding); a finding with no judgment is "unjudged".
 * Verdicts: TP (correct and useful), FP (wrong), NOISE (true but a careful maintainer would not want it).
 */
import { execFileSync } from 'node:child_process'
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const corpus = resolve(root, '../shared/corpus')
const reposRoot = resolve(root, '../shared/repos')
const onRepos = process.argv.includes('--repos')
const judgmentsFile = join(root, onRepos ? 'precision/repos-judgments.tsv' : 'precision/judgments.tsv')
// Parser and build-tool test fixtures are odd on purpose (see the corpus README): not real projects.
const FIXTURES = [/^moby__buildkit\/frontend__dockerfile__parser__testfile/, /^containers__buildah\/tests__/]
const COLUMNS = ['file', 'rule', 'line', 'severity', 'verdict', 'reason', 'message']
// Rules about the build context: the corpus holds lone Dockerfiles, no contexts, so these rules
// (rightly) stay quiet on it; they are measured on real checkouts, not here.
const CONTEXT_RULES = new Set(['missing-dockerignore', 'copy-ignored-file'])

function corpusFiles() {
  const out = []
  for (const repo of readdirSync(corpus)) {
    const dir = join(corpus, repo)
    if (!statSync(dir).isDirectory()) continue
    for (const name of readdirSync(dir)) {
      const file = `${repo}/${name}`
      if (!FIXTURES.some((re) => re.test(file))) out.push(file)
    }
  }
  return out.sort()
}

/** Current warning and error findings of the built CLI, per corpus file. */
/**
 * Current warning and error findings of the built CLI, per corpus file. Each repository's files
 * are put back at their original paths (MANIFEST.tsv) in a temporary folder and the CLI runs from
 * that root, as a user of the repository would run it: the paths, the sibling folders and the
 * repository listing are the real ones (the sources are not there: the context rules stay quiet).
 */
function currentFindings(files, infos = []) {
  const cli = join(root, 'dist/cli/index.js')
  const original = new Map(
    readFileSync(join(corpus, 'MANIFEST.tsv'), 'utf8')
      .split('\n')
      .slice(1)
      .filter((l) => l.trim() !== '')
      .map((l) => l.split('\t'))
      .map((cells) => [cells[0], cells[3]])
  )
  const layout = mkdtempSync(join(tmpdir(), 'stagecraft-precision-'))
  const byRepo = new Map()
  for (const file of files) {
    const repo = file.split('/')[0]
    const path = original.get(file) ?? file.slice(repo.length + 1)
    mkdirSync(dirname(join(layout, repo, path)), { recursive: true })
    copyFileSync(join(corpus, file), join(layout, repo, path))
    byRepo.set(repo, [...(byRepo.get(repo) ?? []), [path, file]])
  }
  const findings = []
  try {
    for (const [repo, entries] of byRepo) {
      const back = new Map(entries)
      const out = execFileSync(process.execPath, [cli, '--format', 'json', '--fail-on', 'never', ...entries.map(([path]) => path)], { cwd: join(layout, repo), maxBuffer: 1 << 30, encoding: 'utf8' })
      for (const file of JSON.parse(out).files) {
        const rel = back.get(file.path) ?? file.path
        for (const f of file.findings) {
          // A finding reported once for several lines (one per cause) stands for each of them.
          for (const line of [f.line, ...(f.alsoAt ?? [])]) (f.severity === 'info' ? infos : findings).push({ file: rel, rule: f.rule, line, severity: f.severity, message: f.message })
        }
      }
    }
  } finally {
    rmSync(layout, { recursive: true, force: true })
  }
  return findings
}

/** Current warning and error findings of the built CLI run from the root of each repository layout (`.`: every Dockerfile it finds), as `<repo>/<path>`. */
function repositoryFindings(infos = []) {
  const cli = join(root, 'dist/cli/index.js')
  const findings = []
  for (const repo of readdirSync(reposRoot).sort()) {
    if (!statSync(join(reposRoot, repo)).isDirectory()) continue
    const out = execFileSync(process.execPath, [cli, '--format', 'json', '--fail-on', 'never', '.'], { cwd: join(reposRoot, repo), maxBuffer: 1 << 30, encoding: 'utf8' })
    for (const file of JSON.parse(out).files) {
      // A finding reported once for several lines (one per cause) is one finding here, as its reader sees it.
      for (const f of file.findings) (f.severity === 'info' ? infos : findings).push({ file: `${repo}/${file.path}`, rule: f.rule, line: f.line, severity: f.severity, message: f.message })
    }
  }
  return findings
}

const key = (f) => `${f.file}\t${f.rule}\t${f.line}`
const clean = (s) => String(s).replace(/[\t\r\n]+/g, ' ')

function readJudgments() {
  if (!existsSync(judgmentsFile)) return []
  const [header, ...rows] = readFileSync(judgmentsFile, 'utf8').split('\n').filter((l) => l.trim() !== '')
  const cols = header.split('\t')
  return rows.map((row, i) => {
    const cells = row.split('\t')
    const j = Object.fromEntries(cols.map((c, k) => [c, cells[k] ?? '']))
    j.line = Number(j.line)
    if (!['TP', 'FP', 'NOISE'].includes(j.verdict)) throw new Error(`${judgmentsFile}:${i + 2}: verdict must be TP, FP or NOISE, not "${j.verdict}"`)
    return j
  })
}

/** A deterministic shuffle (mulberry32), so the same corpus gives the same sample. */
function shuffle(items, seed) {
  let a = seed >>> 0
  const rand = () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  const out = [...items]
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1))
    ;[out[i], out[j]] = [out[j], out[i]]
  }
  return out
}

function sample(findings, size) {
  const byRule = new Map()
  for (const f of findings) byRule.set(f.rule, [...(byRule.get(f.rule) ?? []), f])
  // Every finding of a small rule; the big ones share the rest equally.
  const rules = [...byRule.keys()].sort((a, b) => byRule.get(a).length - byRule.get(b).length)
  let left = size
  const picked = []
  rules.forEach((rule, i) => {
    const all = byRule.get(rule)
    const quota = Math.max(1, Math.floor(left / (rules.length - i)))
    // Round-robin over repositories, so one repository does not fill a rule's share.
    const byRepo = new Map()
    for (const f of shuffle(all, 7)) byRepo.set(f.file.split('/')[0], [...(byRepo.get(f.file.split('/')[0]) ?? []), f])
    const queues = [...byRepo.values()]
    const chosen = []
    while (chosen.length < Math.min(quota, all.length)) for (const q of queues) if (q.length > 0 && chosen.length < quota) chosen.push(q.shift())
    picked.push(...chosen)
    left -= chosen.length
  })
  return picked.sort((a, b) => a.rule.localeCompare(b.rule) || a.file.localeCompare(b.file) || a.line - b.line)
}

const pct = (n, d) => (d === 0 ? '—' : `${((100 * n) / d).toFixed(0)}%`)

function report(findings, judgments, infos) {
  const now = new Map(findings.map((f) => [key(f), f]))
  const asInfo = new Set(infos.map(key))
  const judged = new Map(judgments.map((j) => [key(j), j]))
  const rules = [...new Set([...findings.map((f) => f.rule), ...judgments.map((j) => j.rule)])].sort()
  const rows = []
  const total = { fired: 0, tp: 0, fp: 0, noise: 0, unjudged: 0, tpGone: 0, tpJudged: 0, gone: 0 }
  const measurable = { ...total }
  for (const rule of rules) {
    const r = { fired: 0, tp: 0, fp: 0, noise: 0, unjudged: 0, tpGone: 0, tpJudged: 0, gone: 0 }
    for (const f of findings) if (f.rule === rule) {
      r.fired++
      const j = judged.get(key(f))
      if (j === undefined) r.unjudged++
      else if (j.verdict === 'TP') r.tp++
      else if (j.verdict === 'FP') r.fp++
      else r.noise++
    }
    for (const j of judgments) if (j.rule === rule) {
      if (j.verdict === 'TP') r.tpJudged++
      if (!now.has(key(j))) {
        r.gone++
        if (j.verdict === 'TP') r.tpGone++
      }
    }
    for (const k of Object.keys(total)) total[k] += r[k]
    if (!CONTEXT_RULES.has(rule)) for (const k of Object.keys(measurable)) measurable[k] += r[k]
    rows.push([CONTEXT_RULES.has(rule) ? `${rule} (context rule: not measurable on lone Dockerfiles)` : rule, r])
  }
  const line = (name, r) => `| ${name} | ${r.fired} | ${r.tp + r.fp + r.noise} | ${r.tp} | ${r.fp} | ${r.noise} | ${pct(r.tp, r.tp + r.fp + r.noise)} | ${r.unjudged} | ${r.gone} | ${r.tpJudged - r.tpGone}/${r.tpJudged} |`
  const out = [
    onRepos
      ? `Judged precision of warnings and errors on the repository layouts of ../shared/repos, the CLI run from each root (${judgments.length} judgments).`
      : `Judged precision of warnings and errors on ../shared/corpus (${judgments.length} judgments, parser/build-tool fixtures left out).`,
    '',
    '| rule | fired | judged | TP | FP | NOISE | precision | unjudged | judged, now gone | TP kept |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...rows.map(([rule, r]) => line(rule, r)),
    line('**all**', total),
    line('**all but the context rules**', measurable)
  ]
  // The correct findings we lost, so each loss is looked at, not just counted.
  const lost = judgments.filter((j) => j.verdict === 'TP' && !now.has(key(j)))
  // A TP lowered to info is still in the JSON, SARIF and text reports, but no longer a warning.
  const lowered = lost.filter((j) => asInfo.has(key(j)))
  if (lost.length > 0) {
    out.push('', `Judged TPs no longer reported as warnings or errors (${lost.length}: ${lowered.length} still reported as info, ${lost.length - lowered.length} gone):`)
    out.push(...lost.map((j) => `- ${asInfo.has(key(j)) ? '(info) ' : ''}${j.rule} ${j.file}:${j.line} — ${j.reason}`))
  }
  return out.join('\n') + '\n'
}

const args = process.argv.slice(2).filter((a) => a !== '--repos')
const infos = []
const findings = onRepos ? repositoryFindings(infos) : currentFindings(corpusFiles(), infos)
if (args[0] === '--unjudged') {
  // Every current finding with no judgment yet, in the judgments' columns, to be judged and appended.
  const judged = new Set(readJudgments().map(key))
  const rows = findings.filter((f) => !judged.has(key(f)))
  process.stdout.write([COLUMNS.join('\t'), ...rows.map((f) => [f.file, f.rule, f.line, f.severity, '', '', clean(f.message)].join('\t'))].join('\n') + '\n')
} else if (args[0] === '--sample') {
  const size = Number(args[1] ?? 320)
  const rows = sample(findings, size)
  process.stdout.write([COLUMNS.join('\t'), ...rows.map((f) => [f.file, f.rule, f.line, f.severity, '', '', clean(f.message)].join('\t'))].join('\n') + '\n')
} else {
  process.stdout.write(report(findings, readJudgments(), infos))
}
