/** no-empty-continuation: what it reports and what it must leave alone (docs/rules/no-empty-continuation.md). */
import { noEmptyContinuation } from '../../src/rules/no-empty-continuation.js'
import { df } from '../helpers/dockerfile.js'
import { testRule } from '../helpers/rule-tester.js'

testRule(noEmptyContinuation, {
  valid: [{ name: 'a comment line inside a continuation', code: df('FROM alpine:3', 'RUN a && \\', '  # note', '  b') }],
  invalid: [{ name: 'an empty line inside a continuation, reported at the last line', code: df('FROM alpine:3', 'RUN a && \\', '', '  b'), errors: [{ line: 4, message: 'line 3 is empty' }] }]
})
