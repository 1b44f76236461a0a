/** broad-copy-from: what it reports and what it must leave alone (docs/rules/broad-copy-from.md). */
import { broadCopyFrom } from '../../src/rules/broad-copy-from.js'
import { df } from '../helpers/dockerfile.js'
import { testRule } from '../helpers/rule-tester.js'

testRule(broadCopyFrom, {
  valid: [
    { name: 'the artifact only', code: df('FROM golang:1.22 AS b', 'WORKDIR /src', 'COPY . .', 'RUN go build -o /out/app', 'FROM scratch', 'COPY --from=b /out/app /app') },
    { name: 'a whole stage root into a build stage (it does not ship)', code: df('FROM alpine:3 AS a', 'RUN apk add --no-cache curl', 'FROM alpine:3 AS b', 'COPY --from=a / /', 'FROM scratch', 'COPY --from=b /x /x') },
    { name: 'the build output under the folder the context went into', code: df('FROM rust:1.80 AS build', 'WORKDIR /app', 'COPY . .', 'RUN cargo build --release', 'FROM gcr.io/distroless/cc', 'COPY --from=build /app/target/release/hello /hello') },
    {
      name: 'the root of a scratch stage that only gathers binaries',
      code: df('FROM golang:1.22 AS build', 'RUN go build -o /out/tool ./cmd/tool', 'FROM scratch AS binaries-linux', 'COPY --from=build /out/tool /', 'FROM alpine:3', 'COPY --link --from=binaries-linux / /usr/bin/')
    },
    {
      name: 'the root of such a stage, through a FROM chain picked by an argument',
      code: df('FROM golang:1.22 AS build', 'RUN go build -o /out/tool', 'FROM scratch AS binaries-linux', 'COPY --from=build /out/tool /', 'FROM binaries-$TARGETOS AS binaries', 'FROM alpine:3', 'COPY --from=binaries / /usr/bin/')
    },
    { name: 'a stage that only names a helper image meant to be copied whole', code: df('FROM --platform=$BUILDPLATFORM tonistiigi/xx:1.6.1 AS xx', 'FROM alpine:3', 'COPY --from=xx / /', 'RUN xx-info') },
    { name: 'a stage that only names an image chosen by an argument', code: df('ARG DISTROLESS_IMAGE', 'FROM $DISTROLESS_IMAGE AS distroless', 'FROM mcr.microsoft.com/azurelinux/base/core:3.0', 'COPY --from=distroless / /rootfs', 'WORKDIR /rootfs') },
    { name: 'a source path from a build argument without a default (unknown, not /)', code: df('FROM alpine:3 AS files', 'RUN mkdir -p /data/out', 'FROM alpine:3', 'ARG copy_origin', 'ARG copy_destination', 'COPY --from=files $copy_origin $copy_destination') },
    { name: 'a Node app installed without dev dependencies: the folder is the runtime', code: df('FROM node:22 AS build-env', 'COPY . /app', 'WORKDIR /app', 'RUN npm ci --omit=dev', 'FROM gcr.io/distroless/nodejs22-debian12', 'COPY --from=build-env /app /app', 'CMD ["hello.js"]') },
    { name: 'ADD of the context, npm install --omit=dev', code: df('FROM node:22 AS build-env', 'ADD . /app', 'WORKDIR /app', 'RUN npm install --omit=dev', 'FROM gcr.io/distroless/nodejs22-debian12', 'COPY --from=build-env /app /app') },
    { name: 'NODE_ENV=production, with housekeeping', code: df('FROM node:22 AS deps', 'ENV NODE_ENV=production', 'WORKDIR /srv', 'COPY . .', 'RUN npm ci && npm cache clean --force && rm -rf test', 'FROM node:22-slim', 'COPY --from=deps /srv /srv') },
    { name: 'a Python app: pip installs outside the folder', code: df('FROM python:3.12 AS build', 'WORKDIR /app', 'COPY . .', 'RUN pip install --no-cache-dir -r requirements.txt', 'FROM python:3.12-slim', 'COPY --from=build /app /app') }
  ],
  invalid: [
    { name: 'the root of a stage that installed things', code: df('FROM alpine:3 AS a', 'RUN apk add --no-cache build-base', 'FROM scratch', 'COPY --from=a / /', 'ENTRYPOINT ["/bin/sh"]'), errors: [{ line: 4, message: 'whole filesystem of stage a: its base image alpine:3' }] },
    { name: "the builder's source workdir, written relative", code: df('FROM node:20 AS b', 'WORKDIR /app', 'COPY . .', 'RUN npm ci && npm run build', 'FROM node:20-slim', 'COPY --from=b /app /app'), errors: [{ line: 6, message: 'the sources and node_modules ship' }] },
    { name: 'a compiled app: no node_modules in the message', code: df('FROM gcc:13 AS build-env', 'COPY . /app', 'WORKDIR /app', 'RUN cc hello.c -o hello', 'FROM gcr.io/distroless/cc', 'COPY --from=build-env /app /app'), errors: [{ line: 6, message: 'the sources ship next to what the stage built' }] },
    { name: 'dev dependencies installed and no build step', code: df('FROM node:20 AS b', 'WORKDIR /app', 'COPY . .', 'RUN npm ci', 'FROM node:20-slim', 'COPY --from=b /app /app'), errors: [{ line: 6 }] },
    {
      name: "the builder's source tree, its WORKDIR set from an ENV value",
      code: df('FROM golang:1.22 AS builder', 'ENV APP=/src/app', 'WORKDIR $APP', 'COPY . .', 'RUN go build -o bin/app .', 'FROM gcr.io/distroless/static', 'COPY --from=builder /src/app ./'),
      errors: [{ line: 7, message: 'copies /src/app of stage builder, the folder line 4 copied' }]
    },
    { name: 'a quoted WORKDIR', code: df('FROM maven:3 AS build', 'WORKDIR "/src"', 'COPY . .', 'RUN mvn -q package', 'FROM eclipse-temurin:21-jre', 'COPY --from=build /src /app'), errors: [{ line: 6, message: 'copies /src' }] }
  ]
})
