/** invalid-definition-description: what it reports and what it must leave alone (docs/rules/invalid-definition-description.md). */
import { invalidDefinitionDescription } from '../../src/rules/invalid-definition-description.js'
import { df } from '../helpers/dockerfile.js'
import { testRule } from '../helpers/rule-tester.js'

testRule(invalidDefinitionDescription, {
  valid: [
    { name: 'off by default', code: df('# not a description', 'ARG V=1', 'FROM alpine:$V') },
    { name: 'a proper description', code: df('# check=experimental=all', '# V is the version', 'ARG V=1', 'FROM alpine:$V') }
  ],
  invalid: [{ name: 'turned on by the check directive', code: df('# check=experimental=InvalidDefinitionDescription', '# the version', 'ARG V=1', 'FROM alpine:$V'), errors: [{ line: 2 }] }]
})
