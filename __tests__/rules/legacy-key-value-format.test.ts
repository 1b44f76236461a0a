/** legacy-key-value-format: what it reports and what it must leave alone (docs/rules/legacy-key-value-format.md). */
import { legacyKeyValueFormat } from '../../src/rules/legacy-key-value-format.js'
import { df } from '../helpers/dockerfile.js'
import { testRule } from '../helpers/rule-tester.js'

testRule(legacyKeyValueFormat, {
  valid: [{ name: 'key=value', code: df('FROM alpine:3', 'ENV A=1 B="two words"', 'LABEL x=y') }],
  invalid: [{ name: 'ENV and LABEL with spaces', code: df('FROM alpine:3', 'ENV A 1', 'LABEL maintainer "me"'), errors: [{ line: 2, severity: 'info' }, { line: 3 }] }]
})
