/** copy-from-variable: what it reports and what it must leave alone (docs/rules/copy-from-variable.md). */
import { copyFromVariable } from '../../src/rules/copy-from-variable.js'
import { df } from '../helpers/dockerfile.js'
import { testRule } from '../helpers/rule-tester.js'

testRule(copyFromVariable, {
  valid: [{ name: 'an image named through a global ARG stage', code: df('ARG IMG=alpine:3', 'FROM $IMG AS img', 'FROM scratch', 'COPY --from=img /x /x') }],
  invalid: [{ name: 'COPY --from=$VAR', code: df('ARG IMG=alpine:3', 'FROM scratch', 'COPY --from=$IMG /x /x'), errors: [{ line: 3 }] }]
})
