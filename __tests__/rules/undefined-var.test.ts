/** undefined-var: what it reports and what it must leave alone (docs/rules/undefined-var.md). */
import { undefinedVar } from '../../src/rules/undefined-var.js'
import { df } from '../helpers/dockerfile.js'
import { testRule } from '../helpers/rule-tester.js'

testRule(undefinedVar, {
  valid: [
    // An image nobody knows may set anything: a name that is no near miss of a known one stays unjudged.
    { name: 'without registry facts, a name an unknown base may set stays unjudged', code: df('FROM registry.example/base:1', 'COPY . $APP_HOME/') },
    { name: "a name the base image's config sets (ENV from the registry)", code: df('FROM registry.example/base:1', 'COPY . $APP_HOME/'), baseFacts: { 'registry.example/base:1': { env: ['PATH', 'APP_HOME'] } } },

    { name: 'a base image variable (unknowable)', code: df('FROM openjdk:21', 'ENV PATH=$JAVA_HOME/bin:$PATH') },
    { name: 'RUN is left to the shell', code: df('FROM scratch', 'RUN echo $WHATEVER') },
    { name: 'PATH on an OS image that sets only PATH', code: df('FROM alpine:3.20', 'ENV PATH=/opt/bin:$PATH') },
    { name: 'a base whose environment is not known (node images set NODE_VERSION, YARN_VERSION…)', code: df('FROM node:20', 'COPY $SOMETHING_THE_BASE_SETS /x') },
    { name: 'an OS image built FROM a stage that declares the name', code: df('FROM debian:12 AS base', 'ARG APP=/srv', 'FROM base', 'ARG APP', 'WORKDIR $APP') },
    { name: 'defined', code: df('FROM scratch', 'ARG DIR=/x', 'WORKDIR $DIR') },
    { name: 'an ARG without default is declared (BuildKit does not warn either)', code: df('FROM scratch', 'ARG DIR', 'COPY app $DIR/') },
    { name: 'a fallback handles the unset case', code: df('FROM scratch', 'COPY app ${DEST:-/usr/bin/}', 'EXPOSE ${PORT:-8080}') },
    { name: 'EXPOSE of a declared port', code: df('FROM node:20', 'ARG PORT=3000', 'EXPOSE $PORT') },
    { name: 'inherited through FROM <stage>', code: df('FROM alpine:3 AS base', 'ENV APP_HOME=/srv', 'FROM base', 'WORKDIR $APP_HOME') },
    { name: 'another stage sets a name every base image has (golang images: PATH)', code: df('FROM golang:1.22 AS build', 'ENV PATH=/usr/local/go/bin:$PATH', 'FROM alpine:3', 'ENV PATH=/opt/bin:$PATH') },
    { name: 'RUN assigns the name itself', code: df('FROM golang:1.22 AS build', 'ARG VERSION=1', 'FROM alpine:3', 'RUN VERSION=$(cat /VERSION) && echo $VERSION', "RUN for VERSION in 1 2; do echo $VERSION; done") },
    { name: 'RUN reads it in single quotes (a later shell’s business)', code: df('FROM golang:1.22 AS build', 'ARG VERSION=1', 'FROM alpine:3', "RUN echo '$VERSION' > /tmpl") },
    { name: 'a global ARG is global-arg-not-redeclared’s', code: df('ARG V=1', 'FROM alpine:3', 'LABEL v=$V') },
    { name: 'a platform ARG declared in the stage', code: df('FROM --platform=$BUILDPLATFORM golang:1.22', 'ARG TARGETOS TARGETARCH', 'RUN GOOS=$TARGETOS GOARCH=$TARGETARCH go build -o /out/app .') }
  ],
  invalid: [
    { name: "BuildKit's example: $PAHT next to the base image's PATH (from its config)", code: df('FROM alpine:3', 'ENV PATH=$PAHT:/app/bin'), baseFacts: { 'alpine:3': { env: ['PATH'] } }, errors: [{ line: 2, message: 'Did you mean $PATH?' }] },
    { name: "a base-image-looking name the base's config does not set", code: df('FROM node:22-slim', 'COPY lib/ $JAVA_HOME/lib/'), baseFacts: { 'node:22-slim': { env: ['PATH', 'NODE_VERSION', 'YARN_VERSION'] } }, errors: [{ line: 2, message: "nor in the base image's environment" }] },

    { name: 'a typo of a variable in scope', code: df('FROM node:20-slim', 'ENV APP_HOME=/srv', 'COPY . $APP_HOEM'), errors: [{ line: 3, message: 'Did you mean $APP_HOME?' }] },
    { name: 'anything undefined on scratch', code: df('FROM scratch', 'COPY app /$DEST/'), errors: [{ line: 2 }] },
    { name: 'EXPOSE of a port nothing defines', code: df('FROM node:20', 'EXPOSE ${APP_PORT}'), errors: [{ line: 2, message: 'EXPOSE gets no port from it; declare ARG APP_PORT=<port>' }] },
    { name: 'used before its ARG in the same stage', code: df('FROM node:20', 'WORKDIR $APP_DIR', 'ARG APP_DIR=/app'), errors: [{ line: 2, message: 'is used before ARG APP_DIR (line 3) defines it' }] },
    { name: 'an OS image that sets only PATH: an undeclared name is undefined (BuildKit reads the image and says so too)', code: df('FROM alpine:3.20', 'COPY $foo .'), errors: [{ line: 2, message: '$foo is not defined at this point' }] },
    { name: 'a typo of PATH', code: df('FROM ubuntu:24.04', 'ENV PATH=$PAHT:/app/bin'), errors: [{ line: 2, message: 'Did you mean $PATH?' }] },
    { name: 'a stage built FROM a stage of an OS image', code: df('FROM debian:12 AS base', 'FROM base', 'WORKDIR $APP_HOME'), errors: [{ line: 3 }] },
    { name: 'RUN before its ARG', code: df('FROM alpine:3', 'RUN echo "building $VERSION" > /VERSION', 'ARG VERSION=1.2'), errors: [{ line: 2, message: 'move the ARG above this line' }] },
    {
      name: 'set in another stage (ARG), used in the shipped one',
      code: df('FROM golang:1.22 AS build', 'ARG VERSION=1.0', 'RUN go build -ldflags "-X main.v=$VERSION" -o /out/app .', 'FROM alpine:3', 'COPY --from=build /out/app /app', 'LABEL org.opencontainers.image.version=$VERSION'),
      errors: [{ line: 6, message: 'ARG VERSION (line 2) belongs to stage build, and stages do not share ARG or ENV; repeat ARG VERSION in this stage' }]
    },
    {
      name: 'set in another stage (ENV), read by a RUN, once per stage',
      code: df('FROM node:20 AS deps', 'ENV APP_HOME=/srv/app', 'FROM node:20-slim', 'RUN mkdir -p "$APP_HOME"', 'RUN chown node "$APP_HOME"'),
      errors: [{ line: 4, message: 'set ENV APP_HOME in this stage too, or build this stage FROM deps' }]
    },
    { name: 'TARGETARCH in RUN without ARG TARGETARCH (BuildKit: global until declared)', code: df('FROM alpine:3 AS fetch', 'ARG TARGETARCH', 'RUN echo $TARGETARCH', 'FROM alpine:3', 'RUN wget -O /bin/tool https://example.com/tool-$TARGETARCH'), errors: [{ line: 5, message: 'a stage sees TARGETARCH only after ARG TARGETARCH' }] },
    { name: 'TARGETOS in COPY on any base', code: df('FROM --platform=$BUILDPLATFORM golang:1.22 AS build', 'RUN GOOS=$TARGETOS go build -o /out/app .', 'FROM alpine:3', 'COPY --from=build /out/app /app'), errors: [{ line: 2, message: '$TARGETOS is empty here' }] }
  ]
})
