/** from-missing-stage-variant: what it reports and what it must leave alone (docs/rules/from-missing-stage-variant.md). */
import { fromMissingStageVariant } from '../../src/rules/from-missing-stage-variant.js'
import { df } from '../helpers/dockerfile.js'
import { testRule } from '../helpers/rule-tester.js'

const variants = ['FROM debian:12-slim AS base-debian', 'RUN echo debian', 'FROM alpine:3.19 AS base-alpine', 'RUN echo alpine']

testRule(fromMissingStageVariant, {
  valid: [
    { name: 'the default names a stage', code: df('ARG VARIANT=alpine', ...variants, 'FROM base-${VARIANT}', 'CMD ["sh"]') },
    { name: 'picked by platform (buildkit binaries-$TARGETOS)', code: df('FROM scratch AS binaries-linux', 'COPY a /', 'FROM scratch AS binaries-darwin', 'COPY b /', 'FROM binaries-$TARGETOS AS binaries') },
    { name: 'picked by architecture, with stages for some only', code: df('FROM alpine:3.19 AS build', 'FROM build AS platform-amd64', 'FROM build AS platform-arm64', 'FROM platform-${TARGETARCH}') },
    { name: 'a debug suffix and the platform (buildkit)', code: df('ARG BUILDKIT_DEBUG', 'FROM alpine:3.19 AS buildkit-linux', 'FROM buildkit-linux AS buildkit-linux-debug', 'FROM buildkit-$TARGETOS${BUILDKIT_DEBUG:+-debug} AS buildkit') },
    { name: 'an image reference, not a stage name', code: df('ARG NODE_VERSION=20', 'FROM node:${NODE_VERSION}-alpine AS node-build', 'FROM node:${NODE_VERSION}-slim') },
    { name: 'a registry prefix', code: df('ARG REPO=ghcr.io/acme', 'FROM alpine:3.19 AS app-base', 'FROM ${REPO}/app-runtime:1') },
    { name: 'an ARG without default is undefined-arg-in-from’s business', code: df('ARG VARIANT', ...variants, 'FROM base-${VARIANT}'), parseErrors: true },
    { name: 'a whole-image ARG whose default is an image', code: df('ARG BASE=python:3.12-slim', 'FROM python:3.12 AS python-build', 'FROM ${BASE}') },
    { name: 'true/false switches (moby lint)', code: df('ARG FROM_SOURCE=false', 'FROM scratch AS golangci-binary-false', 'FROM scratch AS golangci-binary-true', 'FROM golangci-binary-${FROM_SOURCE} AS golangci-binary') }
  ],
  invalid: [
    {
      name: 'a variant default that names no stage',
      code: df('ARG VARIANT=slim', ...variants, 'FROM base-${VARIANT}', 'CMD ["sh"]'),
      errors: [{ line: 6, severity: 'warning', message: 'resolves to base-slim with VARIANT=slim (line 1), and no stage has that name (stages: base-debian, base-alpine)' }]
    },
    { name: 'a suffix variant', code: df('ARG MODE=release', 'FROM alpine:3.19 AS debug-build', 'FROM alpine:3.19 AS prod-build', 'FROM ${MODE}-build'), errors: [{ line: 4, message: 'stages: debug-build, prod-build' }] },
    { name: 'a whole-stage ARG whose default is a stage of the family', code: df('ARG RUNTIME=runtime-slim', 'FROM debian:12 AS runtime-full', 'FROM ${RUNTIME}', 'CMD ["true"]'), errors: [{ line: 3, message: 'pulls an image called runtime-slim' }] },
    { name: 'a build arg that names no stage', code: df('ARG VARIANT=alpine', ...variants, 'FROM base-${VARIANT}'), buildArgs: { VARIANT: 'ubuntu' }, errors: [{ line: 6, message: 'base-ubuntu' }] }
  ]
})
