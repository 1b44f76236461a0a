/** base-image-untagged: what it reports and what it must leave alone (docs/rules/base-image-untagged.md). */
import { baseImageUntagged } from '../../src/rules/base-image-untagged.js'
import { df } from '../helpers/dockerfile.js'
import { testRule } from '../helpers/rule-tester.js'

testRule(baseImageUntagged, {
  valid: [
    { name: 'a sibling image this repository builds itself (wine/Dockerfile)', code: df('FROM r.j3ss.co/wine', 'RUN wine --version'), repositoryImages: ['wine', 'other'] },
    { name: 'tagged, digest-pinned, scratch and stages', code: df('FROM alpine:3.20 AS a', `FROM alpine@sha256:${'c'.repeat(64)}`, 'FROM scratch', 'FROM a') },
    { name: 'a tag from an ARG default', code: df('ARG V=3.20', 'FROM alpine:${V}') },
    { name: 'an image from an ARG without default (not knowable)', code: df('ARG IMG', 'FROM ${IMG}') },
    { name: 'a distroless -debianNN name (distroless has no version tags)', code: df('FROM golang:1.22 AS build', 'FROM gcr.io/distroless/static-debian12', 'COPY --from=build /app /app') },
    { name: 'an untagged default covered by hadolint ignore on the FROM', code: df('ARG BASE=node', '# hadolint ignore=DL3006', 'FROM $BASE', 'RUN true') },
    { name: 'and by our own ignore on the FROM', code: df('ARG BASE=node', '# stagecraft-ignore base-image-untagged', 'FROM $BASE', 'RUN true') },
    { name: 'alpine with packages from edge on purpose', code: df('FROM alpine', 'RUN apk add --no-cache emacs --repository http://dl-cdn.alpinelinux.org/alpine/edge/community') }
  ],
  invalid: [
    {
      // docker-credential-helpers: the releaser renames the binaries; only its /out is copied into the release.
      name: 'a build stage that only moves files: info, with why',
      code: df('FROM golang:1.22 AS build', 'RUN go build -o /out/app .', 'FROM alpine AS releaser', 'RUN --mount=from=build,source=/out,target=/in <<EOT', '  set -e', '  mkdir /out', '  version="$(cat /in/.version)"', '  for f in /in/*; do cp "$f" "/out/$(basename "$f")-${version}"; done', 'EOT', 'FROM scratch', 'COPY --from=releaser /out/ /'),
      errors: [{ line: 3, severity: 'info', message: 'this build stage only moves files' }]
    },
    { name: 'a build stage that runs a real tool keeps the warning', code: df('FROM alpine AS pack', 'RUN apk add --no-cache zip && zip -r /out.zip /etc', 'FROM scratch', 'COPY --from=pack /out.zip /'), errors: [{ line: 1, severity: 'warning' }] },
    { name: 'a shipped stage that only moves files keeps the warning: its base ships', code: df('FROM alpine', 'RUN mkdir /app'), errors: [{ line: 1, severity: 'warning' }] },
    { name: 'the same image when the repository does not build it', code: df('FROM r.j3ss.co/wine', 'RUN wine --version'), repositoryImages: ['other'], errors: [{ line: 1 }] },
    { name: 'a Docker Hub official image, even if a folder has its name', code: df('FROM alpine', 'RUN true'), repositoryImages: ['alpine'], errors: [{ line: 1 }] },
    { name: 'no tag on an official image', code: df('FROM ubuntu', 'RUN true'), errors: [{ line: 1, message: 'FROM ubuntu has no tag, so it means :latest and changes under you; pin a version tag' }] },
    { name: 'another publisher: a tag if it has them, or a digest', code: df('FROM mhart/alpine-node', 'RUN true'), errors: [{ line: 1, message: 'pin a version tag if mhart/alpine-node publishes them, or a digest' }] },
    {
      name: 'distroless without -debianNN: the Debian name and a digest, never a version tag',
      code: df('FROM golang:1.22 AS build', 'FROM gcr.io/distroless/static', 'COPY --from=build /app /app'),
      errors: [{ line: 2, message: 'use gcr.io/distroless/static-debian12 to fix the release, and a digest (@sha256:…)' }]
    },
    {
      name: 'from an ARG default: at the ARG, naming the FROM',
      code: df('ARG BASE=node', 'FROM $BASE', 'RUN true', 'FROM ${BASE} AS other'),
      errors: [
        { line: 1, message: 'ARG BASE=node (used by FROM on line 2) has no tag' },
        { line: 1, message: 'ARG BASE=node (used by FROM on line 4) has no tag' }
      ]
    },
    { name: 'an ignore on one FROM leaves the other', code: df('ARG BASE=node', '# hadolint ignore=DL3006', 'FROM $BASE', 'FROM $BASE AS b'), errors: [{ line: 1, message: 'line 4' }] },
    { name: 'a registry from an ARG: the FROM line lacks the tag', code: df('ARG REGISTRY=ghcr.io', 'FROM $REGISTRY/owner/app'), errors: [{ line: 2 }] }
  ]
})
