/** multiple-cmd: what it reports and what it must leave alone (docs/rules/multiple-cmd.md). */
import { multipleCmd } from '../../src/rules/multiple-cmd.js'
import { df } from '../helpers/dockerfile.js'
import { testRule } from '../helpers/rule-tester.js'

testRule(multipleCmd, {
  valid: [{ name: 'one CMD per stage, and a child overriding its parent', code: df('FROM alpine:3 AS base', 'CMD ["a"]', 'FROM base', 'CMD ["b"]') }],
  invalid: [{ name: 'two CMDs in one stage: the first is reported', code: df('FROM alpine:3', 'CMD ["a"]', 'RUN x', 'CMD ["b"]'), errors: [{ line: 2, message: 'line 4' }] }]
})
