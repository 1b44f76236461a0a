/** redundant-target-platform: what it reports and what it must leave alone (docs/rules/redundant-target-platform.md). */
import { redundantTargetPlatform } from '../../src/rules/redundant-target-platform.js'
import { df } from '../helpers/dockerfile.js'
import { testRule } from '../helpers/rule-tester.js'

testRule(redundantTargetPlatform, {
  valid: [{ name: 'BUILDPLATFORM', code: df('FROM --platform=$BUILDPLATFORM alpine:3') }],
  invalid: [{ name: 'TARGETPLATFORM', code: df('FROM --platform=${TARGETPLATFORM} alpine:3'), errors: [{ line: 1 }] }]
})
