/** secrets-in-arg-env: what it reports and what it must leave alone (docs/rules/secrets-in-arg-env.md). */
import { looksSecret, secretsInArgEnv } from '../../src/rules/secrets-in-arg-env.js'
import { isConfigPairKey, isPublicValue, knownCredential, looksRandom } from '../../src/parse/secrets.js'
import { describe, expect, it } from '@jest/globals'
import { df } from '../helpers/dockerfile.js'
import { testRule } from '../helpers/rule-tester.js'

// Built at run time so no scanner mistakes the test file for a leaked token.
const GITHUB_TOKEN = ['ghp', '_', 'a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8'].join('')
const AWS_KEY_ID = ['AKIA', 'Z7Q2XK4M9P3R8T6W'].join('')

testRule(secretsInArgEnv, {
  valid: [
    { name: 'public names', code: df('FROM alpine:3', 'ARG PUBLIC_KEY', 'ENV KEYBOARD=us', 'ARG AUTH_MODULE_VERSION=1', 'ARG SSH_PUB_KEY') },
    { name: 'GPG key fingerprints in the official images (ENV GPG_KEY, legacy form)', code: df('FROM debian:bookworm-slim', 'ENV GPG_KEY 0D96DF4D4110E5C43FBFB17F2D347EA6AA65421D', 'ENV GPG_KEYS 39B641343D8C104B2B146DC3F9C39DC0B9698544 E60913E4DF209907D8E30D96659A97C9CF2A795A') },
    { name: 'a fingerprint under a plain KEY name', code: df('FROM debian:bookworm-slim', 'ARG RELEASE_KEY=A035C8C19219BA821ECEA86B64E628F8D684696D') },
    { name: 'URLs and paths are where a secret is, not the secret', code: df('FROM alpine:3', 'ARG GPG_KEY_URL=https://example.org/KEYS', 'ENV SSL_KEY=/etc/ssl/private/server.key', 'ENV KEY_PATH=/run/secrets/api_key', 'ENV AUTH_SERVER=https://auth.example.org') },
    { name: 'settings about a secret, not the secret', code: df('FROM alpine:3', 'ENV AUTH_TYPE=basic TOKEN_TTL=3600 AUTH_ENABLED=true KEY_NAME=deploy') },
    { name: 'an ENV declared empty stores nothing', code: df('FROM alpine:3', 'ENV API_KEY=""') },
    {
      name: '.NET hierarchical config: a Key with its sibling Value',
      code: df('FROM mcr.microsoft.com/dotnet/aspnet:8.0', 'ENV DefaultProcess__Filters__0__Key=ProcessId \\', '    DefaultProcess__Filters__0__Value=1')
    }
  ],
  invalid: [
    // uptime-kuma's upload-artifact stage: a CI step, but the token is in that image's history all the same.
    {
      name: 'by name: an ARG in a built CI environment is a warning that says which image',
      code: df('FROM node:20-slim AS upload-artifact', 'ARG GITHUB_TOKEN', 'RUN ./upload-github-release-asset.sh github_api_token=$GITHUB_TOKEN'),
      errors: [{ line: 2, severity: 'warning', message: 'ARG values used by RUN are recorded in the image history of the image this stage builds' }]
    },
    {
      name: 'by name: ENV in the shipped image (warning), ARG in a build stage (info)',
      code: df('FROM alpine:3 AS build', 'ARG NPM_TOKEN', 'FROM alpine:3', 'COPY --from=build /x /x', 'ENV DB_PASSWORD=hunter2'),
      errors: [
        { line: 2, severity: 'info', message: 'build cache' },
        { line: 5, severity: 'warning', message: 'DB_PASSWORD looks like a secret by its name:' }
      ]
    },
    {
      name: 'a hard-coded licence key: name and a random-looking value make it an error',
      code: df('FROM alpine:3', 'ENV LICENSE_KEY lgNvGyhnUKpa5PJi', 'RUN wget "https://download.example.com/db?license_key=${LICENSE_KEY}"'),
      errors: [{ line: 2, severity: 'error', message: 'by its name and its value' }]
    },
    { name: 'a 40-hex licence key is not a fingerprint', code: df('FROM alpine:3', 'ENV NEW_RELIC_LICENSE_KEY=A035C8C19219BA821ECEA86B64E628F8D684696D'), errors: [{ line: 2, severity: 'error' }] },
    { name: 'a known token format under any name', code: df('FROM alpine:3', `ENV GH=${GITHUB_TOKEN}`), errors: [{ line: 2, severity: 'error', message: 'a GitHub token' }] },
    { name: 'ENV copying a build arg keeps the secret', code: df('FROM node:20-slim', 'ARG NPM_TOKEN', 'ENV NPM_TOKEN=$NPM_TOKEN'), errors: [{ line: 2 }, { line: 3, severity: 'warning' }] },
    { name: 'a password given as a number', code: df('FROM redis:7', 'ENV REDIS_PASSWORD=123456'), errors: [{ line: 2, severity: 'warning' }] },
    { name: 'a URL with a password in it', code: df('FROM alpine:3', 'ENV DATABASE_AUTH=postgres://app:s3cret@db:5432/app'), errors: [{ line: 2 }] },
    {
      name: '.NET config: a Key without a sibling Value, or a secret-named section, is still reported',
      code: df('FROM mcr.microsoft.com/dotnet/aspnet:8.0', 'ENV Jwt__Key=abc123', 'ENV Secret__0__Key=x Secret__0__Value=y'),
      errors: [{ line: 2 }, { line: 3, message: 'Secret__0__Key' }, { line: 3, message: 'Secret__0__Value' }]
    }
  ]
})

