/** label-empty: what it reports and what it must leave alone (docs/rules/label-empty.md). */
import { labelEmpty } from '../../src/rules/label-empty.js'
import { df } from '../helpers/dockerfile.js'
import { labelSchema } from '../helpers/labels.js'
import { testRule } from '../helpers/rule-tester.js'

const labels = labelSchema({ 'org.opencontainers.image.source': 'url', team: 'text' })

testRule(labelEmpty, {
  valid: [
    { name: 'values', labels, code: df('FROM alpine:3.20', 'LABEL org.opencontainers.image.source=https://a.example team=core') },
    { name: 'an empty label the schema does not name', labels, code: df('FROM alpine:3.20', 'LABEL other=""') },
    { name: 'an empty value overwritten later', labels, code: df('FROM scratch', 'LABEL team=""', 'LABEL team=core') },
    { name: 'from a build argument', labels, code: df('FROM alpine:3.20', 'ARG TEAM', 'LABEL team=$TEAM') },
    { name: 'no label schema: off', code: df('FROM alpine:3.20', 'LABEL team=""') }
  ],
  invalid: [
    { name: 'empty quotes', labels, code: df('FROM alpine:3.20', 'LABEL org.opencontainers.image.source=""'), errors: [{ line: 2, severity: 'warning', message: 'e.g. org.opencontainers.image.source="https://github.com/org/repo"' }] },
    { name: 'blanks only', labels, code: df('FROM alpine:3.20', 'LABEL team=" "'), errors: [{ line: 2, message: 'team is empty' }] },
    { name: 'nothing after =', labels, code: df('FROM alpine:3.20', 'LABEL team='), errors: [{ line: 2 }] }
  ]
})
