import { consistentInstructionCasing } from '../../src/rules/consistent-instruction-casing.js'
import { fromAsCasing } from '../../src/rules/from-as-casing.js'
import { stageNameCasing } from '../../src/rules/stage-name-casing.js'
import { maintainerDeprecated } from '../../src/rules/maintainer-deprecated.js'
import { df } from '../helpers/dockerfile.js'
import { testRule } from '../helpers/rule-tester.js'

testRule(stageNameCasing, {
  valid: [{ name: 'lower-case names', code: df('FROM alpine:3 AS build-env') }],
  invalid: [{ name: 'an upper-case name', code: df('FROM alpine:3 AS BuildEnv'), errors: [{ line: 1, message: '"buildenv"' }] }]
})

testRule(fromAsCasing, {
  valid: [
    { name: 'FROM … AS', code: df('FROM alpine:3 AS a') },
    { name: 'from … as', code: df('from alpine:3 as a') }
  ],
  invalid: [{ name: 'FROM … as', code: df('FROM alpine:3 as a'), errors: [{ line: 1 }] }]
})

testRule(consistentInstructionCasing, {
  valid: [{ name: 'all upper case', code: df('FROM alpine:3', 'RUN x') }],
  invalid: [{ name: 'one lower-case keyword among upper-case ones', code: df('FROM alpine:3', 'run x', 'CMD ["x"]'), errors: [{ line: 2 }] }]
})

testRule(maintainerDeprecated, {
  valid: [{ name: 'a label', code: df('FROM alpine:3', 'LABEL org.opencontainers.image.authors="a@b.c"') }],
  invalid: [{ name: 'MAINTAINER', code: df('FROM alpine:3', 'MAINTAINER someone'), errors: [{ line: 2 }] }]
})
