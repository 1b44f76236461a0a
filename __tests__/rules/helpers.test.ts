/** The rules' shared helpers. */
import { describe, expect, it } from '@jest/globals'
import { baseShell } from '../../src/parse/base-shell.js'
import { posixShell, registryOf, stageShell } from '../../src/rules/helpers.js'
import { df, parse } from '../helpers/dockerfile.js'

describe('registryOf', () => {
  it('normalises Docker Hub', () => {
    expect(['node', 'library/node:20', 'docker.io/node', 'index.docker.io/x/y', 'GHCR.io/o/r', 'localhost:5000/a'].map(registryOf)).toEqual([
      'docker.io',
      'docker.io',
      'docker.io',
      'docker.io',
      'ghcr.io',
      'localhost:5000'
    ])
  })
})

describe('baseShell', () => {
  it('reads /bin/sh off the image name and tag', () => {
    const cases: [string, string | null][] = [
      ['alpine', '3.20'],
      ['node', '20-alpine'],
      ['busybox', null],
      ['debian', 'bookworm-slim'],
      ['python', '3.12'],
      ['eclipse-temurin', '17-jre-focal'],
      ['fedora', '40'],
      ['registry.access.redhat.com/ubi9/ubi-minimal', null],
      ['mcr.microsoft.com/azurelinux/base/core', '3.0'],
      ['mcr.microsoft.com/dotnet/aspnet', '8.0-azurelinux3.0'],
      ['mcr.microsoft.com/windows/servercore', 'ltsc2022'],
      ['mcr.microsoft.com/dotnet/sdk', '8.0-nanoserver-ltsc2022'],
      ['python', '3.13-windowsservercore-ltsc2025'],
      ['gcr.io/distroless/static-debian12', 'nonroot'],
      ['mcr.microsoft.com/dotnet/runtime-deps', '8.0-noble-chiseled'],
      ['example.com/team/app', '1.0']
    ]
    expect(cases.map(([image, tag]) => baseShell(image, tag))).toEqual(['ash', 'ash', 'ash', 'dash', 'dash', 'dash', 'bash', 'bash', 'bash', 'bash', 'cmd', 'cmd', 'cmd', 'none', 'none', 'unknown'])
  })
})

describe('stageShell', () => {
  const shellAt = (text: string, stage: number, line?: number) => stageShell(parse(text), stage, line)

  it('follows SHELL through the FROM chain, and only from its line on', () => {
    const text = df('FROM alpine:3.20 AS base', 'RUN a', 'SHELL ["/bin/ash", "-eo", "pipefail", "-c"]', 'FROM base', 'RUN b')
    expect(shellAt(text, 0, 2)).toMatchObject({ argv: null, base: 'ash', posix: true })
    expect(shellAt(text, 1)).toMatchObject({ argv: ['/bin/ash', '-eo', 'pipefail', '-c'], line: 3, base: 'ash', posix: true })
  })

  it('is not POSIX under PowerShell or cmd, whatever the spelling', () => {
    for (const shell of ['["pwsh", "-c"]', '["powershell", "-Command"]', '["cmd", "/S", "/C"]', '["C:\\\\Windows\\\\System32\\\\WindowsPowerShell\\\\v1.0\\\\PowerShell.exe"]', '["/opt/microsoft/powershell/7/pwsh"]', '["CMD.EXE", "/c"]']) {
      expect(posixShell(parse(df('FROM debian:12', `SHELL ${shell}`, 'RUN x')), 0)).toBe(false)
    }
    expect(posixShell(parse(df('FROM mcr.microsoft.com/windows/nanoserver:ltsc2022', 'RUN x')), 0)).toBe(false)
    // A SHELL on a Windows base can bring a POSIX shell back.
    expect(posixShell(parse(df('FROM mcr.microsoft.com/windows/servercore:ltsc2022', 'SHELL ["bash", "-c"]', 'RUN x')), 0)).toBe(true)
  })

  it('reads the hadolint shell pragma: before the first FROM for every stage, else for its stage and its children', () => {
    expect(posixShell(parse(df('# hadolint shell=powershell', 'FROM debian:12', 'RUN a', 'FROM debian:12', 'RUN b')), 1)).toBe(false)
    const text = df('FROM debian:12 AS a', 'RUN x', '# hadolint shell=pwsh', 'RUN y', 'FROM a', 'RUN z', 'FROM debian:12', 'RUN w')
    expect([posixShell(parse(text), 0, 2), posixShell(parse(text), 0, 4), posixShell(parse(text), 1), posixShell(parse(text), 2)]).toEqual([true, false, false, true])
  })
})
