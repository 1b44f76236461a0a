/** stage-index-out-of-range: what it reports and what it must leave alone (docs/rules/stage-index-out-of-range.md). */
import { stageIndexOutOfRange } from '../../src/rules/stage-index-out-of-range.js'
import { df } from '../helpers/dockerfile.js'
import { testRule } from '../helpers/rule-tester.js'

testRule(stageIndexOutOfRange, {
  valid: [{ name: 'an index of an earlier stage', code: df('FROM alpine', 'FROM alpine', 'COPY --from=0 /x /x') }],
  invalid: [{ name: 'an index past the last stage', code: df('FROM alpine', 'FROM alpine', 'COPY --from=5 /x /x'), errors: [{ line: 3, message: 'no stage 5' }] }]
})
