/** label-missing: what it reports and what it must leave alone (docs/rules/label-missing.md). */
import { labelMissing } from '../../src/rules/label-missing.js'
import { df } from '../helpers/dockerfile.js'
import { labelSchema } from '../helpers/labels.js'
import { testRule } from '../helpers/rule-tester.js'

const labels = labelSchema({ foo: 'text' })
const oci = labelSchema({}, { oci: true })
const ociPresent = ['org.opencontainers.image.source=https://a.example', 'org.opencontainers.image.revision=$REV', 'org.opencontainers.image.licenses=MIT']

testRule(labelMissing, {
  valid: [
    { name: 'present', labels, code: df('FROM alpine:3.20', 'LABEL foo=bar') },
    { name: 'inherited from the stage the image is built from', labels, code: df('FROM alpine:3.20 AS base', 'LABEL foo=bar', 'FROM base') },
    { name: 'only the shipped image must have it, not a build stage', labels, code: df('FROM golang:1.22 AS build', 'RUN go build -o /app .', 'FROM alpine:3.20', 'COPY --from=build /app /app', 'LABEL foo=bar') },
    { name: 'no label schema: off', code: df('FROM alpine:3.20') },
    { name: 'a scratch image has no base to name', labels: oci, code: df('FROM scratch', 'ARG REV', `LABEL ${ociPresent.join(' ')}`) },
    { name: 'an image built for a dev environment does not ship', labels, code: df('FROM node:20 AS dev', 'CMD ["npm", "run", "dev"]'), target: 'dev' }
  ],
  invalid: [
    { name: 'no label', labels, code: df('FROM alpine:3.20'), errors: [{ line: 1, severity: 'warning', message: 'the shipped image has no label foo' }] },
    { name: 'another label', labels, code: df('FROM alpine:3.20', 'LABEL bar=baz'), errors: [{ line: 1, message: 'add LABEL foo="…"' }] },
    { name: 'in the parent only when the shipped stage is its own', labels, code: df('FROM alpine:3.20', 'LABEL foo=bar', 'FROM alpine:3.20'), errors: [{ line: 3 }] },
    { name: 'the OCI base-image labels: the value the FROM gives', labels: oci, code: df('FROM node:20-slim', 'ARG REV', `LABEL ${ociPresent.join(' ')}`), errors: [{ line: 1, message: 'org.opencontainers.image.base.name="docker.io/library/node:20-slim"' }] },
    { name: 'the OCI base digest when the FROM pins one', labels: oci, code: df(`FROM ghcr.io/org/base:1.2@sha256:${'a'.repeat(64)}`, 'ARG REV', `LABEL ${ociPresent.join(' ')}`), errors: [{ line: 1, message: `org.opencontainers.image.base.digest="sha256:${'a'.repeat(64)}"` }] },
    { name: 'no digest to give: pin the FROM', labels: oci, code: df('FROM debian:12', 'ARG REV', `LABEL ${ociPresent.join(' ')} org.opencontainers.image.base.name=docker.io/library/debian:12`), errors: [{ line: 1, message: 'the FROM names no digest: pin it, FROM debian:12@sha256:…' }] },
    { name: 'the root image of a chain of stages', labels: oci, code: df('FROM python:3.12-slim AS base', 'FROM base', 'ARG REV', `LABEL ${ociPresent.join(' ')}`), errors: [{ line: 2, message: 'base.name="docker.io/library/python:3.12-slim"' }] }
  ]
})
