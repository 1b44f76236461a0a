/** zypper-dist-upgrade: what it reports and what it must leave alone (docs/rules/zypper-dist-upgrade.md). */
import { zypperDistUpgrade } from '../../src/rules/zypper-dist-upgrade.js'
import { df } from '../helpers/dockerfile.js'
import { testRule } from '../helpers/rule-tester.js'

testRule(zypperDistUpgrade, {
  valid: [
    { name: 'update and patch', code: df('FROM opensuse/leap:15.6', 'RUN zypper -n update && zypper -n patch') },
    { name: 'the word in an argument', code: df('FROM opensuse/leap:15.6', 'RUN echo "zypper dup" > /notes') },
    { name: 'apt-get dist-upgrade is apt-upgrade\'s case', code: df('FROM debian:12', 'RUN apt-get dist-upgrade -y') }
  ],
  invalid: [
    { name: 'zypper dist-upgrade', code: df('FROM opensuse/tumbleweed', 'RUN zypper -n dist-upgrade'), errors: [{ line: 2, message: 'zypper dist-upgrade replaces' }] },
    { name: 'zypper dup after refresh', code: df('FROM opensuse/tumbleweed', 'RUN zypper --non-interactive refresh && zypper --non-interactive dup'), errors: [{ line: 2 }] },
    { name: 'in a build stage', code: df('FROM opensuse/tumbleweed AS b', 'RUN zypper -n dup', 'FROM scratch', 'COPY --from=b /x /x'), errors: [{ line: 2 }] }
  ]
})
