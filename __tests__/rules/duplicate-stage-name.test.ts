/** duplicate-stage-name: what it reports and what it must leave alone (docs/rules/duplicate-stage-name.md). */
import { duplicateStageName } from '../../src/rules/duplicate-stage-name.js'
import { df } from '../helpers/dockerfile.js'
import { testRule } from '../helpers/rule-tester.js'

testRule(duplicateStageName, {
  valid: [{ name: 'distinct names', code: df('FROM alpine AS a', 'FROM alpine AS b') }],
  invalid: [{ name: 'same name in another case', code: df('FROM alpine AS build', 'FROM alpine AS BUILD'), errors: [{ line: 2, message: 'line 1' }] }]
})
