/** unknown-target: what it reports and what it must leave alone (docs/rules/unknown-target.md). */
import { unknownTarget } from '../../src/rules/unknown-target.js'
import { df } from '../helpers/dockerfile.js'
import { testRule } from '../helpers/rule-tester.js'

testRule(unknownTarget, {
  valid: [{ name: 'an existing target', code: df('FROM alpine AS prod'), target: 'prod' }],
  invalid: [{ name: 'a missing target', code: df('FROM alpine AS production'), target: 'prod', errors: [{ line: 1, message: 'stages: production' }] }]
})
