/** build-platform-shipped: what it reports and what it must leave alone (docs/rules/build-platform-shipped.md). */
import { buildPlatformShipped } from '../../src/rules/build-platform-shipped.js'
import { df } from '../helpers/dockerfile.js'
import { testRule } from '../helpers/rule-tester.js'

testRule(buildPlatformShipped, {
  valid: [
    {
      name: 'a cross-compiling build stage on the build platform',
      code: df('FROM --platform=$BUILDPLATFORM golang:1.22 AS build', 'ARG TARGETOS TARGETARCH', 'RUN GOOS=$TARGETOS GOARCH=$TARGETARCH go build -o /out/app .', 'FROM alpine:3.19', 'COPY --from=build /out/app /app', 'ENTRYPOINT ["/app"]')
    },
    {
      name: 'a dotnet SDK stage on the build platform, runtime without --platform',
      code: df('FROM --platform=$BUILDPLATFORM mcr.microsoft.com/dotnet/sdk:8.0 AS build', 'ARG TARGETARCH', 'RUN dotnet publish -a $TARGETARCH -o /app', 'FROM mcr.microsoft.com/dotnet/aspnet:8.0', 'COPY --from=build /app /app', 'ENTRYPOINT ["dotnet", "/app/api.dll"]')
    },
    { name: 'a shipped scratch stage has no binaries of its own', code: df('FROM --platform=$BUILDPLATFORM scratch', 'COPY app /app', 'ENTRYPOINT ["/app"]') },
    { name: 'a files-only target exported with --output (no CMD, ENTRYPOINT, EXPOSE)', code: df('FROM --platform=$BUILDPLATFORM alpine:3.19 AS releaser', 'RUN mkdir /out && echo 1 > /out/VERSION') },
    { name: 'the target platform', code: df('FROM --platform=$TARGETPLATFORM node:20', 'CMD ["node", "server.js"]') },
    { name: 'an unused build-platform stage', code: df('FROM --platform=$BUILDPLATFORM node:20 AS tools', 'CMD ["node"]', 'FROM node:20', 'CMD ["node", "server.js"]') }
  ],
  invalid: [
    {
      name: 'the shipped stage itself',
      code: df('FROM --platform=$BUILDPLATFORM mcr.microsoft.com/dotnet/sdk:8.0 AS build', 'RUN dotnet publish -o /app', 'FROM --platform=${BUILDPLATFORM} mcr.microsoft.com/dotnet/aspnet:8.0', 'COPY --from=build /app .', 'CMD ["dotnet", "api.dll"]'),
      errors: [{ line: 3, severity: 'warning', message: "gets the build machine's mcr.microsoft.com/dotnet/aspnet:8.0" }]
    },
    {
      name: 'a base stage the shipped stage is built FROM (microservices-demo python services)',
      code: df('FROM --platform=$BUILDPLATFORM python:3.12-alpine AS base', 'FROM base AS builder', 'RUN pip install --prefix=/install grpcio', 'FROM base', 'COPY --from=builder /install /usr/local', 'ENTRYPOINT ["python", "server.py"]'),
      errors: [{ line: 1, message: 'Stage base, which the shipped stage (line 4) is built FROM' }]
    },
    {
      name: 'a builder stage that is also the app image, chosen with --target',
      code: df('FROM --platform=$BUILDPLATFORM python:3.10-alpine AS builder', 'COPY . /app', 'ENTRYPOINT ["python3"]', 'CMD ["app.py"]', 'FROM builder AS dev-envs', 'RUN apk add git'),
      target: 'builder',
      errors: [{ line: 1 }]
    }
  ]
})
