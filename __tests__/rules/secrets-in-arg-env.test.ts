/** secrets-in-arg-env: what it reports and what it must leave alone (docs/rules/secrets-in-arg-env.md). */
import { looksSecret, secretsInArgEnv } from '../../src/rules/secrets-in-arg-env.js'
import { describe, expect, it } from '@jest/globals'
import { df } from '../helpers/dockerfile.js'
import { testRule } from '../helpers/rule-tester.js'

testRule(secretsInArgEnv, {
  valid: [
    { name: 'public names', code: df('FROM alpine:3', 'ARG PUBLIC_KEY', 'ENV KEYBOARD=us', 'ENV GPG_KEY=A035C8C19219BA821ECEA86B64E628F8D684696D', 'ARG AUTH_MODULE_VERSION=1') }
  ],
  invalid: [
    {
      name: 'ENV in the shipped image, ARG in a build stage',
      code: df('FROM alpine:3 AS build', 'ARG NPM_TOKEN', 'FROM alpine:3', 'COPY --from=build /x /x', 'ENV DB_PASSWORD=hunter2'),
      errors: [
        { line: 2, severity: 'info', message: 'build cache' },
        { line: 5, severity: 'warning', message: 'stored in the shipped image' }
      ]
    }
  ]
})

describe('looksSecret', () => {
  it('matches whole tokens only, in any case', () => {
    expect(['API_KEY', 'github_token', 'Secret', 'AWS_SECRET_ACCESS_KEY'].map(looksSecret)).toEqual([true, true, true, true])
    expect(['KEYBOARD', 'TOKENIZER_PATH', 'PASSWORD_FILE', 'MONKEY'].map(looksSecret)).toEqual([false, false, false, false])
  })
})
