/** undefined-arg-in-from: what it reports and what it must leave alone (docs/rules/undefined-arg-in-from.md). */
import { undefinedArgInFrom } from '../../src/rules/undefined-arg-in-from.js'
import { df } from '../helpers/dockerfile.js'
import { testRule } from '../helpers/rule-tester.js'

testRule(undefinedArgInFrom, {
  valid: [
    { name: 'a global ARG', code: df('ARG V=3', 'FROM alpine:$V') },
    { name: 'platform ARGs', code: df('FROM --platform=$BUILDPLATFORM alpine:3') }
  ],
  invalid: [
    { name: 'an ARG declared only inside a stage', code: df('FROM alpine:3 AS a', 'ARG V=3', 'FROM alpine:$V'), errors: [{ line: 3, message: 'an ARG inside a stage is not visible to FROM' }] },
    { name: 'a typo', code: df('ARG VERSION=3', 'FROM alpine:$VERSON'), errors: [{ line: 2, message: '$VERSON' }] }
  ]
})
