/** apt-upgrade: what it reports and what it must leave alone (docs/rules/apt-upgrade.md). */
import { aptUpgrade } from '../../src/rules/apt-upgrade.js'
import { df } from '../helpers/dockerfile.js'
import { testRule } from '../helpers/rule-tester.js'

testRule(aptUpgrade, {
  valid: [{ name: 'install only', code: df('FROM debian:12', 'RUN apt-get install -y curl') }],
  invalid: [{ name: 'dist-upgrade', code: df('FROM debian:12', 'RUN apt-get update && apt-get dist-upgrade -y'), errors: [{ line: 2, severity: 'info' }] }]
})
