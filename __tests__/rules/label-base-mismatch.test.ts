/** label-base-mismatch: what it reports and what it must leave alone (docs/rules/label-base-mismatch.md). */
import { labelBaseMismatch } from '../../src/rules/label-base-mismatch.js'
import { df } from '../helpers/dockerfile.js'
import { labelSchema } from '../helpers/labels.js'
import { testRule } from '../helpers/rule-tester.js'

const oci = labelSchema({}, { oci: true })
const digest = `sha256:${'b'.repeat(64)}`

testRule(labelBaseMismatch, {
  valid: [
    { name: 'the same image, short and long names', labels: oci, code: df('FROM node:20-slim', 'LABEL org.opencontainers.image.base.name=docker.io/library/node:20-slim') },
    { name: 'the same image written alike', labels: oci, code: df('FROM ghcr.io/org/base:1', 'LABEL org.opencontainers.image.base.name=ghcr.io/org/base:1') },
    { name: 'the digest the FROM pins', labels: oci, code: df(`FROM debian:12@${digest}`, `LABEL org.opencontainers.image.base.digest=${digest}`) },
    { name: 'from a build argument', labels: oci, code: df('FROM node:20', 'ARG BASE', 'LABEL org.opencontainers.image.base.name=$BASE') },
    { name: 'labels not configured: off', code: df('FROM node:22', 'LABEL org.opencontainers.image.base.name=node:20') }
  ],
  invalid: [
    { name: 'a base bumped without its label', labels: oci, code: df('FROM node:22-slim', 'LABEL org.opencontainers.image.base.name=node:20-slim'), errors: [{ line: 2, severity: 'warning', message: 'set it to "docker.io/library/node:22-slim"' }] },
    { name: 'another digest', labels: oci, code: df(`FROM debian:12@${digest}`, `LABEL org.opencontainers.image.base.digest=sha256:${'c'.repeat(64)}`), errors: [{ line: 2, message: `set it to "${digest}"` }] },
    { name: 'the root of a stage chain', labels: oci, code: df('FROM python:3.12 AS base', 'FROM base', 'LABEL org.opencontainers.image.base.name=python:3.11'), errors: [{ line: 3, message: 'python:3.12' }] }
  ]
})
