/** label-invalid-rfc3339: what it reports and what it must leave alone (docs/rules/label-invalid-rfc3339.md). */
import { labelInvalidRfc3339 } from '../../src/rules/label-invalid-rfc3339.js'
import { df } from '../helpers/dockerfile.js'
import { labelSchema } from '../helpers/labels.js'
import { testRule } from '../helpers/rule-tester.js'

const labels = labelSchema({ created: 'rfc3339' })

testRule(labelInvalidRfc3339, {
  valid: [
    { name: 'UTC', labels, code: df('FROM alpine:3.20', 'LABEL created=2024-05-01T12:30:00Z') },
    { name: 'an offset and fractions', labels, code: df('FROM alpine:3.20', 'LABEL created="2021-03-10T10:26:33.564595127+01:00"') },
    { name: 'a space instead of T (RFC 3339 allows it)', labels, code: df('FROM alpine:3.20', 'LABEL created="2021-03-23 13:04:29+01:00"') },
    { name: 'from a build argument', labels, code: df('FROM alpine:3.20', 'ARG BUILD_DATE', 'LABEL created=${BUILD_DATE}') },
    { name: 'a leap day', labels, code: df('FROM alpine:3.20', 'LABEL created=2024-02-29T00:00:00Z') }
  ],
  invalid: [
    { name: 'a word', labels, code: df('FROM alpine:3.20', 'LABEL created=today'), errors: [{ line: 2, message: 'is not an RFC 3339 time' }] },
    { name: 'a date alone', labels, code: df('FROM alpine:3.20', 'LABEL created=2024-05-01'), errors: [{ line: 2, message: 'a date alone is not a time' }] },
    { name: 'no time zone', labels, code: df('FROM alpine:3.20', 'LABEL created=2024-05-01T12:00:00'), errors: [{ line: 2, message: 'no time zone' }] },
    { name: 'month 13', labels, code: df('FROM alpine:3.20', 'LABEL created=2024-13-01T00:00:00Z'), errors: [{ line: 2 }] },
    { name: 'February 29th of a common year', labels, code: df('FROM alpine:3.20', 'LABEL created=2023-02-29T00:00:00Z'), errors: [{ line: 2 }] }
  ]
})
