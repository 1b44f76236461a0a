import { jsonArgsRecommended } from '../../src/rules/json-args-recommended.js'
import { rootUser } from '../../src/rules/root-user.js'
import { looksSecret, secretsInArgEnv } from '../../src/rules/secrets-in-arg-env.js'
import { describe, expect, it } from '@jest/globals'
import { df } from '../helpers/dockerfile.js'
import { testRule } from '../helpers/rule-tester.js'

testRule(rootUser, {
  valid: [
    { name: 'root in the build stage, a user in the shipped one', code: df('FROM golang:1.22 AS build', 'USER root', 'FROM alpine:3', 'COPY --from=build /a /a', 'USER 10001') },
    { name: 'USER inherited from the base stage', code: df('FROM alpine:3 AS base', 'USER app', 'FROM base', 'CMD ["x"]') },
    { name: 'a distroless nonroot base', code: df('FROM gcr.io/distroless/static-debian12:nonroot') },
    { name: 'a user from a variable', code: df('FROM mcr.microsoft.com/dotnet/aspnet:8.0', 'USER $APP_UID') },
    { name: 'no USER in an image that serves nothing (a tool or base image)', code: df('FROM debian:bookworm-slim', 'RUN apt-get install -y jq', 'ENTRYPOINT ["jq"]') }
  ],
  invalid: [
    { name: 'USER root last in the shipped image', code: df('FROM alpine:3', 'USER app', 'RUN x', 'USER root'), errors: [{ line: 4, severity: 'warning' }] },
    { name: 'USER 0:0', code: df('FROM alpine:3', 'USER 0:0'), errors: [{ line: 2 }] },
    { name: 'a service with no USER at all: info at the shipped stage', code: df('FROM golang:1.22 AS build', 'USER app', 'FROM alpine:3', 'EXPOSE 8080'), errors: [{ line: 3, severity: 'info', message: 'serves a port' }] }
  ]
})

testRule(jsonArgsRecommended, {
  valid: [
    { name: 'exec form', code: df('FROM alpine:3', 'CMD ["sh", "-c", "echo"]') },
    { name: 'shell form in a build stage (dead anyway)', code: df('FROM alpine:3 AS b', 'CMD echo', 'FROM alpine:3', 'COPY --from=b /x /x') },
    { name: 'a SHELL inherited from the parent stage', code: df('FROM alpine:3 AS base', 'SHELL ["/bin/ash", "-c"]', 'FROM base', 'CMD echo hi') }
  ],
  invalid: [{ name: 'shell form in the shipped image', code: df('FROM node:20-slim', 'CMD npm start'), errors: [{ line: 2, message: 'CMD ["npm", …]' }] }]
})

testRule(secretsInArgEnv, {
  valid: [
    { name: 'public names', code: df('FROM alpine:3', 'ARG PUBLIC_KEY', 'ENV KEYBOARD=us', 'ENV GPG_KEY=A035C8C19219BA821ECEA86B64E628F8D684696D', 'ARG AUTH_MODULE_VERSION=1') }
  ],
  invalid: [
    {
      name: 'ENV in the shipped image, ARG in a build stage',
      code: df('FROM alpine:3 AS build', 'ARG NPM_TOKEN', 'FROM alpine:3', 'COPY --from=build /x /x', 'ENV DB_PASSWORD=hunter2'),
      errors: [
        { line: 2, severity: 'info', message: 'build cache' },
        { line: 5, severity: 'warning', message: 'stored in the shipped image' }
      ]
    }
  ]
})

describe('looksSecret', () => {
  it('matches whole tokens only, in any case', () => {
    expect(['API_KEY', 'github_token', 'Secret', 'AWS_SECRET_ACCESS_KEY'].map(looksSecret)).toEqual([true, true, true, true])
    expect(['KEYBOARD', 'TOKENIZER_PATH', 'PASSWORD_FILE', 'MONKEY'].map(looksSecret)).toEqual([false, false, false, false])
  })
})
