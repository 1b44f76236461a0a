/** maintainer-deprecated: what it reports and what it must leave alone (docs/rules/maintainer-deprecated.md). */
import { maintainerDeprecated } from '../../src/rules/maintainer-deprecated.js'
import { df } from '../helpers/dockerfile.js'
import { testRule } from '../helpers/rule-tester.js'

testRule(maintainerDeprecated, {
  valid: [{ name: 'a label', code: df('FROM alpine:3', 'LABEL org.opencontainers.image.authors="a@b.c"') }],
  invalid: [
    { name: 'MAINTAINER', code: df('FROM alpine:3', 'MAINTAINER someone'), errors: [{ line: 2 }] },
    { name: 'MAINTAINER before the first FROM (a parse error too, DL3061)', code: df('MAINTAINER someone', 'FROM alpine:3'), errors: [{ line: 1 }] }
  ]
})
