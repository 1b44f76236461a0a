/** run-cd: what it reports and what it must leave alone (docs/rules/run-cd.md). */
import { runCd } from '../../src/rules/run-cd.js'
import { df } from '../helpers/dockerfile.js'
import { testRule } from '../helpers/rule-tester.js'

testRule(runCd, {
  valid: [
    { name: 'WORKDIR', code: df('FROM alpine:3', 'WORKDIR /src', 'RUN make') },
    { name: 'cd into a scratch directory', code: df('FROM debian:12', 'RUN cd /tmp && curl -sSOL https://example.com/x.tar.xz && tar -xf x.tar.xz && rm x.tar.xz') },
    { name: 'cd into a new temporary directory', code: df('FROM debian:12', 'RUN cd "$(mktemp -d)" && curl -fsSLO https://example.com/x.deb && dpkg -i x.deb') },
    { name: 'cd into a directory the RUN removes', code: df('FROM debian:12', 'RUN cd /usr/src/tool && make && make install && cd / && rm -rf /usr/src/tool') },
    { name: 'cd into a directory the RUN empties', code: df('FROM debian:12', 'RUN cd /usr/src && wget -O /tmp/x.deb https://example.com/x.deb && dpkg -i /tmp/x.deb && rm -rf /usr/src/* /tmp/x.deb') },
    { name: 'cd later in the RUN, after creating the directory', code: df('FROM golang:1.22', 'RUN git clone https://example.com/x.git /go/src/x && cd /go/src/x && go build') },
    { name: 'a lone cd', code: df('FROM alpine:3', 'RUN cd /src') },
    { name: 'a relative cd: a step inside the WORKDIR the next instructions still want', code: df('FROM node:20', 'WORKDIR /go/src/consul', 'RUN cd ui-v2 && yarn install && make', 'RUN make bin') },
    { name: 'cmd on a Windows base', code: df('FROM mcr.microsoft.com/windows/servercore:ltsc2022', 'RUN cd C:\\app && build.cmd') }
  ],
  invalid: [
    { name: 'cd && make', code: df('FROM alpine:3', 'RUN cd /src && make'), errors: [{ line: 2, severity: 'info', message: 'put WORKDIR /src before it' }] },
    { name: 'a cd into the WORKDIR itself', code: df('FROM node:20', 'WORKDIR /app', 'RUN cd /app && npm ci'), errors: [{ line: 3, message: 'the WORKDIR is already /app, so the cd is not needed' }] },
    { name: 'a directory from a variable', code: df('FROM golang:1.22', 'RUN cd $GOPATH/src/example.com/x && go install ./...'), errors: [{ line: 2, message: 'WORKDIR $GOPATH/src/example.com/x' }] },
    { name: 'cd; in a RUN heredoc', code: df('FROM debian:12', 'RUN <<EOF', 'cd /app', 'npm ci', 'EOF'), errors: [{ line: 2, message: 'WORKDIR /app' }] }
  ]
})
