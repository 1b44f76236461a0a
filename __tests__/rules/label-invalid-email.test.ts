/** label-invalid-email: what it reports and what it must leave alone (docs/rules/label-invalid-email.md). */
import { labelInvalidEmail } from '../../src/rules/label-invalid-email.js'
import { df } from '../helpers/dockerfile.js'
import { labelSchema } from '../helpers/labels.js'
import { testRule } from '../helpers/rule-tester.js'

const labels = labelSchema({ maintainer: 'email' })

testRule(labelInvalidEmail, {
  valid: [
    { name: 'an address', labels, code: df('FROM alpine:3.20', 'LABEL maintainer=team@example.com') },
    { name: 'a mailbox with a display name (RFC 5322 name-addr)', labels, code: df('FROM alpine:3.20', 'LABEL maintainer="Jane Doe <jane.doe@example.com>"') },
    { name: 'a plus address', labels, code: df('FROM alpine:3.20', 'LABEL maintainer=ops+docker@example.co.uk') },
    { name: 'from a build argument', labels, code: df('FROM alpine:3.20', 'ARG MAINTAINER', 'LABEL maintainer=$MAINTAINER') }
  ],
  invalid: [
    { name: 'a name only', labels, code: df('FROM alpine:3.20', 'LABEL maintainer="Jane Doe"'), errors: [{ line: 2, message: 'it has no @' }] },
    { name: 'no domain', labels, code: df('FROM alpine:3.20', 'LABEL maintainer=jane@'), errors: [{ line: 2, message: 'is not an email address' }] },
    { name: 'two @', labels, code: df('FROM alpine:3.20', 'LABEL maintainer="a@b@example.com"'), errors: [{ line: 2 }] }
  ]
})
