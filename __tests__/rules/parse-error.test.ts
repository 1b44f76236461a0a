/** parse-error: what it reports and what it must leave alone (docs/rules/parse-error.md). */
import { parseError } from '../../src/rules/parse-error.js'
import { describe, expect, it } from '@jest/globals'
import { analyze, df } from '../helpers/dockerfile.js'
import { testRule } from '../helpers/rule-tester.js'

testRule(parseError, {
  valid: [
    { name: 'a clean multi-stage file', code: df('FROM golang:1.22 AS b', 'RUN go build', 'FROM scratch', 'COPY --from=b /a /a') },
    { name: 'a shell test that starts with [', code: df('FROM alpine', 'RUN [ -f /x ] || touch /x') }
  ],
  invalid: [
    { name: 'exec form with single quotes', code: df('FROM alpine', "CMD ['sh']"), errors: [{ line: 2, severity: 'error' }] },
    { name: 'an instruction before FROM', code: df('RUN echo hi', 'FROM alpine'), errors: [{ line: 1, message: 'RUN before the first FROM' }] }
  ]
})

describe('hadolint codes of parse problems', () => {
  it('an instruction before FROM carries DL3061, and # hadolint ignore=DL3061 silences it; other problems carry none', () => {
    const before = analyze(df('ENV A=1', 'FROM alpine', "CMD ['sh']")).findings.filter((f) => f.rule === 'parse-error')
    expect(before.map((f) => [f.line, f.equivalents.hadolint])).toEqual([
      [1, 'DL3061'],
      [3, null]
    ])
    expect(analyze(df('# hadolint ignore=DL3061', 'ENV A=1', 'FROM alpine')).findings.filter((f) => f.rule === 'parse-error')).toEqual([])
    expect(analyze(df('# hadolint ignore=DL3006', 'ENV A=1', 'FROM alpine:3')).findings.map((f) => f.rule)).toContain('parse-error')
  })
})
