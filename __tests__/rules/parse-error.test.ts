/** parse-error: what it reports and what it must leave alone (docs/rules/parse-error.md). */
import { parseError } from '../../src/rules/parse-error.js'
import { df } from '../helpers/dockerfile.js'
import { testRule } from '../helpers/rule-tester.js'

testRule(parseError, {
  valid: [
    { name: 'a clean multi-stage file', code: df('FROM golang:1.22 AS b', 'RUN go build', 'FROM scratch', 'COPY --from=b /a /a') },
    { name: 'a shell test that starts with [', code: df('FROM alpine', 'RUN [ -f /x ] || touch /x') }
  ],
  invalid: [{ name: 'exec form with single quotes', code: df('FROM alpine', "CMD ['sh']"), errors: [{ line: 2, severity: 'error' }] }]
})
