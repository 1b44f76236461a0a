/**
 * The code's layers, enforced: data flows one way (sources → parse → graph → rules → enrich →
 * review → report → GitHub), so a lower layer never imports a higher one, only review talks to
 * the registries and starts ShellCheck, and only src/github imports @actions/*.
 */
import { describe, expect, it } from '@jest/globals'
import { readFileSync, readdirSync, statSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { ROOT } from './helpers/bundle.js'

const SRC = join(ROOT, 'src')

/** Lower first. Folders on one rank may import each other only where noted below. */
const RANKS: Record<string, number> = {
  model: 0,
  diff: 0,
  parse: 1,
  builds: 1,
  graph: 2,
  rules: 3,
  config: 4,
  enrich: 5,
  registry: 5,
  shellcheck: 5,
  sources: 5,
  review: 6,
  report: 7,
  github: 8,
  cli: 8,
  '(top)': 9
}

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    return statSync(path).isDirectory() ? files(path) : path.endsWith('.ts') ? [path] : []
  })
}

const layerOf = (file: string): string => {
  const rel = relative(SRC, file).split('/')
  return rel.length === 1 ? '(top)' : (rel[0] as string)
}

function imports(file: string): string[] {
  const text = readFileSync(file, 'utf8')
  return [...text.matchAll(/^\s*(?:import|export)[^'"]*?from\s+['"]([^'"]+)['"]/gm), ...text.matchAll(/^\s*import\s+['"]([^'"]+)['"]/gm)].map((m) => m[1] as string)
}

const edges = files(SRC).flatMap((file) =>
  imports(file).map((spec) => ({
    file: relative(ROOT, file),
    from: layerOf(file),
    spec,
    to: spec.startsWith('.') ? layerOf(resolve(dirname(file), spec)) : null
  }))
)

describe('layers', () => {
  it('knows every folder of src/', () => {
    const folders = readdirSync(SRC).filter((n) => statSync(join(SRC, n)).isDirectory())
    expect(folders.filter((f) => RANKS[f] === undefined)).toEqual([])
  })

  it('never imports a higher layer', () => {
    const upward = edges.filter((e) => e.to !== null && (RANKS[e.to] as number) > (RANKS[e.from] as number))
    expect(upward.map((e) => `${e.file} (${e.from}) imports ${e.spec} (${e.to})`)).toEqual([])
  })

  it('keeps same-rank folders apart', () => {
    const sideways = edges.filter((e) => e.to !== null && e.to !== e.from && RANKS[e.to] === RANKS[e.from])
    expect(sideways.map((e) => `${e.file} imports ${e.spec}`)).toEqual([])
  })

  it('lets only review talk to the registries', () => {
    const registry = edges.filter((e) => e.to === 'registry' && e.from !== 'registry' && e.from !== 'review')
    expect(registry.map((e) => `${e.file} imports ${e.spec}`)).toEqual([])
  })

  it('lets only review start ShellCheck', () => {
    const shellcheck = edges.filter((e) => e.to === 'shellcheck' && e.from !== 'shellcheck' && e.from !== 'review')
    expect(shellcheck.map((e) => `${e.file} imports ${e.spec}`)).toEqual([])
  })

  it('lets only src/github import @actions/*', () => {
    const actions = edges.filter((e) => e.spec.startsWith('@actions/') && e.from !== 'github')
    expect(actions.map((e) => `${e.file} imports ${e.spec}`)).toEqual([])
  })

  it('has real edges to check (the pattern reads this code base)', () => {
    expect(edges.filter((e) => e.from === 'rules' && e.to === 'model').length).toBeGreaterThan(10)
    expect(edges.some((e) => e.from === 'github' && e.spec.startsWith('@actions/'))).toBe(true)
  })
})
