/** The engine's own behaviour: one finding per cause. */
import { describe, expect, it } from '@jest/globals'
import { findingText } from '../../src/model/finding.js'
import { analyze, df } from '../helpers/dockerfile.js'

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

