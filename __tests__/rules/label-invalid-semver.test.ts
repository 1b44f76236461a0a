/** label-invalid-semver: what it reports and what it must leave alone (docs/rules/label-invalid-semver.md). */
import { labelInvalidSemver } from '../../src/rules/label-invalid-semver.js'
import { df } from '../helpers/dockerfile.js'
import { labelSchema } from '../helpers/labels.js'
import { testRule } from '../helpers/rule-tester.js'

const labels = labelSchema({ version: 'semver' })

testRule(labelInvalidSemver, {
  valid: [
    { name: 'a version', labels, code: df('FROM alpine:3.20', 'LABEL version=1.2.3') },
    { name: 'a pre-release', labels, code: df('FROM alpine:3.20', 'LABEL version="1.0.0-rc1"') },
    { name: 'build metadata', labels, code: df('FROM alpine:3.20', 'LABEL version=2.0.0+build.5') },
    { name: 'from a build argument', labels, code: df('FROM alpine:3.20', 'ARG VERSION="du-jour"', 'LABEL version="${VERSION}"') }
  ],
  invalid: [
    { name: 'words', labels, code: df('FROM alpine:3.20', 'LABEL version=something-else'), errors: [{ line: 2, message: 'is not a semantic version' }] },
    { name: 'a leading v', labels, code: df('FROM alpine:3.20', 'LABEL version=v1.2.3'), errors: [{ line: 2, message: 'drop the leading v' }] },
    { name: 'two parts', labels, code: df('FROM alpine:3.20', 'LABEL version=1.2'), errors: [{ line: 2, message: 'three parts' }] },
    { name: 'a leading zero', labels, code: df('FROM alpine:3.20', 'LABEL version=01.2.3'), errors: [{ line: 2 }] }
  ]
})
