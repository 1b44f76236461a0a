/** cross-compile-platform: what it reports and what it must leave alone (docs/rules/cross-compile-platform.md). */
import { crossCompilePlatform } from '../../src/rules/cross-compile-platform.js'
import { df } from '../helpers/dockerfile.js'
import { testRule } from '../helpers/rule-tester.js'

testRule(crossCompilePlatform, {
  valid: [
    { name: 'already on BUILDPLATFORM', code: df('FROM --platform=$BUILDPLATFORM golang:1.22 AS b', 'ARG TARGETARCH', 'RUN GOARCH=$TARGETARCH go build', 'FROM scratch', 'COPY --from=b /a /a') },
    { name: 'a single-platform file', code: df('FROM golang:1.22 AS b', 'RUN go build', 'FROM scratch', 'COPY --from=b /a /a') }
  ],
  invalid: [
    { name: 'a multi-platform file compiling under emulation', code: df('FROM golang:1.22 AS b', 'ARG TARGETARCH', 'RUN GOARCH=${TARGETARCH} go build', 'FROM scratch', 'COPY --from=b /a /a'), errors: [{ line: 1, severity: 'info' }] }
  ]
})
