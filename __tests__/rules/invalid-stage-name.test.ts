/** invalid-stage-name: what it reports and what it must leave alone (docs/rules/invalid-stage-name.md). */
import { invalidStageName } from '../../src/rules/invalid-stage-name.js'
import { df } from '../helpers/dockerfile.js'
import { testRule } from '../helpers/rule-tester.js'

testRule(invalidStageName, {
  valid: [{ name: 'dots, dashes and underscores', code: df('FROM alpine AS a.b-c_d') }],
  invalid: [{ name: 'a slash', code: df('FROM alpine AS arm/v7'), errors: [{ line: 1 }] }]
})
