/** stage-name-typo: what it reports and what it must leave alone (docs/rules/stage-name-typo.md). */
import { stageNameTypo } from '../../src/rules/stage-name-typo.js'
import { df } from '../helpers/dockerfile.js'
import { testRule } from '../helpers/rule-tester.js'

testRule(stageNameTypo, {
  valid: [
    { name: 'real images with tags or paths', code: df('FROM golang:1.22 AS builder', 'FROM alpine:3', 'COPY --from=busybox:1 /bin/sh /sh', 'COPY --from=builder /a /a') },
    { name: 'a bare image name far from every stage', code: df('FROM node:20 AS deps', 'FROM nginx', 'COPY --from=deps /a /a') }
  ],
  invalid: [
    { name: 'COPY --from with a typo', code: df('FROM golang:1.22 AS builder', 'FROM scratch', 'COPY --from=buidler /a /a'), errors: [{ line: 3, message: 'did you mean builder?' }] },
    { name: 'FROM with a typo', code: df('FROM node:20 AS base', 'FROM bsae'), errors: [{ line: 2, message: 'did you mean base?' }] }
  ]
})
