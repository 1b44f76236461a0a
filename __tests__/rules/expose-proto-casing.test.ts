/** expose-proto-casing: what it reports and what it must leave alone (docs/rules/expose-proto-casing.md). */
import { exposeProtoCasing } from '../../src/rules/expose-proto-casing.js'
import { df } from '../helpers/dockerfile.js'
import { testRule } from '../helpers/rule-tester.js'

testRule(exposeProtoCasing, {
  valid: [{ name: 'lower case', code: df('FROM nginx:1', 'EXPOSE 80/tcp 53/udp 8080') }],
  invalid: [{ name: 'upper case', code: df('FROM nginx:1', 'EXPOSE 80/TCP'), errors: [{ line: 2 }] }]
})
