/**
 * shellcheck: ShellCheck itself over the RUN scripts (docs/rules/shellcheck.md), each finding at
 * its exact Dockerfile line, with ARG and ENV declared, honouring the ignores by SC code.
 */
import { expect, it } from '@jest/globals'
import { df } from '../helpers/dockerfile.js'
import { analyzeWithShellcheck, describeShellcheck } from '../helpers/shellcheck.js'

const sc = async (text: string, options: Parameters<typeof analyzeWithShellcheck>[1] = {}): Promise<string[]> =>
  (await analyzeWithShellcheck(text, options)).findings.filter((f) => f.rule === 'shellcheck').map((f) => `${f.equivalents.hadolint ?? ''}@${f.line}`)

describeShellcheck('shellcheck', () => {
  it('reports at the exact line of a continued RUN, after comments and empty lines BuildKit drops', async () => {
    const file = df('FROM debian:12', 'RUN apt-get update \\', '  # install', '  && apt-get install -y curl \\', '', '  && echo "$undefined_thing"')
    expect(await sc(file)).toEqual(['SC2154@6'])
  })

  it('does not take ARG and ENV variables, nor the proxy settings, for unassigned', async () => {
    const file = df('ARG BASE=debian:12', 'FROM ${BASE}', 'ARG VERSION', 'ENV APP_HOME=/app', 'RUN echo "$VERSION" "$APP_HOME" "$http_proxy" "$lowercase_unset"')
    expect(await sc(file)).toEqual(['SC2154@5'])
  })

  it('takes an assignment before a special built-in as made, as POSIX sh does (jessfraz buildDeps pattern), but not under a bash SHELL', async () => {
    const run = ["RUN buildDeps=' \\", "    gcc \\", "  ' \\", '  set -x \\', '  && apk add --no-cache $buildDeps \\', '  && apk del $buildDeps']
    expect(await sc(df('FROM alpine:3.20', ...run))).toEqual([])
    expect(await sc(df('FROM debian:12', ...run.map((l) => l.replace('apk add --no-cache', 'apt-get install -y').replace('apk del', 'apt-get purge -y'))))).toEqual([])
    expect(await sc(df('FROM debian:12', 'SHELL ["/bin/bash", "-c"]', ...run))).toEqual(['SC2154@7'])
    // An assignment before an ordinary command is scoped to it: ShellCheck is right there.
    expect(await sc(df('FROM alpine:3.20', 'RUN deps=gcc true && apk add --no-cache $deps'))).toEqual(['SC2154@2'])
  })

  it('reads a heredoc body line for line', async () => {
    const file = df('FROM debian:12', 'RUN <<EOF', 'set -e', 'echo "$nothing_here"', 'EOF')
    expect(await sc(file)).toEqual(['SC2154@4'])
  })

  it('knows the stage’s SHELL: bash syntax is fine under bash, not under dash', async () => {
    const bashism = 'RUN if [[ -d /etc ]]; then echo yes; fi'
    expect(await sc(df('FROM debian:12', 'SHELL ["/bin/bash", "-c"]', bashism))).toEqual([])
    expect(await sc(df('FROM debian:12', bashism))).toEqual(['SC3010@2'])
  })

  it('leaves alone what BusyBox ash has: pipefail, echo -e and [[ ]] on Alpine', async () => {
    expect(await sc(df('FROM alpine:3.20', 'RUN set -o pipefail && echo -e "a\\tb" | wc -l', 'RUN if [[ -d /etc ]]; then echo yes; fi'))).toEqual([])
  })

  it('leaves alone /bin/echo -e, which is not the shell’s echo', async () => {
    expect(await sc(df('FROM debian:12', "RUN /bin/echo -e 'a\\nb' > /etc/x"))).toEqual([])
  })

  it('leaves PowerShell and exec-form RUNs alone', async () => {
    expect(await sc(df('FROM mcr.microsoft.com/windows/servercore:ltsc2022', 'SHELL ["powershell", "-Command"]', 'RUN echo $env:undefined'))).toEqual([])
    expect(await sc(df('FROM debian:12', 'RUN ["sh", "-c", "echo $undefined_thing"]'))).toEqual([])
  })

  it('reports ShellCheck’s warnings and errors by default, and more when asked', async () => {
    const file = df('FROM debian:12', 'RUN echo $HOME')
    expect(await sc(file)).toEqual([])
    expect(await sc(file, { options: { shellcheck: { 'shellcheck-level': 'info' } } })).toEqual(['SC2086@2'])
  })

  it('leaves out the codes that are noise in a Dockerfile, unless configured to report them', async () => {
    const file = df('FROM debian:12', 'RUN export GNUPGHOME="$(mktemp -d)" && echo "$GNUPGHOME"')
    expect(await sc(file)).toEqual([])
    expect(await sc(file, { options: { shellcheck: { 'shellcheck-exclude': [] } } })).toEqual(['SC2155@2'])
    // qdrant: cd right after mkdir -p; binfmt: for f in $(ls qemu-*) in /usr/bin after make install; vscode-dev-containers' r: '"${TAG}"'.
    const chosen = df('FROM debian:12', 'ARG TAG=v1', 'RUN mkdir -p /opt/mold; cd /opt/mold; for f in $(ls qemu-*); do echo $f; done', 'RUN Rscript -e "install(ref = \'"${TAG}"\')"')
    expect(await sc(chosen)).toEqual([])
    expect((await sc(chosen, { options: { shellcheck: { 'shellcheck-exclude': [] } } })).sort()).toEqual(['SC2027@4', 'SC2045@3', 'SC2164@3'])
  })

  it('honours # hadolint ignore=SC…, # stagecraft-ignore shellcheck and configured ignores by code', async () => {
    const run = 'RUN echo "$undefined_thing"'
    expect(await sc(df('FROM debian:12', '# hadolint ignore=SC2154', run))).toEqual([])
    expect(await sc(df('FROM debian:12', '# hadolint ignore=SC2086', run))).toEqual(['SC2154@3'])
    expect(await sc(df('FROM debian:12', '# stagecraft-ignore shellcheck', run))).toEqual([])
    expect(await sc(df('FROM debian:12', run), { ignores: [{ ids: new Set(['shellcheck/SC2154']), stage: null }] })).toEqual([])
  })

  it('gives ShellCheck’s severity and message, with the wiki link', async () => {
    const [finding] = (await analyzeWithShellcheck(df('FROM debian:12', 'RUN echo "$undefined_thing"'))).findings.filter((f) => f.rule === 'shellcheck')
    expect(finding?.severity).toBe('warning')
    expect(finding?.message).toBe('SC2154: undefined_thing is referenced but not assigned. (https://www.shellcheck.net/wiki/SC2154)')
  })
})
