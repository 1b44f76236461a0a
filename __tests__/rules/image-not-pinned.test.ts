/** image-not-pinned: what it reports and what it must leave alone (docs/rules/image-not-pinned.md). */
import { imageNotPinned } from '../../src/rules/image-not-pinned.js'
import { df } from '../helpers/dockerfile.js'
import { testRule } from '../helpers/rule-tester.js'

const DIGEST = 'sha256:' + 'd'.repeat(64)

testRule(imageNotPinned, {
  valid: [
    { name: 'not opted in: silent', code: df('FROM node:20') },
    { name: 'pinned images, stages and scratch', code: df(`FROM node:20@${DIGEST} AS a`, 'FROM scratch', 'COPY --from=a /x /x'), options: { 'pin-digests': true } }
  ],
  invalid: [{ name: 'a tag only', code: df('FROM node:20', 'COPY --from=busybox:1 /bin/sh /sh'), options: { 'pin-digests': true }, errors: [{ line: 1 }, { line: 2 }] }]
})
