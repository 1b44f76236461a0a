/** invalid-default-arg-in-from: what it reports and what it must leave alone (docs/rules/invalid-default-arg-in-from.md). */
import { invalidDefaultArgInFrom } from '../../src/rules/invalid-default-arg-in-from.js'
import { df } from '../helpers/dockerfile.js'
import { testRule } from '../helpers/rule-tester.js'

testRule(invalidDefaultArgInFrom, {
  valid: [
    { name: 'an ARG with a default', code: df('ARG IMG=alpine:3', 'FROM $IMG') },
    { name: 'an ARG given as a build arg', code: df('ARG IMG', 'FROM $IMG'), buildArgs: { IMG: 'alpine:3' } }
  ],
  invalid: [{ name: 'an ARG with no default', code: df('ARG IMG', 'FROM ${IMG}'), errors: [{ line: 2, message: 'give ARG IMG a default' }] }]
})
