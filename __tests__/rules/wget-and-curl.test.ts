/** wget-and-curl: what it reports and what it must leave alone (docs/rules/wget-and-curl.md). */
import { wgetAndCurl } from '../../src/rules/wget-and-curl.js'
import { df } from '../helpers/dockerfile.js'
import { testRule } from '../helpers/rule-tester.js'

testRule(wgetAndCurl, {
  valid: [
    { name: 'one tool', code: df('FROM debian:12', 'RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*', 'RUN curl -fsSLO https://example.com/a && curl -fsSLO https://example.com/b') },
    { name: 'both already in the base image', code: df('FROM buildpack-deps:bookworm', 'RUN wget -q https://example.com/a && curl -fsSLO https://example.com/b') },
    { name: 'wget installed, used and purged in one RUN', code: df('FROM debian:12', "RUN fetchDeps='wget'; apt-get update; apt-get install -y --no-install-recommends $fetchDeps; wget -O /usr/local/bin/gosu https://example.com/gosu; apt-get purge -y --auto-remove $fetchDeps", 'RUN apt-get install -y --no-install-recommends curl && curl -fsSLo /x https://example.com/x') },
    { name: 'in a build stage', code: df('FROM debian:12 AS fetch', 'RUN apt-get install -y wget curl && wget -q https://example.com/a && curl -fsSLO https://example.com/b', 'FROM scratch', 'COPY --from=fetch /a /a') },
    { name: 'the package named, not run', code: df('FROM alpine:3.20', 'RUN apk add --no-cache curl wget && curl -fsSLO https://example.com/a') }
  ],
  invalid: [
    { name: 'curl installed while wget is used', code: df('FROM debian:12', 'RUN wget -q -O /tmp/a https://example.com/a', 'RUN apt-get update && apt-get install -y curl && curl -fsSLO https://example.com/b'), errors: [{ line: 3, severity: 'info', message: 'gets the curl package here although this stage also runs wget (line 2)' }] },
    { name: 'apk add wget while curl is used', code: df('FROM alpine:3.20', 'RUN apk add --no-cache wget && wget -q https://example.com/a', 'RUN curl -fsSLO https://example.com/b'), errors: [{ line: 2, message: 'keep curl' }] },
    { name: 'installed in the parent stage', code: df('FROM alpine:3.20 AS base', 'RUN apk add --no-cache curl', 'FROM base', 'RUN curl -fsSLO https://example.com/a && wget -q https://example.com/b'), errors: [{ line: 2 }] }
  ]
})
