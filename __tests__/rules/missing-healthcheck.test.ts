/** missing-healthcheck: what it reports and what it must leave alone (docs/rules/missing-healthcheck.md). */
import { missingHealthcheck } from '../../src/rules/missing-healthcheck.js'
import { df } from '../helpers/dockerfile.js'
import { testRule } from '../helpers/rule-tester.js'

testRule(missingHealthcheck, {
  valid: [
    { name: 'not a service', code: df('FROM alpine:3', 'ENTRYPOINT ["jq"]') },
    { name: 'a healthcheck in the parent stage', code: df('FROM nginx:1 AS base', 'HEALTHCHECK CMD ["true"]', 'FROM base', 'EXPOSE 80') },
    { name: 'a build stage that exposes (only the shipped image counts)', code: df('FROM node:20 AS b', 'EXPOSE 3000', 'FROM nginx:1', 'COPY --from=b /d /d', 'HEALTHCHECK CMD ["true"]') }
  ],
  invalid: [{ name: 'a service without HEALTHCHECK', code: df('FROM nginx:1', 'EXPOSE 80'), errors: [{ line: 1, severity: 'info' }] }]
})
