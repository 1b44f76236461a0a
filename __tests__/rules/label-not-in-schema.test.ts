/** label-not-in-schema: what it reports and what it must leave alone (docs/rules/label-not-in-schema.md). */
import { labelNotInSchema } from '../../src/rules/label-not-in-schema.js'
import { df } from '../helpers/dockerfile.js'
import { labelSchema } from '../helpers/labels.js'
import { testRule } from '../helpers/rule-tester.js'

const strict = labelSchema({ required: 'text' }, { strict: true })

testRule(labelNotInSchema, {
  valid: [
    { name: 'only the schema\'s labels', labels: strict, code: df('FROM alpine:3.20', 'LABEL required=foo') },
    { name: 'no labels', labels: strict, code: df('FROM alpine:3.20') },
    { name: 'not strict: other labels are fine', labels: labelSchema({ required: 'text' }), code: df('FROM alpine:3.20', 'LABEL required=foo other=bar') },
    { name: 'a build stage\'s labels do not ship', labels: strict, code: df('FROM alpine:3.20 AS build', 'LABEL stage=build', 'FROM alpine:3.20', 'COPY --from=build /a /a', 'LABEL required=x') },
    { name: 'the OCI preset names its keys', labels: labelSchema({}, { oci: true, strict: true }), code: df('FROM alpine:3.20', 'LABEL org.opencontainers.image.title=app') }
  ],
  invalid: [
    { name: 'another label', labels: strict, code: df('FROM alpine:3.20', 'LABEL other=bar'), errors: [{ line: 2, severity: 'warning', message: 'label other is not in the label schema' }] },
    { name: 'next to a required one', labels: strict, code: df('FROM alpine:3.20', 'LABEL required=foo other=bar more=baz'), errors: [{ line: 2, message: 'labels other, more are not' }] },
    { name: 'strict with no schema: every label', labels: labelSchema({}, { strict: true }), code: df('FROM alpine:3.20', 'LABEL anything=x'), errors: [{ line: 2, message: 'the schema is empty' }] }
  ]
})
