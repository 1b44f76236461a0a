/** secret-file-copied: what it reports and what it must leave alone (docs/rules/secret-file-copied.md). */
import { secretFile, secretFileCopied } from '../../src/rules/secret-file-copied.js'
import { describe, expect, it } from '@jest/globals'
import { df } from '../helpers/dockerfile.js'
import { testRule } from '../helpers/rule-tester.js'

testRule(secretFileCopied, {
  valid: [{ name: 'templates and ordinary files', code: df('FROM node:20-slim', 'COPY .env.example .env.production.sample package.json ./', 'USER node') }],
  invalid: [
    { name: 'a key into the shipped image: error', code: df('FROM alpine:3', 'COPY id_rsa /root/.ssh/id_rsa'), errors: [{ line: 2, severity: 'error' }] },
    { name: '.npmrc into a build stage: warning', code: df('FROM node:20 AS b', 'COPY .npmrc ./', 'RUN npm ci', 'FROM node:20-slim', 'COPY --from=b /app /app'), errors: [{ line: 2, severity: 'warning', message: 'build cache' }] }
  ]
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
