/** inline-ignore: what it reports and what it must leave alone (docs/rules/inline-ignore.md). */
import { describe, expect, it } from '@jest/globals'
import { inlineIgnore } from '../../src/rules/inline-ignore.js'
import { analyze, df } from '../helpers/dockerfile.js'

const on = { levels: { 'inline-ignore': 'warning' as const } }
const rules = (text: string, options: { levels: Record<string, 'warning'> } = on): string[] => analyze(text, options).findings.filter((f) => f.rule === 'inline-ignore').map((f) => `${f.line}: ${f.message}`)

describe('inline-ignore', () => {
  it('is off by default', () => {
    expect(rules(df('FROM debian:12', '# hadolint ignore=DL3002', 'USER root'), { levels: {} })).toEqual([])
  })

  it('reports each suppression comment when turned on: hadolint pragmas, ours, BuildKit skips', () => {
    const found = rules(df('# hadolint global ignore=DL3006', 'FROM debian', '# stagecraft-ignore root-user', 'USER root', '# check=skip=JSONArgsRecommended', 'CMD run'))
    expect(found.map((f) => f.split(':')[0])).toEqual(['1', '3', '5'])
    expect(found[0]).toContain('a hadolint suppression comment (# hadolint global ignore=DL3006)')
    expect(found[1]).toContain('suppress: in .stagecraft.yml')
  })

  it('leaves other comments alone, and a blanket file ignore does not silence it', () => {
    expect(rules(df('# syntax=docker/dockerfile:1', 'FROM debian:12', '# install the tools we need', 'RUN true'))).toEqual([])
    expect(rules(df('FROM debian:12', '# stagecraft-ignore-file'))).toEqual(['2: a Stagecraft suppression comment (# stagecraft-ignore-file): fix the finding, or except it in the configuration (suppress: in .stagecraft.yml, with the rule and the stages or paths) where it is reviewed once'])
    expect(rules(df('# hadolint global ignore=DL1001', 'FROM debian:12', '# hadolint ignore=DL3002', 'USER root'))).toEqual([])
  })
})

describe('inline-ignore metadata', () => {
  it("is hadolint's DL1001, off unless a level turns it on", () => {
    expect([inlineIgnore.meta.equivalents.hadolint, inlineIgnore.meta.experimental]).toEqual(['DL1001', true])
  })
})
