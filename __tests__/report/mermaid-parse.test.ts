/**
 * Every stage graph we draw must be accepted by the real `mermaid` parser (what GitHub runs
 * before drawing): the golden fixtures, hostile names, and every file of the shared corpus.
 * The parser runs under jsdom in a child process (scripts/mermaid-check.mjs), all diagrams at once.
 */
import { describe, expect, it } from '@jest/globals'
import { spawnSync } from 'node:child_process'
import { readFileSync, readdirSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { analyzeDockerfile } from '../../src/review/analyze.js'
import { describeStages } from '../../src/graph/image.js'
import { stageGraphMermaid } from '../../src/report/mermaid.js'
import { ROOT } from '../helpers/bundle.js'
import { corpusAvailable, readManifest } from '../helpers/corpus.js'
import { df } from '../helpers/dockerfile.js'

interface Diagram {
  name: string
  source: string
}

interface CheckResult {
  checked: number
  failures: { name: string; error: string }[]
}

function check(diagrams: readonly Diagram[]): CheckResult {
  const run = spawnSync(process.execPath, [join(ROOT, 'scripts/mermaid-check.mjs')], { input: JSON.stringify(diagrams), encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })
  if (run.status !== 0) throw new Error(`mermaid-check failed: ${run.stderr}`)
  return JSON.parse(run.stdout) as CheckResult
}

function diagramOf(name: string, text: string): Diagram[] {
  const a = analyzeDockerfile(name, text)
  const picture = stageGraphMermaid(describeStages(a.model, a.graph), a.graph)
  return picture === null ? [] : [{ name, source: picture.source }]
}

const GOLDEN = join(dirname(fileURLToPath(import.meta.url)), 'golden')

describe('Mermaid diagrams pass the real mermaid parser', () => {
  it('rejects a broken diagram (the check can fail)', () => {
    const result = check([{ name: 'broken', source: 'flowchart LR\n  s0["a"b"] --> s1' }, { name: 'fine', source: 'flowchart LR\n  s0["a"] --> s1' }])
    expect(result.checked).toBe(2)
    expect(result.failures.map((f) => f.name)).toEqual(['broken'])
  })

  it('accepts the fixtures and hostile stage names, paths and images', () => {
    const diagrams = [
      ...readdirSync(GOLDEN)
        .filter((f) => f.endsWith('.Dockerfile'))
        .flatMap((f) => diagramOf(f, readFileSync(join(GOLDEN, f), 'utf8'))),
      ...diagramOf('names', df('FROM alpine:3 AS end', 'FROM end AS subgraph', 'FROM subgraph AS graph', 'FROM graph AS class', 'FROM class AS style', 'COPY --from=end ["/a\\"b", "/c;d", "/e%f", "/g{h}", "/i[j]", "/k-->l", "/m|n", "/x"]')),
      // Past the budget: unused stages folded into one node, the rest left out behind "+N more stages".
      ...diagramOf('budget', df('FROM alpine:3 AS s0', ...Array.from({ length: 40 }, (_, i) => `FROM s${i} AS s${i + 1}`), ...Array.from({ length: 5 }, (_, i) => `FROM alpine:3 AS unused${i}`), 'FROM s40')),
      ...diagramOf('entities', df('FROM alpine:3 AS a', 'RUN --mount=type=bind,from=a,target=/m true', 'FROM scratch', 'COPY --from=a /#quot; /x', 'COPY --from=a /&amp;<br/> /y', 'COPY --from=ghcr.io/o/r:1 /🐳 /z', 'COPY --from=a $UNSET /empty'))
    ]
    expect(diagrams.length).toBeGreaterThanOrEqual(8)
    const result = check(diagrams)
    expect(result).toEqual({ checked: diagrams.length, failures: [] })
  })

  const itCorpus = corpusAvailable() ? it : it.skip
  itCorpus(
    'accepts the diagram of every corpus file',
    () => {
      const diagrams = readManifest().flatMap((e) => diagramOf(e.file, readFileSync(e.path, 'utf8')))
      expect(diagrams.length).toBeGreaterThan(900)
      const result = check(diagrams)
      expect(result.failures).toEqual([])
      expect(result.checked).toBe(diagrams.length)
    },
    180_000
  )
})
