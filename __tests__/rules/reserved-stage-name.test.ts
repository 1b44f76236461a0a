/** reserved-stage-name: what it reports and what it must leave alone (docs/rules/reserved-stage-name.md). */
import { reservedStageName } from '../../src/rules/reserved-stage-name.js'
import { df } from '../helpers/dockerfile.js'
import { testRule } from '../helpers/rule-tester.js'

testRule(reservedStageName, {
  valid: [{ name: 'ordinary names', code: df('FROM alpine:3 AS contexts') }],
  invalid: [{ name: 'scratch and context', code: df('FROM alpine:3 AS scratch', 'FROM alpine:3 AS Context'), errors: [{ line: 1 }, { line: 2 }] }]
})
