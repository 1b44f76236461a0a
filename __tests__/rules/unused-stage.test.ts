/** unused-stage: what it reports and what it must leave alone (docs/rules/unused-stage.md). */
import { unusedStage } from '../../src/rules/unused-stage.js'
import { df } from '../helpers/dockerfile.js'
import { testRule } from '../helpers/rule-tester.js'

testRule(unusedStage, {
  valid: [
    { name: 'every stage feeds the target', code: df('FROM golang:1.22 AS build', 'FROM alpine:3 AS certs', 'FROM scratch', 'COPY --from=build /a /a', 'COPY --from=certs /c /c') },
    { name: 'a stage reached only through a mount', code: df('FROM alpine:3 AS files', 'FROM alpine:3', 'RUN --mount=from=files,target=/f cp /f/x /x') }
  ],
  invalid: [
    {
      name: 'a test stage next to the runtime',
      code: df('FROM golang:1.22 AS build', 'FROM build AS test', 'RUN go test', 'FROM scratch AS runtime', 'COPY --from=build /a /a'),
      errors: [{ line: 2, severity: 'info', message: 'not used to build the target "runtime"' }]
    },
    {
      name: 'with --target, the later stages are unused',
      code: df('FROM alpine:3 AS dev', 'FROM alpine:3 AS prod'),
      target: 'dev',
      errors: [{ line: 2 }]
    }
  ]
})
