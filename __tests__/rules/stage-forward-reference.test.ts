/** stage-forward-reference: what it reports and what it must leave alone (docs/rules/stage-forward-reference.md). */
import { stageForwardReference } from '../../src/rules/stage-forward-reference.js'
import { df } from '../helpers/dockerfile.js'
import { testRule } from '../helpers/rule-tester.js'

testRule(stageForwardReference, {
  valid: [{ name: 'copy from an earlier stage', code: df('FROM alpine AS a', 'FROM alpine', 'COPY --from=a /x /x') }],
  invalid: [
    { name: 'copy from a later stage', code: df('FROM alpine', 'COPY --from=b /x /x', 'FROM alpine AS b'), errors: [{ line: 2, message: 'defined later (line 3)' }] },
    { name: 'mount from a later stage', code: df('FROM alpine', 'RUN --mount=from=b,target=/b true', 'FROM alpine AS b'), errors: [{ line: 2 }] }
  ]
})
