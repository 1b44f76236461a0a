/** multiple-healthcheck: what it reports and what it must leave alone (docs/rules/multiple-healthcheck.md). */
import { multipleHealthcheck } from '../../src/rules/multiple-healthcheck.js'
import { df } from '../helpers/dockerfile.js'
import { testRule } from '../helpers/rule-tester.js'

testRule(multipleHealthcheck, {
  valid: [{ name: 'one HEALTHCHECK', code: df('FROM alpine:3', 'HEALTHCHECK CMD ["true"]') }],
  invalid: [{ name: 'two HEALTHCHECKs', code: df('FROM alpine:3', 'HEALTHCHECK CMD ["a"]', 'HEALTHCHECK NONE'), errors: [{ line: 2 }] }]
})
