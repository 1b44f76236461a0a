import { describe, expect, it } from '@jest/globals'
import { analyze, df, findingKeys } from '../helpers/dockerfile.js'

const UNTAGGED = ['FROM ubuntu', 'USER app']

describe('suppressions', () => {
  it('reports by default (the baseline for the cases below)', () => {
    expect(findingKeys(analyze(df(...UNTAGGED)))).toEqual(['base-image-untagged@1'])
  })

  it('# stagecraft-ignore <rule> silences that rule on the next instruction only', () => {
    const result = analyze(df('# stagecraft-ignore base-image-untagged', 'FROM ubuntu AS a', 'FROM debian', 'USER app'))
    expect(findingKeys(result)).toEqual(['unused-stage@2', 'base-image-untagged@3'])
  })

  it('# stagecraft-ignore with no rule silences every rule on the next instruction', () => {
    expect(findingKeys(analyze(df('# stagecraft-ignore', ...UNTAGGED)))).toEqual([])
  })

  it('# stagecraft-ignore-file silences rules in the whole file', () => {
    expect(findingKeys(analyze(df('FROM ubuntu AS a', '# stagecraft-ignore-file base-image-untagged,unused-stage', 'FROM debian', 'USER app')))).toEqual([])
  })

  it('never silences parse errors with a blanket ignore', () => {
    expect(findingKeys(analyze(df('# stagecraft-ignore-file', 'FROM alpine:3', 'USER app', "CMD ['x']")))).toEqual(['parse-error@4'])
  })

  it('honours # hadolint ignore= and # hadolint global ignore= through the equivalents', () => {
    expect(findingKeys(analyze(df('# hadolint ignore=DL3006', ...UNTAGGED)))).toEqual([])
    expect(findingKeys(analyze(df('FROM ubuntu AS a', '# hadolint global ignore=DL3006', 'FROM debian', 'USER app')))).toEqual(['unused-stage@1'])
  })

  it('reads hadolint lists with spaces around the commas and the = sign, and a reason after #', () => {
    const file = df('FROM ubuntu AS a', '# hadolint ignore = DL3006 ,  DL3059 # pinned by the build', 'FROM debian', 'USER app')
    expect(findingKeys(analyze(file))).toEqual(['base-image-untagged@1', 'unused-stage@1'])
  })

  it('# hadolint stage ignore= silences the stage whose FROM follows it, and only that stage', () => {
    const file = df('FROM ubuntu AS build', 'RUN make', '# hadolint stage ignore=DL3006', 'FROM debian AS test', 'COPY --from=build /x /x', 'FROM alpine', 'COPY --from=test /x /x')
    expect(findingKeys(analyze(file)).filter((k) => k.startsWith('base-image-untagged'))).toEqual(['base-image-untagged@1', 'base-image-untagged@6'])
  })

  it('lets a policy turn suppression comments off, all of them or only hadolint’s', () => {
    const file = df('# stagecraft-ignore-file unused-stage', 'FROM ubuntu:24.04 AS a', '# hadolint ignore=DL3006', 'FROM debian', 'USER app')
    expect(findingKeys(analyze(file))).toEqual([])
    expect(findingKeys(analyze(file, { honoured: [] }))).toEqual(['unused-stage@2', 'base-image-untagged@4'])
    expect(findingKeys(analyze(file, { honoured: ['stagecraft', 'buildkit'] }))).toEqual(['base-image-untagged@4'])
  })

  it('applies configured ignores to the stages they name', () => {
    const file = df('FROM ubuntu AS dev', 'USER root', 'FROM debian AS app', 'USER root')
    const stage = (names: string[]) => (name: string | null) => name !== null && names.includes(name)
    const all = findingKeys(analyze(file, { target: 'app' }))
    expect(all).toEqual(expect.arrayContaining(['base-image-untagged@1', 'base-image-untagged@3']))
    const scoped = findingKeys(analyze(file, { target: 'app', ignores: [{ ids: new Set(['base-image-untagged']), stage: stage(['dev']) }] }))
    expect(scoped).toEqual(all.filter((k) => k !== 'base-image-untagged@1'))
    expect(findingKeys(analyze(file, { target: 'app', ignores: [{ ids: new Set(['base-image-untagged']), stage: null }] }))).toEqual(all.filter((k) => !k.startsWith('base-image-untagged')))
  })

  it("honours BuildKit's check=skip directive for the file and as a comment above an instruction", () => {
    const file = df('# check=skip=StageNameCasing,FromAsCasing', 'FROM alpine:3 as Build', 'USER app')
    expect(findingKeys(analyze(file))).toEqual([])
    const one = df('FROM alpine:3 AS A', '# check=skip=StageNameCasing', 'FROM alpine:3 AS B', 'COPY --from=A /x /x', 'USER app')
    expect(findingKeys(analyze(one))).toEqual(['stage-name-casing@1'])
  })

  it('skip=all silences every rule that has a BuildKit equivalent, and only those', () => {
    expect(findingKeys(analyze(df('# check=skip=all', 'FROM ubuntu AS Build', 'USER app')))).toEqual(['base-image-untagged@2'])
  })

  it('error=true raises findings of BuildKit checks to errors', () => {
    const result = analyze(df('# check=error=true', 'FROM ubuntu:24.04 AS Build', 'USER app'))
    expect(result.findings.map((f) => [f.rule, f.severity])).toEqual([['stage-name-casing', 'error']])
  })

  it('reports an ignore comment that names no rule', () => {
    const result = analyze(df('FROM ubuntu:24.04', '# stagecraft-ignore no-such-rule', 'USER app'))
    expect(findingKeys(result)).toEqual(['invalid-suppression@2'])
  })
})
