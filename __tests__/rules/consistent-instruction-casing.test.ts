/** consistent-instruction-casing: what it reports and what it must leave alone (docs/rules/consistent-instruction-casing.md). */
import { consistentInstructionCasing } from '../../src/rules/consistent-instruction-casing.js'
import { df } from '../helpers/dockerfile.js'
import { testRule } from '../helpers/rule-tester.js'

testRule(consistentInstructionCasing, {
  valid: [{ name: 'all upper case', code: df('FROM alpine:3', 'RUN x') }],
  invalid: [{ name: 'one lower-case keyword among upper-case ones', code: df('FROM alpine:3', 'run x', 'CMD ["x"]'), errors: [{ line: 2 }] }]
})
