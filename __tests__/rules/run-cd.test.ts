/** run-cd: what it reports and what it must leave alone (docs/rules/run-cd.md). */
import { runCd } from '../../src/rules/run-cd.js'
import { df } from '../helpers/dockerfile.js'
import { testRule } from '../helpers/rule-tester.js'

testRule(runCd, {
  valid: [{ name: 'WORKDIR', code: df('FROM alpine:3', 'WORKDIR /src', 'RUN make') }],
  invalid: [{ name: 'cd && make', code: df('FROM alpine:3', 'RUN cd /src && make'), errors: [{ line: 2, severity: 'info' }] }]
})
