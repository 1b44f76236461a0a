/** dnf-package-unpinned (opt-in): what it reports and what it must leave alone (docs/rules/dnf-package-unpinned.md). */
import { dnfPackageUnpinned } from '../../src/rules/dnf-package-unpinned.js'
import { df } from '../helpers/dockerfile.js'
import { testRule } from '../helpers/rule-tester.js'

const on = { 'pin-packages': true }

testRule(dnfPackageUnpinned, {
  valid: [
    { name: 'off by default', code: df('FROM fedora:40', 'RUN dnf install -y httpd') },
    { name: 'versions', code: df('FROM fedora:40', 'RUN dnf install -y httpd-2.4.62 git-2.46.0-1.fc40'), options: on },
    { name: 'a module stream', code: df('FROM fedora:40', 'RUN dnf module install -y nodejs:20'), options: on },
    { name: 'tdnf and microdnf with versions', code: df('FROM mcr.microsoft.com/azurelinux/base/core:3.0', 'RUN tdnf install -y tzdata-2024a', 'RUN microdnf install -y jq-1.7.1'), options: on }
  ],
  invalid: [
    { name: 'dnf install without versions', code: df('FROM fedora:40', 'RUN dnf install -y httpd'), options: on, errors: [{ line: 2, message: 'dnf install httpd without a version' }] },
    { name: 'tdnf (Azure Linux)', code: df('FROM mcr.microsoft.com/azurelinux/base/core:3.0', 'RUN tdnf install -y ca-certificates glibc && tdnf clean all'), options: on, errors: [{ line: 2, message: 'tdnf install ca-certificates, glibc' }] },
    { name: 'a module without a stream', code: df('FROM fedora:40', 'RUN dnf module install -y nodejs'), options: on, errors: [{ line: 2, message: 'dnf module install nodejs' }] }
  ]
})
