#!/usr/bin/env node
/**
 * Builds dist/ when it is not the bundle of the sources as they are now, so the tests that run
 * the bundle (e2e, CLI as a process) test the code being edited, not the last commit's bundle.
 * Jest runs it once before any test (globalSetup); `node scripts/build-if-stale.mjs` runs it by
 * hand. The stamp records a hash of everything the bundle is built from and of the bundle
 * itself, so `git checkout -- dist` after a build is noticed too.
 */
import { execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs'
import { dirname, join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..')
const STAMP = join(ROOT, '.cache', 'build-stamp')
const INPUTS = ['src', 'package.json', 'package-lock.json', 'tsconfig.json']
const OUTPUTS = ['dist/index.js', 'dist/cli/index.js']

function files(path) {
  if (!existsSync(path)) return []
  if (!statSync(path).isDirectory()) return [path]
  return readdirSync(path)
    .sort()
    .flatMap((name) => files(join(path, name)))
}

function hashOf(paths) {
  const hash = createHash('sha256')
  for (const file of paths.flatMap((p) => files(join(ROOT, p)))) {
    hash.update(relative(ROOT, file)).update('\0').update(readFileSync(file)).update('\0')
  }
  return hash.digest('hex')
}

export function stamp() {
  return `${hashOf(INPUTS)} ${hashOf(OUTPUTS)}`
}

export function isFresh() {
  return OUTPUTS.every((o) => existsSync(join(ROOT, o))) && existsSync(STAMP) && readFileSync(STAMP, 'utf8').trim() === stamp()
}

export default function buildIfStale() {
  if (process.env.STAGECRAFT_SKIP_BUILD === '1' || isFresh()) return
  process.stderr.write('dist/ is not built from the current sources: npm run build\n')
  execFileSync('npm', ['run', 'build', '--silent'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] })
  mkdirSync(dirname(STAMP), { recursive: true })
  writeFileSync(STAMP, `${stamp()}\n`)
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) buildIfStale()
