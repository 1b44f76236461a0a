#!/usr/bin/env node
// How often each rule fires on the real files of ../shared/corpus (the buildkit parser test files
// and buildah fixtures left out, as the corpus README asks). Run after `npm run build`:
//   node scripts/rule-rates.mjs [corpus-dir]
import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'

const corpus = process.argv[2] ?? '../shared/corpus'
const manifest = readFileSync(join(corpus, 'MANIFEST.tsv'), 'utf8').trim().split('\n').slice(1).map((l) => l.split('\t'))
const files = manifest
  .map(([file]) => file)
  .filter((f) => !f.startsWith('moby__buildkit/frontend__dockerfile__parser__testfiles') && !f.startsWith('containers__buildah/tests__'))
  .map((f) => join(corpus, f))
let out
try {
  out = execFileSync(process.execPath, ['dist/cli/index.js', '--format', 'json', '--fail-on', 'never', ...files], { maxBuffer: 256 * 1024 * 1024 })
} catch (err) {
  out = err.stdout
}
const report = JSON.parse(out.toString())
const files_ = report.files.length
const perRule = new Map()
for (const f of report.files) {
  for (const rule of new Set(f.findings.map((x) => x.rule))) perRule.set(rule, (perRule.get(rule) ?? 0) + 1)
}
console.log(`| rule | files | rate |\n| --- | ---: | ---: |`)
for (const [rule, n] of [...perRule].sort((a, b) => b[1] - a[1])) console.log(`| ${rule} | ${n} | ${((100 * n) / files_).toFixed(1)}% |`)
console.log(`\n${files_} real files; rules that fired: ${perRule.size}`)
