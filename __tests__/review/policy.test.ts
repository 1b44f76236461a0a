/** Which lines a change decides without touching them (dependentLines), and what that makes owned. */
import { describe, expect, it } from '@jest/globals'
import { dependentLines, selectFindings } from '../../src/review/policy.js'
import { RULES } from '../../src/rules/registry.js'
import { analyze, df, parse } from '../helpers/dockerfile.js'

const lines = (ranges: { start: number; end: number }[]): number[] => ranges.map((r) => r.start)

describe('dependentLines', () => {
  const text = df('ARG BASE=node:20', 'ARG ALIAS=$BASE', 'ARG OTHER=x', 'FROM ${ALIAS} AS build', 'ARG BASE', 'RUN echo $BASE', 'FROM ${OTHER}', 'ENV V=${BASE}', 'COPY $V /v')

  it('follows a changed ARG through an alias, a stage ARG that takes the global one, RUN, ENV and COPY', () => {
    expect(lines(dependentLines(parse(text), [{ start: 1, end: 1 }]))).toEqual([2, 4, 5, 6])
  })

  it('a stage ARG with no default is not the change of an unrelated global ARG', () => {
    expect(lines(dependentLines(parse(text), [{ start: 3, end: 3 }]))).toEqual([7])
  })

  it('nothing depends on a line that declares nothing', () => {
    expect(dependentLines(parse(text), [{ start: 6, end: 6 }])).toEqual([])
  })

  it('makes the finding on an unchanged FROM the change of the ARG line', () => {
    const analysis = analyze(df('ARG BASE=evil.example.com/node:20', 'FROM ${BASE}', 'USER app'), { options: { 'untrusted-registry': { 'trusted-registries': ['docker.io'] } } })
    const owned = (line: number): string[] => selectFindings(analysis, [{ start: line, end: line }], 'changed-lines', RULES).map((f) => `${f.rule}@${f.line}`)
    expect(owned(1)).toContain('untrusted-registry@2')
    expect(owned(3)).not.toContain('untrusted-registry@2')
  })
})
