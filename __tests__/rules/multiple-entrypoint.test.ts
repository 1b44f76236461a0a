/** multiple-entrypoint: what it reports and what it must leave alone (docs/rules/multiple-entrypoint.md). */
import { multipleEntrypoint } from '../../src/rules/multiple-entrypoint.js'
import { df } from '../helpers/dockerfile.js'
import { testRule } from '../helpers/rule-tester.js'

testRule(multipleEntrypoint, {
  valid: [{ name: 'one ENTRYPOINT', code: df('FROM alpine:3', 'ENTRYPOINT ["a"]') }],
  invalid: [{ name: 'two ENTRYPOINTs', code: df('FROM alpine:3', 'ENTRYPOINT ["a"]', 'ENTRYPOINT ["b"]'), errors: [{ line: 2 }] }]
})
