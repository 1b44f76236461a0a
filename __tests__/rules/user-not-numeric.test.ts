/** user-not-numeric: what it reports and what it must leave alone (docs/rules/user-not-numeric.md). */
import { userNotNumeric } from '../../src/rules/user-not-numeric.js'
import { df } from '../helpers/dockerfile.js'
import { testRule } from '../helpers/rule-tester.js'

testRule(userNotNumeric, {
  valid: [
    { name: 'a UID, with a group', code: df('FROM node:20', 'EXPOSE 3000', 'USER 1000:1000') },
    { name: 'a variable', code: df('FROM mcr.microsoft.com/dotnet/aspnet:8.0', 'EXPOSE 8080', 'USER $APP_UID') },
    { name: 'root is root-user\'s business', code: df('FROM debian:12', 'EXPOSE 80', 'USER root') },
    { name: 'a build stage\'s user', code: df('FROM node:20 AS build', 'USER node', 'RUN npm ci', 'FROM node:20', 'EXPOSE 3000', 'USER 1000') },
    { name: 'a desktop or CLI tool that serves no port', code: df('FROM debian:12', 'RUN useradd -m user', 'USER user', 'ENTRYPOINT ["vlc"]') },
    { name: 'Windows users have no UID', code: df('FROM mcr.microsoft.com/windows/nanoserver:ltsc2022', 'EXPOSE 80', 'USER ContainerUser') }
  ],
  invalid: [
    { name: 'the node image\'s user', code: df('FROM node:20-slim', 'EXPOSE 3000', 'USER node'), errors: [{ line: 3, severity: 'info', message: 'write USER 1000' }] },
    { name: 'a user created with a UID', code: df('FROM node:20-alpine', 'RUN adduser --system --uid 1001 nextjs', 'USER nextjs', 'EXPOSE 3000'), errors: [{ line: 3, message: 'write USER 1001' }] },
    { name: 'a user created without a UID', code: df('FROM debian:12', 'RUN useradd -m app', 'EXPOSE 80', 'USER app'), errors: [{ line: 4, message: 'create app with a fixed UID' }] },
    { name: 'inherited from the parent stage', code: df('FROM gcr.io/distroless/static AS base', 'USER nonroot', 'FROM base', 'EXPOSE 8080'), errors: [{ line: 2, message: 'USER 65532' }] },
  { name: 'distroless nonroot:nonroot', code: df('FROM gcr.io/distroless/static-debian12:nonroot', 'EXPOSE 8080', 'USER nonroot:nonroot'), errors: [{ line: 3, message: 'write USER 65532:65532' }] }
  ]
})
