/** untrusted-registry: what it reports and what it must leave alone (docs/rules/untrusted-registry.md). */
import { untrustedRegistry } from '../../src/rules/untrusted-registry.js'
import { df } from '../helpers/dockerfile.js'
import { testRule } from '../helpers/rule-tester.js'

const trusted = { 'trusted-registries': ['docker.io', 'ghcr.io'] }

testRule(untrustedRegistry, {
  valid: [
    { name: 'not configured: silent', code: df('FROM quay.io/a/b:1') },
    { name: 'Docker Hub short names and ghcr', code: df('FROM node:20 AS a', 'FROM ghcr.io/o/r:1', 'COPY --from=a /x /x', 'COPY --from=bitnami/redis:7 /y /y'), options: trusted }
  ],
  invalid: [
    {
      name: 'FROM, COPY --from and mounts from other registries',
      code: df('FROM quay.io/a/b:1', 'COPY --from=mcr.microsoft.com/x:1 /x /x', 'RUN --mount=from=registry.example.com/t:1,target=/t true'),
      options: trusted,
      errors: [{ line: 1, message: 'quay.io' }, { line: 2, message: 'COPY --from' }, { line: 3, message: 'RUN --mount from' }]
    }
  ]
})
