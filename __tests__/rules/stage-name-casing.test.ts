/** stage-name-casing: what it reports and what it must leave alone (docs/rules/stage-name-casing.md). */
import { stageNameCasing } from '../../src/rules/stage-name-casing.js'
import { df } from '../helpers/dockerfile.js'
import { testRule } from '../helpers/rule-tester.js'

testRule(stageNameCasing, {
  valid: [{ name: 'lower-case names', code: df('FROM alpine:3 AS build-env') }],
  invalid: [{ name: 'an upper-case name', code: df('FROM alpine:3 AS BuildEnv'), errors: [{ line: 1, message: '"buildenv"' }] }]
})
