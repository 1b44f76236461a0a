/** label-invalid-hash: what it reports and what it must leave alone (docs/rules/label-invalid-hash.md). */
import { labelInvalidHash } from '../../src/rules/label-invalid-hash.js'
import { df } from '../helpers/dockerfile.js'
import { labelSchema } from '../helpers/labels.js'
import { testRule } from '../helpers/rule-tester.js'

const labels = labelSchema({ revision: 'hash' })

testRule(labelInvalidHash, {
  valid: [
    { name: 'a full hash', labels, code: df('FROM alpine:3.20', 'LABEL revision=2c1b3a4d5e6f708192a3b4c5d6e7f80912a3b4c5') },
    { name: 'a short hash', labels, code: df('FROM alpine:3.20', 'LABEL revision=2c1b3a4') },
    { name: 'a 10-digit abbreviation (large repositories)', labels, code: df('FROM alpine:3.20', 'LABEL revision=2c1b3a4d5e') },
    { name: 'from a build argument', labels, code: df('FROM alpine:3.20', 'ARG VCS_REF=dev', 'LABEL revision=$VCS_REF') }
  ],
  invalid: [
    { name: 'a branch', labels, code: df('FROM alpine:3.20', 'LABEL revision=main'), errors: [{ line: 2, message: 'git rev-parse HEAD' }] },
    { name: 'too short', labels, code: df('FROM alpine:3.20', 'LABEL revision=2c1b'), errors: [{ line: 2, message: 'at least 7' }] },
    { name: 'not hex', labels, code: df('FROM alpine:3.20', 'LABEL revision=2c1b3a4z'), errors: [{ line: 2 }] }
  ]
})
