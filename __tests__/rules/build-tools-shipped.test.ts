/** build-tools-shipped: what it reports and what it must leave alone (docs/rules/build-tools-shipped.md). */
import { buildToolsShipped } from '../../src/rules/build-tools-shipped.js'
import { df } from '../helpers/dockerfile.js'
import { testRule } from '../helpers/rule-tester.js'

const BUILD_THEN_SHIP = (buildRun: string): string => df('FROM debian:bookworm AS build', buildRun, 'FROM debian:bookworm-slim', 'COPY --from=build /out /out')

testRule(buildToolsShipped, {
  valid: [
    { name: 'compilers in the build stage only', code: BUILD_THEN_SHIP('RUN apt-get install -y build-essential libssl-dev') },
    { name: 'a virtual group removed in the same RUN', code: df('FROM alpine:3', 'RUN apk add --no-cache --virtual .build-deps gcc musl-dev && make && apk del .build-deps') },
    { name: 'the apt-mark auto + purge --auto-remove pattern', code: df('FROM debian:12-slim', 'RUN apt-get install -y gcc && apt-mark auto ".*" && apt-get purge -y --auto-remove') },
    { name: 'an image built on buildpack-deps on purpose', code: df('FROM buildpack-deps:bookworm', 'RUN apt-get install -y libssl-dev') }
  ],
  invalid: [
    { name: 'gcc and a -dev package in a single stage', code: df('FROM python:3.12-slim', 'RUN apt-get install -y gcc libpq-dev'), errors: [{ line: 2, message: 'split the file' }] },
    { name: 'git in the runtime stage of a multi-stage file', code: df('FROM golang:1.22 AS b', 'FROM alpine:3', 'RUN apk add --no-cache git', 'COPY --from=b /a /a'), errors: [{ line: 3, message: 'install them in a build stage' }] }
  ]
})
