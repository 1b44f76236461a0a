/** copy-from-index: what it reports and what it must leave alone (docs/rules/copy-from-index.md). */
import { copyFromIndex } from '../../src/rules/copy-from-index.js'
import { df } from '../helpers/dockerfile.js'
import { testRule } from '../helpers/rule-tester.js'

testRule(copyFromIndex, {
  valid: [{ name: 'names', code: df('FROM alpine:3 AS a', 'FROM alpine:3', 'COPY --from=a /x /x') }],
  invalid: [
    { name: 'an index of a named stage', code: df('FROM alpine:3 AS a', 'FROM alpine:3', 'COPY --from=0 /x /x'), errors: [{ line: 3, message: 'use --from=a' }] },
    { name: 'an index of an unnamed stage', code: df('FROM alpine:3', 'FROM alpine:3', 'RUN --mount=from=0,target=/m true'), errors: [{ line: 3, message: 'name stage 0' }] }
  ]
})
