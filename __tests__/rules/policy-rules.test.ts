import { describe, expect, it } from '@jest/globals'
import { registryOf } from '../../src/rules/helpers.js'
import { imageNotPinned } from '../../src/rules/image-not-pinned.js'
import { untrustedRegistry } from '../../src/rules/untrusted-registry.js'
import { df } from '../helpers/dockerfile.js'
import { testRule } from '../helpers/rule-tester.js'

const DIGEST = 'sha256:' + 'd'.repeat(64)
const trusted = { trustedRegistries: ['docker.io', 'ghcr.io'] }

testRule(untrustedRegistry, {
  valid: [
    { name: 'not configured: silent', code: df('FROM quay.io/a/b:1') },
    { name: 'Docker Hub short names and ghcr', code: df('FROM node:20 AS a', 'FROM ghcr.io/o/r:1', 'COPY --from=a /x /x', 'COPY --from=bitnami/redis:7 /y /y'), settings: trusted }
  ],
  invalid: [
    {
      name: 'FROM, COPY --from and mounts from other registries',
      code: df('FROM quay.io/a/b:1', 'COPY --from=mcr.microsoft.com/x:1 /x /x', 'RUN --mount=from=registry.example.com/t:1,target=/t true'),
      settings: trusted,
      errors: [{ line: 1, message: 'quay.io' }, { line: 2, message: 'COPY --from' }, { line: 3, message: 'RUN --mount from' }]
    }
  ]
})

testRule(imageNotPinned, {
  valid: [
    { name: 'not opted in: silent', code: df('FROM node:20') },
    { name: 'pinned images, stages and scratch', code: df(`FROM node:20@${DIGEST} AS a`, 'FROM scratch', 'COPY --from=a /x /x'), settings: { pinDigests: true } }
  ],
  invalid: [{ name: 'a tag only', code: df('FROM node:20', 'COPY --from=busybox:1 /bin/sh /sh'), settings: { pinDigests: true }, errors: [{ line: 1 }, { line: 2 }] }]
})

describe('registryOf', () => {
  it('normalises Docker Hub', () => {
    expect(['node', 'library/node:20', 'docker.io/node', 'index.docker.io/x/y', 'GHCR.io/o/r', 'localhost:5000/a'].map(registryOf)).toEqual([
      'docker.io',
      'docker.io',
      'docker.io',
      'docker.io',
      'ghcr.io',
      'localhost:5000'
    ])
  })
})
