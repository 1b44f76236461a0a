/** base-image-untagged: what it reports and what it must leave alone (docs/rules/base-image-untagged.md). */
import { baseImageUntagged } from '../../src/rules/base-image-untagged.js'
import { df } from '../helpers/dockerfile.js'
import { testRule } from '../helpers/rule-tester.js'

testRule(baseImageUntagged, {
  valid: [
    { name: 'tagged, digest-pinned, scratch and stages', code: df('FROM alpine:3.20 AS a', `FROM alpine@sha256:${'c'.repeat(64)}`, 'FROM scratch', 'FROM a') },
    { name: 'a tag from an ARG default', code: df('ARG V=3.20', 'FROM alpine:${V}') },
    { name: 'an image from an ARG without default (not knowable)', code: df('ARG IMG', 'FROM ${IMG}') }
  ],
  invalid: [{ name: 'no tag', code: df('FROM ubuntu', 'RUN true'), errors: [{ line: 1 }] }]
})
