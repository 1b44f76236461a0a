/** secret-file-copied: what it reports and what it must leave alone (docs/rules/secret-file-copied.md). */
import { secretFile, secretFileCopied } from '../../src/rules/secret-file-copied.js'
import { describe, expect, it } from '@jest/globals'
import { df } from '../helpers/dockerfile.js'
import { testRule } from '../helpers/rule-tester.js'

testRule(secretFileCopied, {
  valid: [
    { name: 'templates and ordinary files', code: df('FROM node:20-slim', 'COPY .env.example .env.production.sample package.json ./', 'USER node') },
    { name: 'certificates and CA bundles', code: df('FROM alpine:3', 'COPY certs/ca.pem certs/fullchain.pem certs/server-cert.pem company-root.crt /usr/local/share/certs/') },
    { name: 'public keys, signatures and SSH known_hosts', code: df('FROM alpine:3', 'COPY deploy.pub release.asc public.key /keys/', 'COPY .ssh/known_hosts /root/.ssh/known_hosts') },
    { name: 'a key installed as an apt keyring', code: df('FROM debian:bookworm-slim', 'COPY nodesource.key /usr/share/keyrings/nodesource.key', 'COPY vendor.key /etc/apt/trusted.gpg.d/vendor.asc') },
    { name: 'a key file fed to gpg --import', code: df('FROM debian:bookworm-slim', 'COPY release.key /tmp/release.key', 'RUN gpg --batch --import /tmp/release.key && rm /tmp/release.key') },
    { name: 'a key file added with apt-key', code: df('FROM debian:bookworm-slim', 'COPY repo.key /tmp/', 'RUN apt-key add /tmp/repo.key') },
    { name: 'a key downloaded from a URL', code: df('FROM debian:bookworm-slim', 'ADD https://packages.example.com/repo.key /tmp/repo.key') },
    { name: 'a Java truststore', code: df('FROM eclipse-temurin:21-jre', 'COPY truststore.jks /opt/app/truststore.jks') }
  ],
  invalid: [
    { name: 'an SSH key into the shipped image: error', code: df('FROM alpine:3', 'COPY id_rsa /root/.ssh/id_rsa'), errors: [{ line: 2, severity: 'error', message: 'an SSH private key' }] },
    { name: 'a private key by extension: error', code: df('FROM nginx:1.27', 'COPY tls/server.key /etc/nginx/server.key'), errors: [{ line: 2, severity: 'error' }] },
    { name: 'a CA private key (ca.key) is still a private key', code: df('FROM alpine:3', 'COPY ca.key /ca/'), errors: [{ line: 2, severity: 'error' }] },
    { name: 'a PEM named as a private key: error', code: df('FROM nginx:1.27', 'COPY privkey.pem /etc/ssl/'), errors: [{ line: 2, severity: 'error', message: 'a private key' }] },
    { name: 'an ambiguous PEM (server.pem): warning', code: df('FROM nginx:1.27', 'COPY server.pem /etc/ssl/'), errors: [{ line: 2, severity: 'warning', message: 'may hold a private key' }] },
    { name: '.env into the shipped image: warning, it may hold only settings', code: df('FROM node:20-slim', 'COPY .env ./'), errors: [{ line: 2, severity: 'warning' }] },
    { name: '.npmrc into a build stage: info', code: df('FROM node:20 AS b', 'COPY .npmrc ./', 'RUN npm ci', 'FROM node:20-slim', 'COPY --from=b /app /app'), errors: [{ line: 2, severity: 'info', message: 'build cache' }] },
    { name: 'an SSH key into a build stage: warning', code: df('FROM golang:1.22 AS b', 'COPY id_ed25519 /root/.ssh/', 'FROM alpine:3', 'COPY --from=b /out /out'), errors: [{ line: 2, severity: 'warning' }] }
  ]
})

describe('secretFile', () => {
  it('knows credential files by name and extension', () => {
    expect(['.env', 'config/.env.local', 'certs/server.pem', 'home/.aws/credentials', '.ssh/', 'README.md', '.env.example', 'keyboard.json', 'ca-bundle.pem', 'id_rsa.pub'].map((s) => secretFile(s)?.file ?? null)).toEqual([
      '.env',
      '.env.local',
      'server.pem',
      'home/.aws/credentials',
      '.ssh',
      null,
      null,
      null,
      null,
      null
    ])
  })
})
