/** Rules over the stage graph's problems; the graph tests cover resolution itself. */
import { copyFromVariable } from '../../src/rules/copy-from-variable.js'
import { duplicateStageName } from '../../src/rules/duplicate-stage-name.js'
import { invalidStageName } from '../../src/rules/invalid-stage-name.js'
import { parseError } from '../../src/rules/parse-error.js'
import { stageForwardReference } from '../../src/rules/stage-forward-reference.js'
import { stageIndexOutOfRange } from '../../src/rules/stage-index-out-of-range.js'
import { stageSelfReference } from '../../src/rules/stage-self-reference.js'
import { stageNameTypo } from '../../src/rules/stage-name-typo.js'
import { unknownTarget } from '../../src/rules/unknown-target.js'
import { df } from '../helpers/dockerfile.js'
import { testRule } from '../helpers/rule-tester.js'

testRule(parseError, {
  valid: [
    { name: 'a clean multi-stage file', code: df('FROM golang:1.22 AS b', 'RUN go build', 'FROM scratch', 'COPY --from=b /a /a') },
    { name: 'a shell test that starts with [', code: df('FROM alpine', 'RUN [ -f /x ] || touch /x') }
  ],
  invalid: [{ name: 'exec form with single quotes', code: df('FROM alpine', "CMD ['sh']"), errors: [{ line: 2, severity: 'error' }] }]
})

testRule(stageForwardReference, {
  valid: [{ name: 'copy from an earlier stage', code: df('FROM alpine AS a', 'FROM alpine', 'COPY --from=a /x /x') }],
  invalid: [
    { name: 'copy from a later stage', code: df('FROM alpine', 'COPY --from=b /x /x', 'FROM alpine AS b'), errors: [{ line: 2, message: 'defined later (line 3)' }] },
    { name: 'mount from a later stage', code: df('FROM alpine', 'RUN --mount=from=b,target=/b true', 'FROM alpine AS b'), errors: [{ line: 2 }] }
  ]
})

testRule(stageSelfReference, {
  valid: [{ name: 'FROM node AS node pulls the image', code: df('FROM node:20 AS node', 'RUN npm ci') }],
  invalid: [{ name: 'copy from its own stage by name', code: df('FROM alpine AS a', 'COPY --from=a /x /y'), errors: [{ line: 2 }] }]
})

testRule(stageIndexOutOfRange, {
  valid: [{ name: 'an index of an earlier stage', code: df('FROM alpine', 'FROM alpine', 'COPY --from=0 /x /x') }],
  invalid: [{ name: 'an index past the last stage', code: df('FROM alpine', 'FROM alpine', 'COPY --from=5 /x /x'), errors: [{ line: 3, message: 'no stage 5' }] }]
})

testRule(copyFromVariable, {
  valid: [{ name: 'an image named through a global ARG stage', code: df('ARG IMG=alpine:3', 'FROM $IMG AS img', 'FROM scratch', 'COPY --from=img /x /x') }],
  invalid: [{ name: 'COPY --from=$VAR', code: df('ARG IMG=alpine:3', 'FROM scratch', 'COPY --from=$IMG /x /x'), errors: [{ line: 3 }] }]
})

testRule(duplicateStageName, {
  valid: [{ name: 'distinct names', code: df('FROM alpine AS a', 'FROM alpine AS b') }],
  invalid: [{ name: 'same name in another case', code: df('FROM alpine AS build', 'FROM alpine AS BUILD'), errors: [{ line: 2, message: 'line 1' }] }]
})

testRule(invalidStageName, {
  valid: [{ name: 'dots, dashes and underscores', code: df('FROM alpine AS a.b-c_d') }],
  invalid: [{ name: 'a slash', code: df('FROM alpine AS arm/v7'), errors: [{ line: 1 }] }]
})

testRule(unknownTarget, {
  valid: [{ name: 'an existing target', code: df('FROM alpine AS prod'), target: 'prod' }],
  invalid: [{ name: 'a missing target', code: df('FROM alpine AS production'), target: 'prod', errors: [{ line: 1, message: 'stages: production' }] }]
})

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
