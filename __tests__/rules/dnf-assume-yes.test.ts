/** dnf-assume-yes: what it reports and what it must leave alone (docs/rules/dnf-assume-yes.md). */
import { dnfAssumeYes } from '../../src/rules/dnf-assume-yes.js'
import { df } from '../helpers/dockerfile.js'
import { testRule } from '../helpers/rule-tester.js'

testRule(dnfAssumeYes, {
  valid: [
    { name: '-y, --assumeyes, dnf -y update', code: df('FROM fedora:40', 'RUN dnf install -y httpd', 'RUN dnf --assumeyes install git', 'RUN dnf -y update && dnf -y clean all') },
    { name: 'tdnf with -y (Azure Linux)', code: df('FROM mcr.microsoft.com/azurelinux/base/core:3.0', 'RUN tdnf install -y ca-certificates && tdnf clean all') },
    { name: 'microdnf never asks', code: df('FROM registry.access.redhat.com/ubi9/ubi-minimal', 'RUN microdnf install httpd && microdnf clean all') },
    { name: 'assumeyes=True in dnf.conf first', code: df('FROM fedora:40', 'RUN echo "assumeyes=True" >> /etc/dnf/dnf.conf', 'RUN dnf install httpd') },
    { name: 'commands that do not ask', code: df('FROM fedora:40', 'RUN dnf makecache && dnf clean all && dnf module list && dnf repolist') }
  ],
  invalid: [
    { name: 'dnf install without -y', code: df('FROM fedora:40', 'RUN dnf install httpd'), errors: [{ line: 2, message: 'dnf install without -y' }] },
    { name: 'tdnf install without -y', code: df('FROM mcr.microsoft.com/azurelinux/base/core:3.0', 'RUN tdnf install ca-certificates'), errors: [{ line: 2, message: 'tdnf install' }] },
    { name: 'dnf module enable, dnf upgrade', code: df('FROM fedora:40', 'RUN dnf module enable nodejs:20', 'RUN dnf upgrade'), errors: [{ line: 2, message: 'dnf module enable' }, { line: 3 }] },
    { name: 'in a build stage', code: df('FROM fedora:40 AS build', 'RUN dnf install gcc', 'FROM scratch', 'COPY --from=build /x /x'), errors: [{ line: 2 }] }
  ]
})
