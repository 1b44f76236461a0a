/** invalid-suppression: what it reports and what it must leave alone (docs/rules/invalid-suppression.md). */
import { invalidSuppression } from '../../src/rules/invalid-suppression.js'
import { df } from '../helpers/dockerfile.js'
import { testRule } from '../helpers/rule-tester.js'

testRule(invalidSuppression, {
  valid: [
    { name: 'an ignore that names a rule', code: df('FROM ubuntu:24.04', '# stagecraft-ignore root-user', 'USER root') },
    { name: 'an ignore of every rule', code: df('FROM ubuntu:24.04', '# stagecraft-ignore', 'USER root') },
    { name: 'a hadolint code we map', code: df('# hadolint ignore=DL3006', 'FROM ubuntu') },
    { name: 'an ordinary comment that mentions ignoring', code: df('FROM ubuntu:24.04', '# ignore the cache here', 'RUN true') },
    { name: 'hadolint codes with spaces around the commas and a reason after #', code: df('# hadolint ignore=DL3006 , DL3008,SC2086 # base pinned by the build', 'FROM ubuntu') },
    { name: 'a hadolint code we do not implement (DL3059) and a deleted one (DL3005)', code: df('FROM ubuntu:24.04', '# hadolint ignore=DL3059,DL3005', 'RUN true') },
    { name: 'a stage ignore directly above its FROM', code: df('# hadolint stage ignore=DL3006', 'FROM ubuntu AS build', 'FROM alpine:3') }
  ],
  invalid: [
    { name: 'a rule id that does not exist', code: df('FROM ubuntu:24.04', '# stagecraft-ignore no-such-rule', 'USER app'), errors: [{ line: 2, message: '"no-such-rule" is not a Stagecraft rule' }] },
    { name: 'one bad name among good ones', code: df('FROM ubuntu:24.04', '# stagecraft-ignore root-user,rot-user', 'USER root'), errors: [{ line: 2, message: 'rot-user' }] },
    { name: 'a hadolint code with a letter O for a zero', code: df('FROM ubuntu:24.04', '# hadolint ignore=DL3O08', 'RUN true'), errors: [{ line: 2, message: '"DL3O08" is no hadolint rule code' }] },
    { name: 'a hadolint code out of any range', code: df('# hadolint global ignore=DL3006, DL9999', 'FROM ubuntu'), errors: [{ line: 1, message: 'DL9999' }] },
    { name: 'a stage ignore above a RUN', code: df('FROM ubuntu:24.04', '# hadolint stage ignore=DL3008', 'RUN true'), errors: [{ line: 2, message: 'is not directly above a FROM' }] }
  ]
})
