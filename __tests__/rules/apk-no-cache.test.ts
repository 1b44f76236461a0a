/** apk-no-cache: what it reports and what it must leave alone (docs/rules/apk-no-cache.md). */
import { apkNoCache } from '../../src/rules/apk-no-cache.js'
import { df } from '../helpers/dockerfile.js'
import { testRule } from '../helpers/rule-tester.js'

testRule(apkNoCache, {
  valid: [
    { name: '--no-cache', code: df('FROM alpine:3', 'RUN apk add --no-cache curl') },
    { name: 'in a build stage', code: df('FROM alpine:3 AS b', 'RUN apk add gcc', 'FROM alpine:3', 'COPY --from=b /x /x') }
  ],
  invalid: [{ name: 'apk add without --no-cache in the shipped stage', code: df('FROM alpine:3', 'RUN apk update && apk add curl'), errors: [{ line: 2 }] }]
})
