/** root-user: what it reports and what it must leave alone (docs/rules/root-user.md). */
import { rootUser } from '../../src/rules/root-user.js'
import { df } from '../helpers/dockerfile.js'
import { testRule } from '../helpers/rule-tester.js'

testRule(rootUser, {
  valid: [
    { name: 'the registry says the base runs as a numeric user (a name says nothing here)', code: df('FROM registry.example/app-base:1', 'EXPOSE 8080'), baseFacts: { 'registry.example/app-base:1': { user: '1001' } } },
    { name: 'the registry says a Windows base (no root)', code: df('FROM registry.example/win-base:1', 'EXPOSE 8080'), baseFacts: { 'registry.example/win-base:1': { os: 'windows' } } },

    { name: 'root in the build stage, a user in the shipped one', code: df('FROM golang:1.22 AS build', 'USER root', 'FROM alpine:3', 'COPY --from=build /a /a', 'USER 10001') },
    { name: 'USER inherited from the base stage', code: df('FROM alpine:3 AS base', 'USER app', 'FROM base', 'CMD ["x"]') },
    { name: 'a distroless nonroot base', code: df('FROM gcr.io/distroless/static-debian12:nonroot', 'EXPOSE 8080') },
    { name: 'a distroless debug-nonroot base', code: df('FROM gcr.io/distroless/base-debian12:debug-nonroot', 'EXPOSE 8080') },
    { name: 'a Chainguard base', code: df('FROM cgr.dev/chainguard/static:latest', 'EXPOSE 8080') },
    { name: 'a .NET chiseled base (USER $APP_UID)', code: df('FROM mcr.microsoft.com/dotnet/aspnet:10.0-noble-chiseled', 'EXPOSE 8080', 'ENTRYPOINT ["./app"]') },
    { name: 'a .NET Azure Linux distroless base', code: df('FROM mcr.microsoft.com/dotnet/aspnet:10.0-azurelinux3.0-distroless', 'EXPOSE 8080') },
    { name: 'a Windows image (nanoserver runs as ContainerUser)', code: df('FROM mcr.microsoft.com/dotnet/aspnet:10.0-nanoserver-ltsc2022', 'EXPOSE 8080') },
    { name: 'a numeric user', code: df('FROM alpine:3', 'USER 65534:65534', 'EXPOSE 8080') },
    { name: 'a user from a variable', code: df('FROM mcr.microsoft.com/dotnet/aspnet:8.0', 'USER $APP_UID') },
    { name: 'no USER in an image that serves nothing (a tool or base image)', code: df('FROM debian:bookworm-slim', 'RUN apt-get install -y jq', 'ENTRYPOINT ["jq"]') },
    { name: 'php-fpm drops to www-data itself', code: df('FROM alpine:3.20', 'EXPOSE 9000', 'CMD ["php-fpm"]') },
    { name: 'nginx drops its workers itself', code: df('FROM debian:bookworm-slim', 'RUN apt-get install -y nginx', 'EXPOSE 80', 'CMD ["nginx", "-g", "daemon off;"]') },
    { name: 'an nginx base with its default command', code: df('FROM nginx:1.27-alpine', 'COPY site/ /usr/share/nginx/html/', 'EXPOSE 80') },
    { name: 'sshd must start as root', code: df('FROM alpine:3', 'EXPOSE 22', 'CMD ["/usr/sbin/sshd", "-D"]') },
    { name: 'an entrypoint that drops root with gosu', code: df('FROM ubuntu:24.04', 'RUN apt-get install -y gosu', 'COPY entrypoint.sh /', 'EXPOSE 8080', 'ENTRYPOINT ["/entrypoint.sh"]') }
  ],
  invalid: [
    { name: 'the registry says the base runs as root although its name says non-root: reported, saying so', code: df('FROM bitnami/nginx:1.27', 'EXPOSE 8080'), baseFacts: { 'bitnami/nginx:1.27': { user: null } }, errors: [{ line: 1, severity: 'info', message: "the base image's config sets none" }] },
    { name: 'the registry says User 0', code: df('FROM registry.example/app-base:1', 'EXPOSE 8080'), baseFacts: { 'registry.example/app-base:1': { user: '0' } }, errors: [{ line: 1, message: 'sets User 0' }] },

    { name: 'USER root last in the shipped image', code: df('FROM alpine:3', 'USER app', 'RUN x', 'USER root'), errors: [{ line: 4, severity: 'warning' }] },
    { name: 'USER 0:0', code: df('FROM alpine:3', 'USER 0:0'), errors: [{ line: 2 }] },
    { name: 'a service with no USER at all: info at the shipped stage', code: df('FROM golang:1.22 AS build', 'USER app', 'FROM alpine:3', 'EXPOSE 8080'), errors: [{ line: 3, severity: 'info', message: 'serves a port' }] },
    { name: 'node: the fix names the node user', code: df('FROM node:20-slim', 'EXPOSE 3000', 'CMD ["node", "server.js"]'), errors: [{ line: 1, severity: 'info', message: 'USER node' }] },
    { name: 'distroless without nonroot: the fix is the :nonroot tag', code: df('FROM gcr.io/distroless/nodejs22-debian12', 'EXPOSE 3000', 'CMD ["server.js"]'), errors: [{ line: 1, message: ':nonroot tag' }] },
    { name: 'a .NET image that is not chiseled', code: df('FROM mcr.microsoft.com/dotnet/aspnet:10.0', 'EXPOSE 8080'), errors: [{ line: 1, message: 'USER $APP_UID' }] }
  ]
})
