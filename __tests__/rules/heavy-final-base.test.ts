/** heavy-final-base: what it reports and what it must leave alone (docs/rules/heavy-final-base.md). */
import { heavyFinalBase } from '../../src/rules/heavy-final-base.js'
import { df } from '../helpers/dockerfile.js'
import { testRule } from '../helpers/rule-tester.js'

testRule(heavyFinalBase, {
  valid: [
    // goreleaser's own image: compilers added to golang, tools copied in, nothing built: the toolchain is the product.
    { name: 'a toolchain image that adds compilers and builds nothing', code: df('FROM docker:29-cli AS docker', 'FROM golang:1.27-alpine', 'RUN apk add --no-cache bash build-base git make tini', 'COPY --from=docker /usr/local/bin/docker /usr/bin/docker', 'ENTRYPOINT ["/sbin/tini", "--", "/entrypoint.sh"]') },
    { name: 'golang only in the build stage', code: df('FROM golang:1.22 AS build', 'RUN go build -o /a', 'FROM gcr.io/distroless/static', 'COPY --from=build /a /a') },
    { name: 'node slim', code: df('FROM node:20-slim', 'CMD ["node", "x.js"]') },
    { name: 'a JRE', code: df('FROM eclipse-temurin:21-jre', 'COPY app.jar /app.jar') },
    { name: 'the official full images are built on buildpack-deps on purpose', code: df('FROM buildpack-deps:bookworm', 'RUN make') },
    { name: 'a toolchain target chosen with --target', code: df('FROM golang:1.22 AS dev', 'FROM scratch AS prod'), target: 'prod' },
    // dotnet-docker's sdk/*-aot images: the SDK plus the native toolchain, a base for other images.
    { name: 'an SDK variant that only adds system packages', code: df('ARG REPO=mcr.microsoft.com/dotnet/sdk', 'FROM $REPO:10.0-alpine3.22', 'RUN apk add --upgrade --no-cache build-base clang zlib-dev') },
    { name: 'an SDK variant on Azure Linux (tdnf)', code: df('FROM mcr.microsoft.com/dotnet/sdk:10.0-azurelinux3.0', 'RUN tdnf install -y build-essential clang zlib-devel && tdnf clean all') },
    { name: 'a JRE of another family', code: df('FROM amazoncorretto:8-alpine-jre', 'COPY app.jar /app.jar', 'CMD ["java", "-jar", "/app.jar"]') }
  ],
  invalid: [
    { name: 'compilers added, and the app built and run here', code: df('FROM golang:1.22-alpine', 'RUN apk add --no-cache build-base', 'COPY . .', 'RUN go build -o /app .', 'CMD ["/app"]'), errors: [{ line: 1, message: 'Split the file' }] },
    { name: 'compilers added, and language packages installed', code: df('FROM python:3.12', 'RUN apt-get install -y gcc', 'RUN pip install -r requirements.txt', 'CMD ["python", "app.py"]'), errors: [{ line: 1 }] },
    { name: 'a single golang stage', code: df('FROM golang:1.22', 'RUN go build -o /a', 'CMD ["/a"]'), errors: [{ line: 1, message: 'Split the file' }] },
    {
      name: 'the final stage inherits from a node stage',
      code: df('FROM node:20 AS base', 'RUN npm ci', 'FROM base AS final', 'CMD ["node", "x.js"]'),
      errors: [{ line: 1, message: 'node:20-slim' }]
    },
    { name: 'the .NET SDK', code: df('FROM mcr.microsoft.com/dotnet/sdk:8.0', 'ENTRYPOINT ["dotnet", "app.dll"]'), errors: [{ line: 1, message: 'dotnet/aspnet' }] },
    { name: 'maven', code: df('ARG M=3.9', 'FROM maven:${M}-eclipse-temurin-21', 'CMD ["java", "-jar", "a.jar"]'), errors: [{ line: 2, message: 'maven:3.9-eclipse-temurin-21' }] },
    {
      name: 'a prebuilt jar on the deprecated openjdk JDK: the Temurin JRE, no split when nothing is compiled',
      code: df('FROM openjdk:8-alpine', 'ADD https://example.com/app.jar /app.jar', 'ENTRYPOINT ["java", "-jar", "/app.jar"]'),
      errors: [{ line: 1, message: 'a toolchain image: ship the jar on the JRE eclipse-temurin:8-jre-alpine (the openjdk images are deprecated).' }]
    },
    {
      name: 'an eclipse-temurin JDK: the JRE tag of the same release',
      code: df('FROM eclipse-temurin:21.0.4_7-jdk-jammy', 'COPY app.jar /app.jar', 'CMD ["java", "-jar", "/app.jar"]'),
      errors: [{ line: 1, message: 'eclipse-temurin:21.0.4_7-jre-jammy' }]
    },
    { name: 'amazoncorretto: the Temurin JRE or jlink', code: df('FROM amazoncorretto:17', 'COPY app.jar /app.jar', 'CMD ["java", "-jar", "/app.jar"]'), errors: [{ line: 1, message: 'eclipse-temurin:17-jre (or a runtime made with jlink)' }] },
    { name: 'pip install on the full python image: split the file', code: df('FROM python:3.12', 'COPY . /app', 'RUN pip install --no-cache-dir -r /app/requirements.txt', 'CMD ["python", "/app/main.py"]'), errors: [{ line: 1, message: 'python:3.12-slim. Split the file' }] },
    {
      // full-stack-fastapi-template: compose's healthcheck curls the backend; python:3.14-slim has no curl.
      name: 'what the deployment runs in the image and -slim lacks comes with the advice',
      code: df('FROM python:3.14', 'COPY . /app', 'CMD ["fastapi", "run", "/app/main.py"]'),
      targets: [{ name: null, builtBy: 'compose.yml:49', service: { name: 'backend', source: 'compose.yml:49', ports: true, command: false, programs: [{ program: 'curl', what: 'healthcheck', source: 'compose.yml:58' }, { program: 'fastapi', what: 'command', source: 'compose.yml:55' }] } }],
      // The healthcheck's own line (its test:), not the service's.
      errors: [{ line: 1, message: 'ship on python:3.14-slim. The healthcheck of compose service "backend" (compose.yml:58) runs curl, which -slim does not have: install it there too (apt-get install --no-install-recommends curl).' }]
    },
    { name: 'the -slim tag of a release on a named Debian', code: df('FROM python:3.12-bookworm', 'CMD ["python"]'), errors: [{ line: 1, message: 'ship on python:3.12-slim-bookworm' }] },
    { name: 'javac in the only stage: split the file', code: df('FROM eclipse-temurin:17-jdk', 'COPY . /src', 'RUN javac /src/*.java', 'CMD ["java", "-cp", "/src", "Main"]'), errors: [{ line: 1, message: 'Split the file' }] }
  ]
})
