/** add-url-without-checksum: what it reports and what it must leave alone (docs/rules/add-url-without-checksum.md). */
import { addUrlWithoutChecksum, isGitSource } from '../../src/rules/add-url-without-checksum.js'
import { describe, expect, it } from '@jest/globals'
import { df } from '../helpers/dockerfile.js'
import { testRule } from '../helpers/rule-tester.js'

const SHA = 'be1f38efa3d1d5ea0d8c1c1b6b2d0a7f3e9c4b21'

testRule(addUrlWithoutChecksum, {
  valid: [
    { name: 'with --checksum', code: df('FROM alpine:3', 'ADD --checksum=sha256:abc https://x.example/a-1.2.tgz /a/') },
    { name: 'a local file', code: df('FROM alpine:3', 'ADD a.tgz /a/') },
    { name: 'a git source at a release tag from an ARG default', code: df('ARG RUNC_VERSION=v1.4.3', 'FROM golang:1.22 AS runc', 'ARG RUNC_VERSION', 'ADD --keep-git-dir=true "https://github.com/opencontainers/runc.git#$RUNC_VERSION" .') },
    { name: 'a git source at a commit', code: df('FROM golang:1.22', `ADD https://github.com/moby/buildkit.git#${SHA} /src`) },
    { name: 'a git source with --checksum=<commit> (Dockerfile 1.16+)', code: df('FROM golang:1.22', 'ADD --checksum=be1f38e https://github.com/moby/buildkit.git#main /src') },
    { name: 'a git source with ?checksum= (Dockerfile 1.18+)', code: df('FROM golang:1.22', `ADD https://github.com/moby/buildkit.git?ref=main&checksum=${SHA} /src`) }
  ],
  invalid: [
    { name: 'a versioned URL: warning with the sha256 fix', code: df('FROM alpine:3', 'ADD https://x.example/releases/download/v1.2.3/tool-linux-amd64.tar.gz /a/'), errors: [{ line: 2, severity: 'warning', message: '--checksum=sha256:' }] },
    {
      name: 'a URL on a branch tracks upstream: info, version it first',
      code: df('FROM alpine:3', 'ADD https://raw.githubusercontent.com/owner/tool/master/tool.py /usr/local/bin/tool.py'),
      errors: [{ line: 2, severity: 'info', message: 'download a versioned URL' }]
    },
    { name: 'an unversioned installer URL: info', code: df('FROM debian:bookworm-slim', 'ADD https://download.example.com/AppSetup.exe /tmp/'), errors: [{ line: 2, severity: 'info', message: 'names no version' }] },
    { name: 'an architecture is not a version', code: df('FROM debian:bookworm-slim', 'ADD https://download.example.com/tool-linux-x86_64 /usr/local/bin/tool'), errors: [{ line: 2, severity: 'info' }] },
    {
      name: 'a git source on its default branch or a branch: info, pin a tag or commit',
      code: df('FROM golang:1.22', 'ADD https://github.com/owner/repo.git /src', 'ADD git@github.com:owner/repo.git#main /src2'),
      errors: [
        { line: 2, severity: 'info', message: '--checksum=<commit SHA>' },
        { line: 3, severity: 'info', message: 'main, which moves' }
      ]
    }
  ]
})

describe('isGitSource', () => {
  it('reads git sources as BuildKit does', () => {
    expect(['https://github.com/a/b.git#v1', 'git@github.com:a/b.git', 'https://x.example/a.tgz', 'https://x.example/a.git?ref=v1'].map(isGitSource)).toEqual([true, true, false, true])
  })
})
