/** expose-invalid-format: what it reports and what it must leave alone (docs/rules/expose-invalid-format.md). */
import { exposeInvalidFormat } from '../../src/rules/expose-invalid-format.js'
import { df } from '../helpers/dockerfile.js'
import { testRule } from '../helpers/rule-tester.js'

testRule(exposeInvalidFormat, {
  valid: [{ name: 'ports and ranges', code: df('FROM nginx:1', 'EXPOSE 80 8000-8010/udp') }],
  invalid: [{ name: 'a mapping and an address', code: df('FROM nginx:1', 'EXPOSE 8080:80 127.0.0.1:443:443'), errors: [{ line: 2, message: '(443)' }, { line: 2, message: '(80)' }] }]
})
