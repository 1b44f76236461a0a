#!/usr/bin/env node
/* global fetch, AbortSignal */
/**
 * npm run eol:update — refreshes src/rules/eol-data.ts (the base-image-eol rule's table) from
 * endoflife.date's API: https://endoflife.date/api/<product>.json for every product the table
 * has. All or nothing: if one product cannot be fetched or read, nothing is written.
 *
 *   ENDOFLIFE_API  the API root (default https://endoflife.date/api), for tests and mirrors
 *   EOL_OUT        the file to write (default src/rules/eol-data.ts)
 *   EOL_TODAY      the date written as takenOn (default today, UTC)
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..')
const API = (process.env.ENDOFLIFE_API ?? 'https://endoflife.date/api').replace(/\/$/, '')
const OUT = process.env.EOL_OUT ?? join(ROOT, 'src/rules/eol-data.ts')
const TODAY = process.env.EOL_TODAY ?? new Date().toISOString().slice(0, 10)

/** The products of the current table, in its order (the rule maps image names onto these ids). */
function currentProducts() {
  const text = readFileSync(join(ROOT, 'src/rules/eol-data.ts'), 'utf8')
  const body = text.slice(text.indexOf('products: {'))
  return [...body.matchAll(/^ {4}'?([a-z0-9-]+)'?: \[/gm)].map((m) => m[1])
}

/** One cycle of endoflife.date's answer → a line of the table; `eol: true` without a date takes the line's last release date. */
export function toLine(cycle) {
  const line = String(cycle.cycle)
  const eol = typeof cycle.eol === 'string' ? cycle.eol : cycle.eol === true ? (typeof cycle.latestReleaseDate === 'string' ? cycle.latestReleaseDate : typeof cycle.releaseDate === 'string' ? cycle.releaseDate : null) : null
  const codename = typeof cycle.codename === 'string' && cycle.codename.trim() !== '' ? cycle.codename.trim().split(/\s+/)[0].toLowerCase() : undefined
  return codename === undefined ? { line, eol } : { line, eol, codename }
}

async function fetchProduct(product) {
  const response = await fetch(`${API}/${product}.json`, { signal: AbortSignal.timeout(20_000), headers: { accept: 'application/json' } })
  if (!response.ok) throw new Error(`${product}: HTTP ${response.status}`)
  const cycles = await response.json()
  if (!Array.isArray(cycles)) throw new Error(`${product}: not a list of release cycles`)
  return cycles.map(toLine).filter((l) => l.line !== '' && (l.eol === null || /^\d{4}-\d{2}-\d{2}$/.test(l.eol)))
}

const quote = (s) => `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`
const key = (s) => (/^[a-z]+$/.test(s) ? s : quote(s))

function render(products) {
  const head = readFileSync(join(ROOT, 'src/rules/eol-data.ts'), 'utf8')
  const preamble = head.slice(0, head.indexOf('export const EOL_TABLE'))
  const lines = Object.entries(products).map(([product, list]) => {
    const entries = list.map((l) => `      { line: ${quote(l.line)}, eol: ${l.eol === null ? 'null' : quote(l.eol)}${l.codename === undefined ? '' : `, codename: ${quote(l.codename)}`} }`)
    return `    ${key(product)}: [\n${entries.join(',\n')}\n    ]`
  })
  return `${preamble}export const EOL_TABLE: EolTable = {
  source: 'https://endoflife.date',
  takenOn: ${quote(TODAY)},
  how: ${quote(`fetched from ${API}/<product>.json by npm run eol:update`)},
  products: {
${lines.join(',\n')}
  }
}
`
}

async function main() {
  const products = currentProducts()
  const fetched = {}
  for (const product of products) fetched[product] = await fetchProduct(product)
  writeFileSync(OUT, render(fetched))
  process.stdout.write(`eol:update: ${products.length} products, ${Object.values(fetched).reduce((n, l) => n + l.length, 0)} release lines, taken ${TODAY} → ${OUT}\n`)
}

main().catch((err) => {
  process.stderr.write(`eol:update: ${err instanceof Error ? err.message : String(err)}; the table was not changed\n`)
  process.exit(1)
})
