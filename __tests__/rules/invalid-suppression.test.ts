/** invalid-suppression: what it reports and what it must leave alone (docs/rules/invalid-suppression.md). */
import { invalidSuppression } from '../../src/rules/invalid-suppression.js'
import { df } from '../helpers/dockerfile.js'
import { testRule } from '../helpers/rule-tester.js'

testRule(invalidSuppression, {
  valid: [
    { name: 'an ignore that names a rule', code: df('FROM ubuntu:24.04', '# stagecraft-ignore root-user', 'USER root') },
    { name: 'an ignore of every rule', code: df('FROM ubuntu:24.04', '# stagecraft-ignore', 'USER root') },
    { name: 'a hadolint code we map', code: df('# hadolint ignore=DL3006', 'FROM ubuntu') },
    { name: 'an ordinary comment that mentions ignoring', code: df('FROM ubuntu:24.04', '# ignore the cache here', 'RUN true') }
  ],
  invalid: [
    { name: 'a rule id that does not exist', code: df('FROM ubuntu:24.04', '# stagecraft-ignore no-such-rule', 'USER app'), errors: [{ line: 2, message: '"no-such-rule" is not a Stagecraft rule' }] },
    { name: 'one bad name among good ones', code: df('FROM ubuntu:24.04', '# stagecraft-ignore root-user,rot-user', 'USER root'), errors: [{ line: 2, message: 'rot-user' }] }
  ]
})
