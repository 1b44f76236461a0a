/** artifact-not-copied: what it reports and what it must leave alone (docs/rules/artifact-not-copied.md). */
import { artifactNotCopied } from '../../src/rules/artifact-not-copied.js'
import { df } from '../helpers/dockerfile.js'
import { testRule } from '../helpers/rule-tester.js'

const goBuild = ['FROM golang:1.22 AS build', 'WORKDIR /src', 'COPY . .', 'RUN CGO_ENABLED=0 go build -o /out/server ./cmd/server']

testRule(artifactNotCopied, {
  valid: [
    { name: 'the binary is copied over', code: df(...goBuild, 'FROM alpine:3.19', 'COPY --from=build /out/server /usr/local/bin/server', 'ENTRYPOINT ["/usr/local/bin/server"]') },
    { name: 'copied to the same path', code: df(...goBuild, 'FROM gcr.io/distroless/static-debian12', 'COPY --from=build /out/server /out/server', 'ENTRYPOINT ["/out/server"]') },
    {
      name: 'a published folder copied into the working folder (dotnet samples)',
      code: df('FROM mcr.microsoft.com/dotnet/sdk:8.0 AS build', 'WORKDIR /source', 'COPY . .', 'RUN dotnet publish -o /app', 'FROM mcr.microsoft.com/dotnet/aspnet:8.0', 'WORKDIR /app', 'COPY --from=build /app .', 'ENTRYPOINT ["./aspnetapp"]')
    },
    { name: 'the shipped stage builds it itself', code: df('FROM golang:1.22', 'WORKDIR /app', 'COPY . .', 'RUN go build -o /app/server .', 'CMD ["/app/server"]') },
    { name: 'built FROM the stage that made it', code: df(...goBuild, 'FROM build AS final', 'ENTRYPOINT ["/out/server"]') },
    { name: 'a program found on PATH', code: df(...goBuild, 'FROM alpine:3.19', 'COPY --from=build /out/server /usr/bin/', 'CMD ["server"]') },
    { name: 'a private base image may have it', code: df(...goBuild, 'FROM ghcr.io/acme/runtime:1', 'ENTRYPOINT ["/out/server"]') },
    { name: 'a base image chosen by ARG may have it', code: df('ARG RUNTIME=alpine:3.19', ...goBuild, 'FROM ${RUNTIME}', 'ENTRYPOINT ["/out/server"]') },
    { name: 'a system folder of a full base image', code: df('FROM golang:1.22 AS build', 'RUN go build -o /usr/local/bin/server .', 'FROM alpine:3.19', 'ENTRYPOINT ["/usr/local/bin/server"]') },
    { name: 'mounted at run time (a VOLUME)', code: df(...goBuild, 'FROM alpine:3.19', 'VOLUME /out', 'ENTRYPOINT ["/out/server"]') },
    { name: 'no other stage makes it (a bind mount at run time, say)', code: df('FROM python:3.12-slim', 'WORKDIR /app', 'COPY requirements.txt .', 'RUN pip install -r requirements.txt', 'CMD ["python", "/app/main.py"]') },
    { name: 'a RUN that downloads the file it runs', code: df(...goBuild, 'FROM alpine:3.19', 'RUN wget -O /out/server https://example.com/server && chmod +x /out/server && /out/server --version') },
    { name: 'gradlew from the copied sources (microservices-demo)', code: df('FROM eclipse-temurin:21 AS builder', 'WORKDIR /app', 'COPY . .', 'RUN chmod +x gradlew', 'RUN ./gradlew installDist', 'FROM eclipse-temurin:21-jre', 'WORKDIR /app', 'COPY --from=builder /app .', 'ENTRYPOINT ["/app/build/install/app/bin/app"]') },
    { name: 'a relative COPY source is the build context, as intended', code: df(...goBuild, 'FROM alpine:3.19', 'COPY out/server /usr/bin/server') },
    { name: 'a shell command string is not followed', code: df(...goBuild, 'FROM alpine:3.19', 'CMD ["sh", "-c", "/out/server --port $PORT"]') }
  ],
  invalid: [
    {
      name: 'a Go binary built in one stage, run in another (alpine)',
      code: df(...goBuild, 'FROM alpine:3.19', 'RUN apk add --no-cache ca-certificates', 'ENTRYPOINT ["/out/server"]'),
      errors: [{ line: 7, severity: 'error', message: 'COPY --from=build /out/server /out/server' }]
    },
    {
      name: 'built with a relative -o in the working folder, run from distroless',
      code: df('FROM golang:1.22 AS build', 'WORKDIR /app', 'COPY . .', 'RUN go build -o server .', 'FROM gcr.io/distroless/static-debian12', 'CMD ["/app/server"]'),
      errors: [{ line: 6, message: 'stage build makes it (line 4, go build -o)' }]
    },
    {
      name: 'a Node build output that was never copied (suggests the folder)',
      code: df('FROM node:20 AS build', 'WORKDIR /app', 'COPY . .', 'RUN npm ci && npm run build', 'FROM node:20-slim', 'WORKDIR /app', 'COPY package.json package-lock.json ./', 'RUN npm ci --omit=dev', 'CMD ["node", "dist/index.js"]'),
      errors: [{ line: 9, message: 'COPY --from=build /app/dist /app/dist' }]
    },
    {
      name: 'a jar run with java -jar on a JRE image',
      code: df('FROM maven:3.9-eclipse-temurin-21 AS build', 'WORKDIR /build', 'COPY . .', 'RUN mvn -q package', 'FROM eclipse-temurin:21-jre', 'ENTRYPOINT ["java", "-jar", "/build/target/app.jar"]'),
      errors: [{ line: 6 }]
    },
    {
      name: 'a RUN in the shipped stage runs a tool only the build stage has',
      code: df(...goBuild, 'FROM alpine:3.19', 'COPY --from=build /out/server /usr/bin/server', 'RUN /out/migrate --check', 'ENTRYPOINT ["/usr/bin/server"]').replace('-o /out/server ./cmd/server', '-o /out/ ./cmd/...'),
      errors: [{ line: 7, message: 'COPY --from=build /out/migrate /out/migrate' }]
    },
    {
      name: 'a COPY that reads a build output from the context (forgot --from)',
      code: df(...goBuild, 'FROM alpine:3.19', 'COPY /out/server /usr/local/bin/server', 'ENTRYPOINT ["/usr/local/bin/server"]'),
      errors: [{ line: 6, message: 'write COPY --from=build /out/server /usr/local/bin/server' }]
    }
  ]
})
