/** The engine's own behaviour: one finding per cause. */
import { describe, expect, it } from '@jest/globals'
import { findingText } from '../../src/model/finding.js'
import { analyze, df } from '../helpers/dockerfile.js'
import { fileCache } from '../../src/rules/file-cache.js'
import { runRules } from '../../src/rules/engine.js'
import { RULES } from '../../src/rules/registry.js'
import { parseDockerfile } from '../../src/parse/parse.js'
import { buildStageGraph } from '../../src/graph/graph.js'

describe('one finding per cause', () => {
  it('reports the same message of one rule once, listing the other lines', () => {
    const a = analyze(df('FROM alpine:3', ...Array.from({ length: 8 }, (_, i) => `MAINTAINER someone${i % 1}`)))
    const maintainer = a.findings.filter((f) => f.rule === 'maintainer-deprecated')
    expect(maintainer.map((f) => [f.line, f.alsoAt])).toEqual([[2, [3, 4, 5, 6, 7, 8, 9]]])
    expect(findingText(maintainer[0] as (typeof maintainer)[number])).toMatch(/\(also on lines 3, 4, 5, 6, 7 and 2 more\)$/)
  })

  it('keeps findings apart when what they say differs', () => {
    const a = analyze(df('FROM alpine', 'FROM ubuntu', 'FROM alpine', 'CMD ["sh"]'))
    expect(a.findings.filter((f) => f.rule === 'base-image-untagged').map((f) => [f.line, f.alsoAt])).toEqual([
      [1, [3]],
      [2, undefined]
    ])
  })
})

describe('rules that are info in environments', () => {
  it('reports a floating base as a warning in a runtime image and as info in a dev environment', () => {
    const severity = (name: string) => analyze(df(`FROM ubuntu AS ${name}`, 'CMD ["bash"]')).findings.filter((f) => f.rule === 'base-image-untagged').map((f) => f.severity)
    expect(severity('app')).toEqual(['warning'])
    expect(severity('devcontainer')).toEqual(['info'])
  })
})


describe('what rules cache about a file', () => {
  it('lasts while the file is checked and is gone once the engine has finished it', () => {
    const cache = fileCache<object, string>()
    const key = {}
    cache.set(key, 'syntax tree')
    expect(cache.get(key)).toBe('syntax tree')
    const model = parseDockerfile(df('FROM alpine:3', 'RUN apk add curl | tee /log'))
    runRules({ model, graph: buildStageGraph(model), rules: RULES })
    expect(cache.get(key)).toBeUndefined()
  })

  it('gives the same answers on a second run over the same model (recomputed, not lost)', () => {
    const model = parseDockerfile(df('FROM debian:12', 'RUN curl -fsSL https://example.com/install.sh | bash', '# hadolint ignore=DL3015', 'RUN apt-get update && apt-get install -y curl'))
    const graph = buildStageGraph(model)
    const first = runRules({ model, graph, rules: RULES })
    expect(first.map((f) => f.rule)).toContain('pipefail')
    expect(first.map((f) => f.rule)).not.toContain('apt-no-install-recommends')
    expect(runRules({ model, graph, rules: RULES })).toEqual(first)
  })
})