describe('looksSecret', () => {
  it('matches whole tokens only, in any case', () => {
    expect(['API_KEY', 'github_token', 'Secret', 'AWS_SECRET_ACCESS_KEY'].map(looksSecret)).toEqual([true, true, true, true])
    expect(['KEYBOARD', 'TOKENIZER_PATH', 'PASSWORD_FILE', 'MONKEY', 'GPG_KEY', 'SSL_KEY_PATH'].map(looksSecret)).toEqual([false, false, false, false, false, false])
  })
})

describe('secret values', () => {
  it('knows credential formats and long random strings, and nothing else', () => {
    expect(knownCredential(GITHUB_TOKEN)).toContain('GitHub')
    expect(knownCredential(AWS_KEY_ID)).toContain('AWS')
    expect(knownCredential('hunter2')).toBeNull()
    expect(['lgNvGyhnUKpa5PJi', 'Zx9qL2mW8vR4tY6uP0sK'].map(looksRandom)).toEqual([true, true])
    expect(['hunter2', 'changeme-please', '1.2.3-alpine3.20', 'a'.repeat(30), 'https://example.org/a1b2c3d4e5f6'].map(looksRandom)).toEqual([false, false, false, false, false])
  })

  it('treats URLs without passwords, paths and fingerprints as public', () => {
    expect(isPublicValue('GPG_KEY_URL', 'https://example.org/KEYS')).toBe(true)
    expect(isPublicValue('DB_AUTH', 'mysql://root:pw@db/app')).toBe(false)
    expect(isPublicValue('RELEASE_KEY', '0D96 DF4D 4110 E5C4 3FBF B17F 2D34 7EA6 AA65 421D')).toBe(true)
    expect(isPublicValue('API_TOKEN', 'A035C8C19219BA821ECEA86B64E628F8D684696D')).toBe(false)
    // Licence and API keys are often 40 hex digits: only a signing-key name makes them fingerprints.
    expect(isPublicValue('LICENSE_KEY', 'A035C8C19219BA821ECEA86B64E628F8D684696D')).toBe(false)
    expect(isPublicValue('NODE_KEYS', 'A035C8C19219BA821ECEA86B64E628F8D684696D 0x64E628F8D684696D')).toBe(true)
  })

  it('reads .NET key/value pairs', () => {
    expect(isConfigPairKey('A__0__Key', new Set(['A__0__Key', 'A__0__Value']))).toBe(true)
    expect(isConfigPairKey('A__0__Key', new Set(['A__0__Key']))).toBe(false)
    expect(isConfigPairKey('API_KEY', new Set(['API_KEY', 'API_VALUE']))).toBe(false)
  })
})
