import { addUrlWithoutChecksum } from '../../src/rules/add-url-without-checksum.js'
import { copyAllBeforeInstall } from '../../src/rules/copy-all-before-install.js'
import { crossCompilePlatform } from '../../src/rules/cross-compile-platform.js'
import { secretFile, secretFileCopied } from '../../src/rules/secret-file-copied.js'
import { describe, expect, it } from '@jest/globals'
import { df } from '../helpers/dockerfile.js'
import { testRule } from '../helpers/rule-tester.js'

testRule(copyAllBeforeInstall, {
  valid: [
    { name: 'manifests first', code: df('FROM node:20', 'COPY package.json package-lock.json ./', 'RUN npm ci', 'COPY . .') },
    { name: 'no install after the copy', code: df('FROM nginx:1.27', 'COPY . /usr/share/nginx/html') },
    { name: 'installing a named package is not a dependency install', code: df('FROM node:20', 'COPY . .', 'RUN npm install -g serve') }
  ],
  invalid: [
    { name: 'in a build stage too (the cache matters there)', code: df('FROM golang:1.22 AS b', 'COPY . .', 'RUN go mod download', 'FROM scratch', 'COPY --from=b /a /a'), errors: [{ line: 2, message: 'go mod download (line 3)' }] },
    { name: 'pip install -r', code: df('FROM python:3.12-slim', 'COPY . /app', 'RUN pip install --no-cache-dir -r /app/requirements.txt'), errors: [{ line: 2 }] }
  ]
})

testRule(crossCompilePlatform, {
  valid: [
    { name: 'already on BUILDPLATFORM', code: df('FROM --platform=$BUILDPLATFORM golang:1.22 AS b', 'ARG TARGETARCH', 'RUN GOARCH=$TARGETARCH go build', 'FROM scratch', 'COPY --from=b /a /a') },
    { name: 'a single-platform file', code: df('FROM golang:1.22 AS b', 'RUN go build', 'FROM scratch', 'COPY --from=b /a /a') }
  ],
  invalid: [
    { name: 'a multi-platform file compiling under emulation', code: df('FROM golang:1.22 AS b', 'ARG TARGETARCH', 'RUN GOARCH=${TARGETARCH} go build', 'FROM scratch', 'COPY --from=b /a /a'), errors: [{ line: 1, severity: 'info' }] }
  ]
})

testRule(secretFileCopied, {
  valid: [{ name: 'templates and ordinary files', code: df('FROM node:20-slim', 'COPY .env.example .env.production.sample package.json ./', 'USER node') }],
  invalid: [
    { name: 'a key into the shipped image: error', code: df('FROM alpine:3', 'COPY id_rsa /root/.ssh/id_rsa'), errors: [{ line: 2, severity: 'error' }] },
    { name: '.npmrc into a build stage: warning', code: df('FROM node:20 AS b', 'COPY .npmrc ./', 'RUN npm ci', 'FROM node:20-slim', 'COPY --from=b /app /app'), errors: [{ line: 2, severity: 'warning', message: 'build cache' }] }
  ]
})

testRule(addUrlWithoutChecksum, {
  valid: [
    { name: 'with --checksum', code: df('FROM alpine:3', 'ADD --checksum=sha256:abc https://x.example/a.tgz /a/') },
    { name: 'a local file', code: df('FROM alpine:3', 'ADD a.tgz /a/') }
  ],
  invalid: [{ name: 'a URL', code: df('FROM alpine:3', 'ADD https://x.example/a.tgz /a/'), errors: [{ line: 2 }] }]
})

describe('secretFile', () => {
  it('knows credential files by name and extension', () => {
    expect(['.env', 'config/.env.local', 'certs/server.pem', 'home/.aws/credentials', '.ssh/', 'README.md', '.env.example', 'keyboard.json'].map(secretFile)).toEqual([
      '.env',
      '.env.local',
      'server.pem',
      'home/.aws/credentials',
      '.ssh',
      null,
      null,
      null
    ])
  })
})
