import { copyFromIndex } from '../../src/rules/copy-from-index.js'
import { deadInstruction } from '../../src/rules/dead-instruction.js'
import { multipleCmd } from '../../src/rules/multiple-cmd.js'
import { multipleEntrypoint } from '../../src/rules/multiple-entrypoint.js'
import { multipleHealthcheck } from '../../src/rules/multiple-healthcheck.js'
import { singleStageBuild } from '../../src/rules/single-stage-build.js'
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

testRule(copyFromIndex, {
  valid: [{ name: 'names', code: df('FROM alpine:3 AS a', 'FROM alpine:3', 'COPY --from=a /x /x') }],
  invalid: [
    { name: 'an index of a named stage', code: df('FROM alpine:3 AS a', 'FROM alpine:3', 'COPY --from=0 /x /x'), errors: [{ line: 3, message: 'use --from=a' }] },
    { name: 'an index of an unnamed stage', code: df('FROM alpine:3', 'FROM alpine:3', 'RUN --mount=from=0,target=/m true'), errors: [{ line: 3, message: 'name stage 0' }] }
  ]
})

testRule(multipleCmd, {
  valid: [{ name: 'one CMD per stage, and a child overriding its parent', code: df('FROM alpine:3 AS base', 'CMD ["a"]', 'FROM base', 'CMD ["b"]') }],
  invalid: [{ name: 'two CMDs in one stage: the first is reported', code: df('FROM alpine:3', 'CMD ["a"]', 'RUN x', 'CMD ["b"]'), errors: [{ line: 2, message: 'line 4' }] }]
})

testRule(multipleEntrypoint, {
  valid: [{ name: 'one ENTRYPOINT', code: df('FROM alpine:3', 'ENTRYPOINT ["a"]') }],
  invalid: [{ name: 'two ENTRYPOINTs', code: df('FROM alpine:3', 'ENTRYPOINT ["a"]', 'ENTRYPOINT ["b"]'), errors: [{ line: 2 }] }]
})

testRule(multipleHealthcheck, {
  valid: [{ name: 'one HEALTHCHECK', code: df('FROM alpine:3', 'HEALTHCHECK CMD ["true"]') }],
  invalid: [{ name: 'two HEALTHCHECKs', code: df('FROM alpine:3', 'HEALTHCHECK CMD ["a"]', 'HEALTHCHECK NONE'), errors: [{ line: 2 }] }]
})

testRule(deadInstruction, {
  valid: [
    { name: 'metadata in the shipped stage', code: df('FROM golang:1.22 AS build', 'FROM scratch', 'COPY --from=build /a /a', 'EXPOSE 8080', 'CMD ["/a"]') },
    { name: 'metadata in a parent of the shipped stage (inherited)', code: df('FROM alpine:3 AS base', 'EXPOSE 80', 'FROM base') },
    { name: 'metadata in an unused stage (unused-stage says it)', code: df('FROM alpine:3 AS dev', 'CMD ["sh"]', 'FROM alpine:3') }
  ],
  invalid: [
    {
      name: 'CMD and EXPOSE in a build stage',
      code: df('FROM node:20 AS build', 'EXPOSE 3000', 'CMD ["npm", "start"]', 'FROM nginx:1.27', 'COPY --from=build /app/dist /usr/share/nginx/html'),
      errors: [
        { line: 2, severity: 'info' },
        { line: 3, message: 'build stage build' }
      ]
    }
  ]
})

testRule(singleStageBuild, {
  valid: [
    { name: 'the build in a build stage', code: df('FROM node:20 AS b', 'RUN npm ci && npm run build', 'FROM node:20-slim', 'COPY --from=b /app/dist /app/dist') },
    { name: 'built from source with the toolchain removed in the same RUN', code: df('FROM alpine:3', 'RUN apk add --virtual .deps gcc make && make && make install && apk del .deps') },
    { name: 'a toolchain base (heavy-final-base covers it)', code: df('FROM golang:1.22', 'RUN go build -o /app') },
    { name: 'no build at all', code: df('FROM nginx:1', 'COPY site /usr/share/nginx/html') }
  ],
  invalid: [
    { name: 'npm run build in the only stage', code: df('FROM node:20-slim', 'RUN npm ci', 'RUN npm run build'), errors: [{ line: 3, message: 'npm run build runs in the only stage' }] },
    { name: 'dotnet publish', code: df('FROM ubuntu:24.04', 'RUN dotnet publish -c Release'), errors: [{ line: 2 }] }
  ]
})
