/** copy-destination-slash: what it reports and what it must leave alone (docs/rules/copy-destination-slash.md). */
import { copyDestinationSlash } from '../../src/rules/copy-destination-slash.js'
import { df } from '../helpers/dockerfile.js'
import { testRule } from '../helpers/rule-tester.js'

testRule(copyDestinationSlash, {
  valid: [{ name: 'trailing slash, or one source', code: df('FROM alpine:3', 'COPY a b /dst/', 'COPY a /dst') }],
  invalid: [{ name: 'two sources, no slash', code: df('FROM alpine:3', 'COPY a b /dst'), errors: [{ line: 2, severity: 'error' }] }]
})
