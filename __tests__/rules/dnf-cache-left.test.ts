/** dnf-cache-left: what it reports and what it must leave alone (docs/rules/dnf-cache-left.md). */
import { dnfCacheLeft } from '../../src/rules/dnf-cache-left.js'
import { df } from '../helpers/dockerfile.js'
import { testRule } from '../helpers/rule-tester.js'

testRule(dnfCacheLeft, {
  valid: [
    { name: 'dnf clean all and dnf -y clean all', code: df('FROM fedora:40', 'RUN dnf install -y httpd && dnf clean all', 'RUN dnf -y install git && dnf -y clean all') },
    { name: 'tdnf clean all (Azure Linux)', code: df('FROM mcr.microsoft.com/azurelinux/base/core:3.0', 'RUN tdnf install -y ca-certificates tzdata \\', '    && tdnf clean all') },
    { name: 'microdnf clean all, and rm of the cache', code: df('FROM registry.access.redhat.com/ubi9/ubi-minimal', 'RUN microdnf install -y httpd && microdnf clean all', 'RUN microdnf install -y git && rm -rf /var/cache/yum') },
    { name: 'a cache mount', code: df('FROM fedora:40', 'RUN --mount=type=cache,target=/var/cache/dnf dnf install -y httpd') },
    { name: 'in a build stage', code: df('FROM fedora:40 AS build', 'RUN dnf install -y gcc', 'FROM scratch', 'COPY --from=build /x /x') }
  ],
  invalid: [
    { name: 'dnf without clean', code: df('FROM fedora:40', 'RUN dnf install -y httpd'), errors: [{ line: 2, message: 'dnf clean all' }] },
    { name: 'microdnf without clean (Trivy DS-0027)', code: df('FROM registry.access.redhat.com/ubi9/ubi-minimal', 'RUN microdnf install -y httpd'), errors: [{ line: 2, message: 'microdnf clean all' }] },
    { name: 'tdnf cleaned before its last install', code: df('FROM mcr.microsoft.com/azurelinux/base/core:3.0', 'RUN tdnf clean all && tdnf install -y git'), errors: [{ line: 2, message: '/var/cache/tdnf' }] },
    { name: 'one program cleaned, the other not', code: df('FROM fedora:40', 'RUN dnf install -y microdnf && dnf clean all && microdnf install -y jq'), errors: [{ line: 2, message: 'microdnf' }] }
  ]
})
