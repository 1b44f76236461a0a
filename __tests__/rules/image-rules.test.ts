import { baseImageLatest } from '../../src/rules/base-image-latest.js'
import { baseImageUntagged } from '../../src/rules/base-image-untagged.js'
import { invalidDefaultArgInFrom } from '../../src/rules/invalid-default-arg-in-from.js'
import { undefinedArgInFrom } from '../../src/rules/undefined-arg-in-from.js'
import { heavyFinalBase } from '../../src/rules/heavy-final-base.js'
import { df } from '../helpers/dockerfile.js'
import { testRule } from '../helpers/rule-tester.js'

testRule(heavyFinalBase, {
  valid: [
    { name: 'golang only in the build stage', code: df('FROM golang:1.22 AS build', 'RUN go build -o /a', 'FROM gcr.io/distroless/static', 'COPY --from=build /a /a') },
    { name: 'node slim', code: df('FROM node:20-slim', 'CMD ["node", "x.js"]') },
    { name: 'a JRE', code: df('FROM eclipse-temurin:21-jre', 'COPY app.jar /app.jar') },
    { name: 'the official full images are built on buildpack-deps on purpose', code: df('FROM buildpack-deps:bookworm', 'RUN make') },
    { name: 'a toolchain target chosen with --target', code: df('FROM golang:1.22 AS dev', 'FROM scratch AS prod'), target: 'prod' }
  ],
  invalid: [
    { name: 'a single golang stage', code: df('FROM golang:1.22', 'RUN go build -o /a', 'CMD ["/a"]'), errors: [{ line: 1, message: 'Split the file' }] },
    {
      name: 'the final stage inherits from a node stage',
      code: df('FROM node:20 AS base', 'RUN npm ci', 'FROM base AS final', 'CMD ["node", "x.js"]'),
      errors: [{ line: 1, message: 'node:<version>-slim' }]
    },
    { name: 'the .NET SDK', code: df('FROM mcr.microsoft.com/dotnet/sdk:8.0', 'ENTRYPOINT ["dotnet", "app.dll"]'), errors: [{ line: 1, message: 'dotnet/aspnet' }] },
    { name: 'maven', code: df('ARG M=3.9', 'FROM maven:${M}-eclipse-temurin-21', 'CMD ["java", "-jar", "a.jar"]'), errors: [{ line: 2, message: 'maven:3.9-eclipse-temurin-21' }] }
  ]
})

testRule(baseImageUntagged, {
  valid: [
    { name: 'tagged, digest-pinned, scratch and stages', code: df('FROM alpine:3.20 AS a', `FROM alpine@sha256:${'c'.repeat(64)}`, 'FROM scratch', 'FROM a') },
    { name: 'a tag from an ARG default', code: df('ARG V=3.20', 'FROM alpine:${V}') },
    { name: 'an image from an ARG without default (not knowable)', code: df('ARG IMG', 'FROM ${IMG}') }
  ],
  invalid: [{ name: 'no tag', code: df('FROM ubuntu', 'RUN true'), errors: [{ line: 1 }] }]
})

testRule(baseImageLatest, {
  valid: [{ name: 'a version tag', code: df('FROM nginx:1.27') }],
  invalid: [{ name: 'latest through an ARG default', code: df('ARG TAG=latest', 'FROM nginx:$TAG'), errors: [{ line: 2 }] }]
})

testRule(undefinedArgInFrom, {
  valid: [
    { name: 'a global ARG', code: df('ARG V=3', 'FROM alpine:$V') },
    { name: 'platform ARGs', code: df('FROM --platform=$BUILDPLATFORM alpine:3') }
  ],
  invalid: [
    { name: 'an ARG declared only inside a stage', code: df('FROM alpine:3 AS a', 'ARG V=3', 'FROM alpine:$V'), errors: [{ line: 3, message: 'an ARG inside a stage is not visible to FROM' }] },
    { name: 'a typo', code: df('ARG VERSION=3', 'FROM alpine:$VERSON'), errors: [{ line: 2, message: '$VERSON' }] }
  ]
})

testRule(invalidDefaultArgInFrom, {
  valid: [
    { name: 'an ARG with a default', code: df('ARG IMG=alpine:3', 'FROM $IMG') },
    { name: 'an ARG given as a build arg', code: df('ARG IMG', 'FROM $IMG'), buildArgs: { IMG: 'alpine:3' } }
  ],
  invalid: [{ name: 'an ARG with no default', code: df('ARG IMG', 'FROM ${IMG}'), errors: [{ line: 2, message: 'give ARG IMG a default' }] }]
})
