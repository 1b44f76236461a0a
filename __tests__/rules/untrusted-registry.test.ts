/** untrusted-registry: what it reports and what it must leave alone (docs/rules/untrusted-registry.md). */
import { untrustedRegistry } from '../../src/rules/untrusted-registry.js'
import { df } from '../helpers/dockerfile.js'
import { testRule } from '../helpers/rule-tester.js'

const trusted = { 'trusted-registries': ['docker.io', 'ghcr.io'] }

testRule(untrustedRegistry, {
  valid: [
    { name: 'not configured: silent', code: df('FROM quay.io/a/b:1') },
    { name: 'Docker Hub short names and ghcr', code: df('FROM node:20 AS a', 'FROM ghcr.io/o/r:1', 'COPY --from=a /x /x', 'COPY --from=bitnami/redis:7 /y /y'), options: trusted },
    { name: 'a subdomain wildcard, as hadolint writes them', code: df('FROM eu.gcr.io/p/a:1 AS a', 'FROM us.gcr.io/p/b:1', 'COPY --from=a /x /x'), options: { 'trusted-registries': ['*.gcr.io'] } },
    { name: 'a prefix wildcard', code: df('FROM registry.acme.internal/base:1'), options: { 'trusted-registries': ['registry.acme.*'] } }
  ],
  invalid: [
    {
      name: 'FROM, COPY --from and mounts from other registries',
      code: df('FROM quay.io/a/b:1', 'COPY --from=mcr.microsoft.com/x:1 /x /x', 'RUN --mount=from=registry.example.com/t:1,target=/t true'),
      options: trusted,
      errors: [{ line: 1, message: 'quay.io' }, { line: 2, message: 'COPY --from' }, { line: 3, message: 'RUN --mount from' }]
    },
    {
      name: 'a subdomain wildcard does not trust the bare domain, nor a host that only ends alike',
      code: df('FROM gcr.io/p/a:1 AS a', 'FROM evilgcr.io/p/b:1', 'COPY --from=a /x /x'),
      options: { 'trusted-registries': ['*.gcr.io'] },
      errors: [{ line: 1, message: 'gcr.io' }, { line: 2, message: 'evilgcr.io' }]
    }
  ]
})
