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
      errors: [{ line: 2, message: 'stage "prod" is not used to build the target "dev": docker build skips it unless it is the --target' }]
    },
    {
      // docker-credential-helpers: bake builds six targets; the last stage is the plain docker build's default.
      name: 'several built targets: the message names them, and the last stage says what it is',
      code: df('FROM alpine:3 AS base', 'FROM base AS lint', 'RUN true', 'FROM base AS test', 'RUN true', 'FROM base AS spare', 'FROM scratch AS binaries', 'FROM binaries'),
      targets: [{ name: 'lint', builtBy: 'docker-bake.hcl:28' }, { name: 'test', builtBy: 'docker-bake.hcl:46' }, { name: 'binaries', builtBy: 'docker-bake.hcl:52' }],
      errors: [
        { line: 6, message: 'stage "spare" is not used to build any of the 3 targets that are built ("lint", "test", "binaries")' },
        { line: 8, message: 'stage 5 is the last one, which a plain docker build builds, but the build definitions do not build it (they build "lint", "test", "binaries")' }
      ]
    }
  ]
})
