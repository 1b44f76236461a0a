/** tls-verification-disabled: what it reports and what it must leave alone (docs/rules/tls-verification-disabled.md). */
import { tlsVerificationDisabled } from '../../src/rules/tls-verification-disabled.js'
import { df } from '../helpers/dockerfile.js'
import { testRule } from '../helpers/rule-tester.js'

testRule(tlsVerificationDisabled, {
  valid: [
    { name: 'curl with its usual flags, and -K (a config file)', code: df('FROM debian:12', 'RUN curl -fsSL https://example.com/a -o /a && curl -K /etc/curlrc https://example.com/b') },
    { name: 'curl -H k: the k is the header', code: df('FROM debian:12', 'RUN curl -Hk https://example.com/a') },
    { name: 'a private CA given to each tool', code: df('FROM node:20', 'ENV NODE_EXTRA_CA_CERTS=/etc/ssl/ca.pem', 'RUN curl --cacert /etc/ssl/ca.pem -fsSLO https://example.com/a && npm config set cafile /etc/ssl/ca.pem && pip install --cert /etc/ssl/ca.pem x') },
    { name: 'the words elsewhere', code: df('FROM debian:12', 'RUN echo "curl -k is bad" && grep -r insecure /etc || true', 'ENV NODE_TLS_REJECT_UNAUTHORIZED=1 PYTHONHTTPSVERIFY=1') },
    { name: 'sslverify=1 and strict-ssl true', code: df('FROM fedora:40', 'RUN dnf --setopt=sslverify=1 install -y x && npm config set strict-ssl true') }
  ],
  invalid: [
    { name: 'curl -k and grouped -fsSLk', code: df('FROM debian:12', 'RUN curl -k https://example.com/a', 'RUN curl -fsSLk https://example.com/b | sh'), errors: [{ line: 2, message: 'curl -k (--insecure)' }, { line: 3, message: 'curl -k' }] },
    { name: 'wget --no-check-certificate in a build stage', code: df('FROM debian:12 AS fetch', 'RUN wget --no-check-certificate https://example.com/a', 'FROM scratch', 'COPY --from=fetch /a /a'), errors: [{ line: 2, message: 'wget --no-check-certificate' }] },
    { name: 'pip --trusted-host and PIP_TRUSTED_HOST', code: df('FROM python:3.12', 'ENV PIP_TRUSTED_HOST=pypi.example.com', 'RUN pip install --trusted-host pypi.example.com -i http://pypi.example.com/simple app'), errors: [{ line: 2, message: 'PIP_TRUSTED_HOST' }, { line: 3, message: 'pip --trusted-host' }] },
    { name: 'Node and Python switches in ENV and ARG', code: df('FROM node:20', 'ARG NODE_TLS_REJECT_UNAUTHORIZED=0', 'ENV PYTHONHTTPSVERIFY=0'), errors: [{ line: 2, message: 'NODE_TLS_REJECT_UNAUTHORIZED=0' }, { line: 3, message: 'PYTHONHTTPSVERIFY=0' }] },
    { name: 'npm strict-ssl false, npm_config_strict_ssl', code: df('FROM node:20', 'RUN npm config set strict-ssl false && npm ci', 'ENV npm_config_strict_ssl=false'), errors: [{ line: 2, message: 'npm strict-ssl false' }, { line: 3, message: 'npm_config_strict_ssl' }] },
    { name: 'git: GIT_SSL_NO_VERIFY inline and http.sslVerify false', code: df('FROM alpine/git', 'RUN GIT_SSL_NO_VERIFY=1 git clone https://example.com/r.git', 'RUN git config --global http.sslVerify false', 'RUN git -c http.sslverify=false clone https://example.com/s.git'), errors: [{ line: 2, message: 'GIT_SSL_NO_VERIFY' }, { line: 3, message: 'http.sslVerify false' }, { line: 4 }] },
    { name: 'sslverify=0 for dnf and in a repo file', code: df('FROM fedora:40', 'RUN dnf --setopt=sslverify=0 install -y x', 'RUN printf "[r]\\nbaseurl=https://example.com\\nsslverify=0\\n" > /etc/yum.repos.d/r.repo'), errors: [{ line: 2, message: 'dnf --setopt=sslverify=0' }, { line: 3, message: 'sslverify=0 in a repository file' }] },
    { name: 'export in a RUN', code: df('FROM node:20', 'RUN export NODE_TLS_REJECT_UNAUTHORIZED=0 && npm ci'), errors: [{ line: 2 }] }
  ]
})
