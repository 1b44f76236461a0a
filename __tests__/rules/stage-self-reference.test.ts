/** stage-self-reference: what it reports and what it must leave alone (docs/rules/stage-self-reference.md). */
import { stageSelfReference } from '../../src/rules/stage-self-reference.js'
import { df } from '../helpers/dockerfile.js'
import { testRule } from '../helpers/rule-tester.js'

testRule(stageSelfReference, {
  valid: [{ name: 'FROM node AS node pulls the image', code: df('FROM node:20 AS node', 'RUN npm ci') }],
  invalid: [{ name: 'copy from its own stage by name', code: df('FROM alpine AS a', 'COPY --from=a /x /y'), errors: [{ line: 2 }] }]
})
