/** base-image-latest: what it reports and what it must leave alone (docs/rules/base-image-latest.md). */
import { baseImageLatest } from '../../src/rules/base-image-latest.js'
import { df } from '../helpers/dockerfile.js'
import { testRule } from '../helpers/rule-tester.js'

testRule(baseImageLatest, {
  valid: [
    { name: 'a sibling image this repository builds itself (base/Dockerfile)', code: df('FROM ghcr.io/acme/base:latest', 'RUN true'), repositoryImages: ['base', 'other'] },
    { name: 'a version tag', code: df('FROM nginx:1.27') },
    { name: 'latest with a digest', code: df(`FROM nginx:latest@sha256:${'a'.repeat(64)}`) },
    { name: 'a distroless -debianNN name at latest', code: df('FROM gcr.io/distroless/static-debian12:latest') },
    { name: 'alpine:latest with packages from edge on purpose', code: df('FROM alpine:latest', 'RUN apk add --no-cache mono --repository https://dl-cdn.alpinelinux.org/alpine/edge/testing') },
    { name: 'alpine:latest with edge written into the repositories', code: df('FROM alpine:latest', 'RUN echo https://dl-cdn.alpinelinux.org/alpine/edge/community >> /etc/apk/repositories && apk add --no-cache emacs') },
    { name: 'latest from an ARG, covered by hadolint ignore on the FROM', code: df('ARG TAG=latest', '# hadolint ignore=DL3007', 'FROM nginx:$TAG') },
    { name: 'latest from an ARG, covered by our ignore on the FROM', code: df('ARG TAG=latest', '# stagecraft-ignore base-image-latest', 'FROM nginx:$TAG') }
  ],
  invalid: [
    { name: 'the same image when the repository does not build it', code: df('FROM ghcr.io/acme/base:latest', 'RUN true'), repositoryImages: ['other'], errors: [{ line: 1 }] },
    { name: 'a Docker Hub official image, even if a folder has its name', code: df('FROM alpine:latest', 'RUN true'), repositoryImages: ['alpine'], errors: [{ line: 1 }] },
    { name: 'FROM alpine:latest', code: df('FROM alpine:latest', 'RUN apk add --no-cache curl'), errors: [{ line: 1, message: 'FROM alpine:latest: latest changes under you; pin a version tag' }] },
    { name: 'latest through an ARG default: at the ARG', code: df('ARG TAG=latest', 'FROM nginx:$TAG'), errors: [{ line: 1, message: 'ARG TAG=latest (used by FROM on line 2)' }] },
    { name: 'a whole reference in an ARG', code: df('ARG BASE=node:latest', 'FROM ${BASE}'), errors: [{ line: 1, message: 'ARG BASE=node:latest (used by FROM on line 2)' }] },
    { name: 'latest given as a build arg: at the FROM', code: df('ARG TAG=1.27', 'FROM nginx:$TAG'), buildArgs: { TAG: 'latest' }, errors: [{ line: 2 }] },
    { name: 'edge packages on another base do not count', code: df('FROM debian:latest', 'RUN echo https://dl-cdn.alpinelinux.org/alpine/edge/main'), errors: [{ line: 1 }] },
    { name: 'distroless without -debianNN at latest', code: df('FROM gcr.io/distroless/cc:latest'), errors: [{ line: 1, message: 'distroless publishes no version tags' }] }
  ]
})
