/** scripts/eol-update.mjs (npm run eol:update) against a local stand-in for endoflife.date's API. */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { spawn } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import { join } from 'node:path'
import { ROOT } from '../helpers/bundle.js'
import { tempTree } from '../helpers/tmp.js'
import { EOL_TABLE } from '../../src/rules/eol-data.js'

const tree = tempTree({ '.keep': '' })
let server: Server
let port = 0
let missing: string | null = null
const asked: string[] = []

beforeAll(async () => {
  server = createServer((req, res) => {
    const product = /^\/api\/([a-z0-9-]+)\.json$/.exec(req.url ?? '')?.[1] ?? ''
    asked.push(product)
    if (product === missing || product === '') {
      res.statusCode = 404
      res.end('{}')
      return
    }
    res.setHeader('content-type', 'application/json')
    const cycles =
      product === 'debian'
        ? [{ cycle: '13', codename: 'Trixie', eol: '2030-06-30' }, { cycle: '12', codename: 'Bookworm', eol: '2028-06-30' }]
        : product === 'nodejs'
          ? [{ cycle: '26', eol: '2029-04-30' }, { cycle: '16', eol: true, latestReleaseDate: '2023-08-08' }, { cycle: '28', eol: false }]
          : [{ cycle: '1', eol: '2020-01-01' }]
    res.end(JSON.stringify(cycles))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  port = (server.address() as { port: number }).port
})
afterAll(async () => {
  tree.remove()
  await new Promise((resolve) => server.close(resolve))
})

function run(out: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(ROOT, 'scripts/eol-update.mjs')], { env: { PATH: process.env.PATH ?? '', ENDOFLIFE_API: `http://127.0.0.1:${port}/api`, EOL_OUT: out, EOL_TODAY: '2027-01-15' } })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()))
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()))
    child.on('close', (code) => resolve({ code, stdout, stderr }))
  })
}

describe('npm run eol:update', () => {
  it('asks the API for every product of the table and writes a dated table, code names and open-ended lines included', async () => {
    const out = join(tree.dir, 'eol-data.ts')
    const result = await run(out)
    expect(result.code).toBe(0)
    expect(asked.sort()).toEqual(Object.keys(EOL_TABLE.products).sort())
    const text = readFileSync(out, 'utf8')
    expect(text).toContain("takenOn: '2027-01-15'")
    expect(text).toContain(`how: 'fetched from http://127.0.0.1:${port}/api/<product>.json by npm run eol:update'`)
    expect(text).toContain("{ line: '12', eol: '2028-06-30', codename: 'bookworm' }")
    expect(text).toContain("{ line: '16', eol: '2023-08-08' }")
    expect(text).toContain("{ line: '28', eol: null }")
    expect(text).toContain("'rocky-linux': [")
    expect(text).toContain('export interface EolTable')
  })

  it('writes nothing when one product cannot be fetched', async () => {
    missing = 'redis'
    const out = join(tree.dir, 'never.ts')
    const result = await run(out)
    expect(result.code).toBe(1)
    expect(result.stderr).toBe('eol:update: redis: HTTP 404; the table was not changed\n')
    expect(existsSync(out)).toBe(false)
    missing = null
  })
})
