/** from-as-casing: what it reports and what it must leave alone (docs/rules/from-as-casing.md). */
import { fromAsCasing } from '../../src/rules/from-as-casing.js'
import { df } from '../helpers/dockerfile.js'
import { testRule } from '../helpers/rule-tester.js'

testRule(fromAsCasing, {
  valid: [
    { name: 'FROM … AS', code: df('FROM alpine:3 AS a') },
    { name: 'from … as', code: df('from alpine:3 as a') }
  ],
  invalid: [{ name: 'FROM … as', code: df('FROM alpine:3 as a'), errors: [{ line: 1 }] }]
})
