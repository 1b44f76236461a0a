/** signature-check-disabled: what it reports and what it must leave alone (docs/rules/signature-check-disabled.md). */
import { signatureCheckDisabled } from '../../src/rules/signature-check-disabled.js'
import { df } from '../helpers/dockerfile.js'
import { testRule } from '../helpers/rule-tester.js'

testRule(signatureCheckDisabled, {
  valid: [
    { name: 'signed repositories', code: df('FROM debian:12', 'RUN apt-get update && apt-get install -y curl', 'RUN echo "deb [signed-by=/usr/share/keyrings/x.gpg] https://example.com/apt stable main" > /etc/apt/sources.list.d/x.list') },
    { name: 'a locally built package that no RUN downloads', code: df('FROM alpine:3.20', 'COPY --from=build /home/builder/packages/x.apk /tmp/', 'RUN apk add --allow-untrusted /tmp/x.apk'), parseErrors: true },
    { name: 'gpgcheck=1', code: df('FROM fedora:40', 'RUN printf "[r]\\ngpgcheck=1\\n" > /etc/yum.repos.d/r.repo && dnf install -y x') },
    { name: 'the words elsewhere', code: df('FROM debian:12', 'RUN echo "never use --nogpgcheck or --allow-untrusted"') }
  ],
  invalid: [
    { name: 'apk --allow-untrusted from a repository', code: df('FROM alpine:3.20', 'RUN apk add --no-cache --allow-untrusted --repository https://example.com/alpine x'), errors: [{ line: 2, message: 'apk --allow-untrusted' }] },
    { name: 'a downloaded .apk', code: df('FROM alpine:3.20', 'RUN wget -q https://example.com/x.apk && apk add --allow-untrusted x.apk'), errors: [{ line: 2 }] },
    { name: 'apt-get --allow-unauthenticated and --force-yes', code: df('FROM debian:12', 'RUN apt-get install -y --allow-unauthenticated x', 'RUN apt-get install -y --force-yes y'), errors: [{ line: 2, message: '--allow-unauthenticated' }, { line: 3, message: '--force-yes' }] },
    { name: '[trusted=yes] in a sources entry', code: df('FROM debian:12', 'RUN echo "deb [trusted=yes] http://example.com/apt ./" > /etc/apt/sources.list.d/x.list'), errors: [{ line: 2, message: '[trusted=yes]' }] },
    { name: '--nogpgcheck and gpgcheck=0, in a build stage', code: df('FROM fedora:40 AS b', 'RUN dnf install -y --nogpgcheck https://example.com/x.rpm', 'RUN printf "[r]\\ngpgcheck=0\\n" > /etc/yum.repos.d/r.repo', 'FROM scratch', 'COPY --from=b /x /x'), errors: [{ line: 2, message: 'dnf --nogpgcheck' }, { line: 3, message: 'gpgcheck=0' }] },
    { name: 'rpm --nosignature, zypper --no-gpg-checks', code: df('FROM opensuse/leap:15.6', 'RUN rpm -i --nosignature /tmp/x.rpm', 'RUN zypper --no-gpg-checks -n install x'), errors: [{ line: 2, message: 'rpm --nosignature' }, { line: 3, message: 'zypper --no-gpg-checks' }] }
  ]
})
