/** copy-from-untagged: what it reports and what it must leave alone (docs/rules/copy-from-untagged.md). */
import { copyFromUntagged } from '../../src/rules/copy-from-untagged.js'
import { df } from '../helpers/dockerfile.js'
import { testRule } from '../helpers/rule-tester.js'

testRule(copyFromUntagged, {
  valid: [
    { name: 'a stage by name', code: df('FROM golang:1.23 AS build', 'RUN go build -o /app .', 'FROM alpine:3.20', 'COPY --from=build /app /app') },
    { name: 'a stage by index', code: df('FROM golang:1.23', 'RUN go build -o /app .', 'FROM alpine:3.20', 'COPY --from=0 /app /app') },
    // composer's and uv's documented one-liners, pinned.
    { name: 'an image with a tag', code: df('FROM php:8.3-fpm', 'COPY --from=composer:2 /usr/bin/composer /usr/bin/composer') },
    { name: 'an image with a digest', code: df('FROM python:3.12-slim', 'COPY --from=ghcr.io/astral-sh/uv@sha256:cf4eedcaa81655197f625739489effcbe71b61ceb1506f332c3facae5deceded /uv /bin/') },
    { name: 'a mount from a tagged image', code: df('FROM alpine:3.20', 'RUN --mount=from=busybox:1.36,source=/bin,target=/b ls /b') },
    { name: 'the base of FROM is base-image-untagged\'s', code: df('FROM alpine', 'CMD ["sh"]') },
    { name: 'a misspelt stage name is stage-name-typo\'s', code: df('FROM golang:1.23 AS builder', 'FROM alpine:3.20', 'COPY --from=buidler /app /app') },
    { name: 'a variable is copy-from-variable\'s', code: df('ARG SRC=a', 'FROM alpine:3.20 AS a', 'FROM alpine:3.20', 'COPY --from=$SRC /a /a') },
    // awesome-compose: `FROM builder AS dev-envs` with the docker CLI copied in, between the builder and the shipped stage.
    { name: 'in a stage no built target needs', code: df('FROM golang:1.23 AS builder', 'RUN go build -o /app .', 'FROM builder AS dev-envs', 'COPY --from=gloursdocker/docker / /', 'FROM scratch', 'COPY --from=builder /app /app') },
    { name: 'a distroless -debianNN name', code: df('FROM alpine:3.20', 'COPY --from=gcr.io/distroless/static-debian12 /etc/passwd /etc/passwd') }
  ],
  invalid: [
    { name: 'an official image with no tag', code: df('FROM php:8.3-fpm', 'COPY --from=composer /usr/bin/composer /usr/bin/composer'), errors: [{ line: 2, message: 'COPY --from=composer has no tag, so it means :latest and changes under you; pin a version tag' }] },
    { name: 'an official image with no tag, in a file with stages: it may be a lost stage', code: df('FROM composer:2 AS deps', 'RUN composer install', 'FROM php:8.3-fpm', 'COPY --from=composer /usr/bin/composer /usr/bin/composer'), errors: [{ line: 4, message: 'no stage is named composer, so docker build pulls the image docker.io/library/composer:latest' }] },
    // hadolint's DL3022: a name that is no stage.
    { name: 'a name that is no stage', code: df('FROM alpine:3.20 AS base', 'FROM alpine:3.20', 'COPY --from=nosuchstage /a /a'), errors: [{ line: 3, message: 'use one of its names (base)' }] },
    // crazymax/yasu and friends, copied whole.
    { name: 'an image of a user or organisation, no tag', code: df('FROM alpine:3.20', 'COPY --from=crazymax/yasu / /'), errors: [{ line: 2, message: 'COPY --from=crazymax/yasu has no tag, so it means :latest' }] },
    { name: 'a mount from an untagged image', code: df('FROM alpine:3.20', 'RUN --mount=from=busybox,source=/bin,target=/b ls /b'), errors: [{ line: 2, message: 'RUN --mount from=busybox' }] },
    // awesome-compose's dev-envs stages copy the docker CLI from gloursdocker/docker: an environment image.
    { name: 'in a dev environment: info', code: df('FROM node:22 AS dev-envs', 'COPY --from=gloursdocker/docker / /', 'CMD ["bash"]'), errors: [{ line: 2, severity: 'info' }] }
  ]
})
