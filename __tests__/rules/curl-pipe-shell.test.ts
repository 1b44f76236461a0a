/** curl-pipe-shell: what it reports and what it must leave alone (docs/rules/curl-pipe-shell.md). */
import { curlPipeShell } from '../../src/rules/curl-pipe-shell.js'
import { df } from '../helpers/dockerfile.js'
import { testRule } from '../helpers/rule-tester.js'

testRule(curlPipeShell, {
  valid: [
    { name: 'a download piped into tar or gpg, not a shell', code: df('FROM debian:12', 'RUN curl -fsSL https://example.com/tool.tgz | tar -xz -C /usr/local/bin', 'RUN curl -fsSL https://example.com/key.asc | gpg --dearmor -o /usr/share/keyrings/x.gpg') },
    {
      name: 'downloaded, checked, then run',
      code: df('FROM debian:12', 'RUN curl -fsSLo /tmp/install.sh https://example.com/install.sh \\', ' && echo "0123abcd  /tmp/install.sh" | sha256sum -c - \\', ' && sh /tmp/install.sh')
    },
    { name: 'a signature check in the same RUN', code: df('FROM debian:12', 'RUN curl -fsSL https://example.com/setup.sh | tee /tmp/setup.sh | gpg --verify /tmp/setup.sh.asc - && bash /tmp/setup.sh') },
    { name: 'a script pinned to a commit', code: df('FROM alpine:3.19', 'RUN wget -qO- https://raw.githubusercontent.com/acme/tools/0123456789abcdef0123456789abcdef01234567/install.sh | sh') },
    {
      name: 'a script pinned to a release (moby lint)',
      code: df('ARG LINT_VERSION=v1.55.2', 'FROM golang:1.22', 'ARG LINT_VERSION', 'RUN wget -O- -nv https://raw.githubusercontent.com/golangci/golangci-lint/${LINT_VERSION}/install.sh | sh -s ${LINT_VERSION}', 'RUN curl -sSfL https://example.com/releases/v2.3.1/install.sh | sh')
    },
    { name: 'a shell that reads a local file', code: df('FROM debian:12', 'COPY install.sh /tmp/', 'RUN bash /tmp/install.sh && curl -fsS https://example.com/health') }
  ],
  invalid: [
    { name: 'curl | bash (nodesource)', code: df('FROM debian:12', 'RUN curl -sL https://deb.nodesource.com/setup_18.x | bash -'), errors: [{ line: 2, severity: 'warning', message: 'https://deb.nodesource.com/setup_18.x with bash' }] },
    { name: 'from a branch, on several lines', code: df('FROM ubuntu:22.04', 'RUN apt-get update && apt-get install -y curl \\', ' && curl -sSf https://raw.githubusercontent.com/acme/tool/master/install.sh | bash'), errors: [{ line: 2 }] },
    { name: 'wget -O- | sudo -E bash', code: df('FROM ubuntu:22.04', 'RUN wget -qO- https://get.example.com | sudo -E bash -'), errors: [{ line: 2, message: 'with bash' }] },
    { name: 'into python', code: df('FROM python:3.12', 'RUN curl -sSL https://install.python-poetry.org | python3 -'), errors: [{ line: 2, message: 'with python3' }] },
    { name: 'bash -c "$(curl …)"', code: df('FROM debian:12', 'RUN bash -c "$(curl -fsSL https://example.com/install.sh)"'), errors: [{ line: 2 }] },
    { name: 'sh <(curl …)', code: df('FROM debian:12', 'SHELL ["/bin/bash", "-c"]', 'RUN sh <(curl -fsSL https://example.com/install.sh)'), errors: [{ line: 3 }] },
    { name: 'in a build stage too (supply chain)', code: df('FROM debian:12 AS tools', 'RUN curl -fsSL https://get.docker.com | sh', 'FROM alpine:3.19', 'COPY --from=tools /usr/bin/docker /usr/bin/'), errors: [{ line: 2 }] },
    { name: 'in a heredoc', code: df('FROM debian:12', 'RUN <<EOF', 'set -e', 'curl -fsSL https://sh.rustup.rs | sh -s -- -y', 'EOF'), errors: [{ line: 2 }] }
  ]
})
