/** copy-ignored-file: what it reports and what it must leave alone (docs/rules/copy-ignored-file.md). */
import { describe, expect, it } from '@jest/globals'
import { copyIgnoredFile, dockerignorePatterns } from '../../src/rules/copy-ignored-file.js'
import { df } from '../helpers/dockerfile.js'
import { testRule } from '../helpers/rule-tester.js'

testRule(copyIgnoredFile, {
  valid: [
    { name: 'not ignored', code: df('FROM nginx:1', 'COPY public/ /srv/'), dockerignore: 'dist\n*.md\n' },
    { name: 'exceptions make it undecidable (as BuildKit)', code: df('FROM nginx:1', 'COPY dist/ /srv/'), dockerignore: 'dist\n!dist/keep\n' },
    { name: 'COPY --from is never checked', code: df('FROM alpine:3 AS a', 'FROM nginx:1', 'COPY --from=a dist/ /srv/'), dockerignore: 'dist\n' }
  ],
  invalid: [
    { name: 'a file under an ignored folder', code: df('FROM nginx:1', 'COPY ./dist/index.html /srv/'), dockerignore: '# comment\n/dist\n', errors: [{ line: 2, message: 'excluded by "dist"' }] },
    { name: 'everything ignored and COPY .', code: df('FROM nginx:1', 'COPY . /srv/'), dockerignore: '*\n', errors: [{ line: 2 }] }
  ]
})

describe('dockerignorePatterns', () => {
  it('drops comments and blanks and leading ./ and /', () => {
    expect(dockerignorePatterns('# c\n\n./a\n/b/**\n!c\n')).toEqual(['a', 'b/**', '!c'])
  })
})
