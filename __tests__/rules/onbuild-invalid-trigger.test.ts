/** onbuild-invalid-trigger: what it reports and what it must leave alone (docs/rules/onbuild-invalid-trigger.md). */
import { onbuildInvalidTrigger } from '../../src/rules/onbuild-invalid-trigger.js'
import { df } from '../helpers/dockerfile.js'
import { testRule } from '../helpers/rule-tester.js'

testRule(onbuildInvalidTrigger, {
  valid: [
    { name: 'ordinary triggers', code: df('FROM node:20', 'ONBUILD COPY package.json /app/', 'ONBUILD RUN npm ci', 'ONBUILD ENV NODE_ENV=production') },
    { name: 'the words in a trigger\'s arguments', code: df('FROM alpine:3.20', 'ONBUILD RUN echo ONBUILD FROM MAINTAINER') },
    { name: 'no ONBUILD', code: df('FROM alpine:3.20', 'LABEL maintainer=me') }
  ],
  invalid: [
    { name: 'ONBUILD ONBUILD', code: df('FROM node:20', 'ONBUILD ONBUILD RUN npm ci'), errors: [{ line: 2, message: 'ONBUILD cannot be chained' }] },
    { name: 'ONBUILD FROM and ONBUILD MAINTAINER, any case', code: df('FROM node:20', 'ONBUILD from alpine', 'onbuild MAINTAINER me'), errors: [{ line: 2, message: 'ONBUILD FROM' }, { line: 3, message: 'ONBUILD MAINTAINER' }] },
    { name: 'in any stage', code: df('FROM alpine:3.20 AS base', 'ONBUILD ONBUILD RUN true', 'FROM base'), errors: [{ line: 2 }] }
  ]
})
