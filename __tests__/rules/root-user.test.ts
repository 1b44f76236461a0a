/** root-user: what it reports and what it must leave alone (docs/rules/root-user.md). */
import { rootUser } from '../../src/rules/root-user.js'
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
