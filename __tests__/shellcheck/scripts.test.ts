/** The scripts ShellCheck reads: each line the Dockerfile line it came from, the dialect the RUN really runs in. */
import { describe, expect, it } from '@jest/globals'
import { dialectOf, runScripts } from '../../src/shellcheck/scripts.js'
import { df, parse } from '../helpers/dockerfile.js'

const scripts = (text: string, busybox = false) => runScripts(parse(text), { busybox })
/** The script's own lines, paired with the Dockerfile line each stands for. */
const lines = (s: ReturnType<typeof scripts>[number]): [number, string][] =>
  s.text
    .split('\n')
    .slice(s.preamble, -1)
    .map((l, i) => [s.firstLine + i, l])

describe('runScripts', () => {
  it('keeps a shell-form RUN line for line: keyword and flags blanked, comments and empty lines inside the continuation kept as a lone backslash', () => {
    const [s] = scripts(df('FROM debian:12', 'RUN --mount=type=cache,target=/var/cache/apt \\', '    --network=none \\', '  # why', '    apt-get update && \\', '', '    apt-get install -y curl'))
    expect(s?.dialect).toBe('dash')
    expect(lines(s as NonNullable<typeof s>)).toEqual([
      [2, expect.stringMatching(/^ +\\$/)],
      [3, expect.stringMatching(/^ +\\$/)],
      [4, '\\'],
      [5, '    apt-get update && \\'],
      [6, '\\'],
      [7, '    apt-get install -y curl']
    ])
  })

  it('joins a line that BuildKit continues with blanks after the backslash', () => {
    const [s] = scripts(df('FROM debian:12', 'RUN echo a \\  ', '  b'))
    expect(lines(s as NonNullable<typeof s>)[0]?.[1]).toBe('echo a \\')
  })

  it('declares the variables ARG and ENV give the RUN, and the proxy settings', () => {
    const [s] = scripts(df('ARG GLOBAL=1', 'FROM debian:12', 'ARG VERSION', 'ENV APP_HOME=/app', 'RUN echo $VERSION $APP_HOME'))
    expect(s?.text.split('\n')[1]).toBe('export ALL_PROXY APP_HOME FTP_PROXY HTTPS_PROXY HTTP_PROXY NO_PROXY VERSION all_proxy ftp_proxy http_proxy https_proxy no_proxy')
  })

  it('checks a bare heredoc by its body, and a heredoc fed to a command as part of the command', () => {
    const [bare, fed] = scripts(df('FROM debian:12', 'RUN <<EOF', 'set -e', 'cd /tmp', 'EOF', 'RUN cat <<EOF > /etc/motd', '# not a comment: it is the file', 'EOF'))
    expect(lines(bare as NonNullable<typeof bare>)).toEqual([
      [3, 'set -e'],
      [4, 'cd /tmp']
    ])
    expect(lines(fed as NonNullable<typeof fed>)).toEqual([
      [6, 'cat <<EOF > /etc/motd'],
      [7, '# not a comment: it is the file'],
      [8, 'EOF']
    ])
  })

  it('reads a heredoc run by bash as bash, and leaves one run by python alone', () => {
    const found = scripts(df('FROM debian:12', 'RUN bash <<EOF', '[[ -d /x ]] && echo y', 'EOF', 'RUN <<EOF', '#!/usr/bin/env python3', 'print(1)', 'EOF', 'RUN python3 <<EOF', 'print(2)', 'EOF'))
    // The python3 <<EOF RUN is shell (python3 reading a heredoc), so it is checked as such; the shebang one is not.
    expect(found.map((s) => [s.firstLine, s.dialect])).toEqual([
      [3, 'bash'],
      [9, 'dash']
    ])
  })

  it('follows SHELL, # hadolint shell= and the base image, and skips what is not POSIX shell', () => {
    const found = scripts(
      df('FROM alpine:3.20', 'RUN echo a', 'SHELL ["/bin/bash", "-o", "pipefail", "-c"]', 'RUN echo b', 'FROM fedora:40', 'RUN echo c', 'FROM debian:12', '# hadolint shell=pwsh', 'RUN Write-Host d', 'FROM debian:12', 'SHELL ["/bin/zsh", "-c"]', 'RUN echo e', 'RUN ["sh", "-c", "echo f"]')
    )
    expect(found.map((s) => [s.line, s.dialect])).toEqual([
      [2, 'dash'],
      [4, 'bash'],
      [6, 'bash']
    ])
    // ash without ShellCheck's BusyBox dialect: dash, less pipefail and echo -e, which ash has.
    expect(found[0]?.text.split('\n')[0]).toBe('# shellcheck shell=dash disable=SC3003,SC3010,SC3014,SC3036,SC3037,SC3040,SC3046,SC3051,SC3057,SC3060')
    expect(scripts(df('FROM alpine:3.20', 'RUN echo a'), true)[0]?.dialect).toBe('busybox')
  })

  it('skips a Windows file (backtick escape)', () => {
    expect(scripts(df('# escape=`', 'FROM mcr.microsoft.com/windows/servercore:ltsc2022', 'RUN echo a'))).toEqual([])
  })
})

describe('dialectOf', () => {
  it.each([
    ['/bin/sh', 'dash', 'dash'],
    ['/bin/sh', 'unknown', 'sh'],
    ['/bin/sh', 'bash', 'bash'],
    ['sh', 'ash', 'dash'],
    ['/usr/bin/bash', 'unknown', 'bash'],
    ['/bin/ksh', 'unknown', 'ksh'],
    ['/bin/zsh', 'unknown', null],
    ['pwsh', 'unknown', null]
  ])('%s on a %s base is %s', (program, base, dialect) => {
    expect(dialectOf(program, base, false)).toBe(dialect)
  })
})
