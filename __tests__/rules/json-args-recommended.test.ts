/** json-args-recommended: what it reports and what it must leave alone (docs/rules/json-args-recommended.md). */
import { jsonArgsRecommended } from '../../src/rules/json-args-recommended.js'
import { df } from '../helpers/dockerfile.js'
import { testRule } from '../helpers/rule-tester.js'

testRule(jsonArgsRecommended, {
  valid: [
    { name: 'exec form', code: df('FROM alpine:3', 'CMD ["sh", "-c", "echo"]') },
    { name: 'shell form in a build stage (dead anyway)', code: df('FROM alpine:3 AS b', 'CMD echo', 'FROM alpine:3', 'COPY --from=b /x /x') },
    { name: 'a SHELL inherited from the parent stage', code: df('FROM alpine:3 AS base', 'SHELL ["/bin/ash", "-c"]', 'FROM base', 'CMD echo hi') }
  ],
  invalid: [{ name: 'shell form in the shipped image', code: df('FROM node:20-slim', 'CMD npm start'), errors: [{ line: 2, message: 'CMD ["npm", …]' }] }]
})
