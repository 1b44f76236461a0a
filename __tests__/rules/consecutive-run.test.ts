/** consecutive-run: what it reports and what it must leave alone (docs/rules/consecutive-run.md). */
import { consecutiveRun } from '../../src/rules/consecutive-run.js'
import { df } from '../helpers/dockerfile.js'
import { testRule } from '../helpers/rule-tester.js'

testRule(consecutiveRun, {
  valid: [
    { name: 'one RUN', code: df('FROM debian:12', 'RUN apt-get install -y a b') },
    { name: 'different managers, or something in between', code: df('FROM debian:12', 'RUN apt-get install -y a', 'COPY x /x', 'RUN apt-get install -y b', 'RUN pip install c') },
    { name: 'in a build stage', code: df('FROM debian:12 AS b', 'RUN apt-get install -y a', 'RUN apt-get install -y b', 'FROM scratch', 'COPY --from=b /x /x') },
    // The official images' split: run-time packages, then build dependencies installed, used and removed.
    { name: 'then a RUN that removes its build dependencies again', code: df('FROM ruby:3-alpine', 'RUN apk add --no-cache ca-certificates git', 'RUN apk add --no-cache --virtual .build-deps build-base && gem install travis && apk del .build-deps') },
    { name: 'then apt-get purge --auto-remove $buildDeps', code: df('FROM debian:12-slim', 'RUN apt-get update && apt-get install -y libcurl4 && rm -rf /var/lib/apt/lists/*', "RUN buildDeps='curl gnupg' && apt-get update && apt-get install -y $buildDeps && curl -o /x https://example.com/x && apt-get purge -y --auto-remove $buildDeps && rm -rf /var/lib/apt/lists/*") }
  ],
  invalid: [
    { name: 'two apt installs in a row', code: df('FROM debian:12', 'RUN apt-get update && apt-get install -y a', 'RUN apt-get install -y b'), errors: [{ line: 3, message: 'line 2: each RUN is a layer with its own package index' }] },
    { name: 'both clean up: only the layer and the update are repeated', code: df('FROM debian:12', 'RUN apt-get update && apt-get install -y a && rm -rf /var/lib/apt/lists/*', 'RUN apt-get update && apt-get install -y b && apt-get dist-clean'), errors: [{ line: 3, message: 'each RUN is another layer and another apt-get update' }] },
    { name: 'apk --no-cache twice', code: df('FROM alpine:3', 'RUN apk add --no-cache a', 'RUN apk add --no-cache b'), errors: [{ line: 3, message: 'each RUN is another layer;' }] }
  ]
})
