/** expose-port-range: what it reports and what it must leave alone (docs/rules/expose-port-range.md). */
import { exposePortRange } from '../../src/rules/expose-port-range.js'
import { df } from '../helpers/dockerfile.js'
import { testRule } from '../helpers/rule-tester.js'

testRule(exposePortRange, {
  valid: [
    { name: 'ports, protocols and ranges in range', code: df('FROM nginx:1.27', 'EXPOSE 0 80 443/tcp 65535/udp 8000-8010') },
    { name: 'a variable', code: df('FROM nginx:1.27', 'ARG PORT=99999', 'EXPOSE $PORT ${OTHER}') },
    { name: 'a host mapping is expose-invalid-format\'s case', code: df('FROM nginx:1.27', 'EXPOSE 127.0.0.1:80:80') }
  ],
  invalid: [
    { name: 'a port above 65535', code: df('FROM nginx:1.27', 'EXPOSE 80 65536'), errors: [{ line: 2, message: 'EXPOSE 65536' }] },
    { name: 'with a protocol, and a range that ends above', code: df('FROM nginx:1.27', 'EXPOSE 80800/tcp', 'EXPOSE 60000-70000'), errors: [{ line: 2 }, { line: 3, message: '60000-70000' }] },
    { name: 'in a build stage too', code: df('FROM nginx:1.27 AS a', 'EXPOSE 100000', 'FROM alpine:3.20'), errors: [{ line: 2 }] }
  ]
})
