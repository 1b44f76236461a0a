/** label-invalid-spdx: what it reports and what it must leave alone (docs/rules/label-invalid-spdx.md). */
import { labelInvalidSpdx } from '../../src/rules/label-invalid-spdx.js'
import { df } from '../helpers/dockerfile.js'
import { labelSchema } from '../helpers/labels.js'
import { testRule } from '../helpers/rule-tester.js'

const labels = labelSchema({ 'org.opencontainers.image.licenses': 'spdx' })

testRule(labelInvalidSpdx, {
  valid: [
    { name: 'an id', labels, code: df('FROM alpine:3.20', 'LABEL org.opencontainers.image.licenses=BSD-3-Clause') },
    { name: 'an expression (OCI says licenses is one)', labels, code: df('FROM alpine:3.20', 'LABEL org.opencontainers.image.licenses="(MIT OR Apache-2.0) AND BSD-2-Clause"') },
    { name: 'an exception and an or-later', labels, code: df('FROM alpine:3.20', 'LABEL org.opencontainers.image.licenses="GPL-2.0-or-later WITH Classpath-exception-2.0"') },
    { name: 'ids ignore case, as the SPDX spec says', labels, code: df('FROM alpine:3.20', 'LABEL org.opencontainers.image.licenses=mit') },
    { name: 'a LicenseRef of ones own', labels, code: df('FROM alpine:3.20', 'LABEL org.opencontainers.image.licenses=LicenseRef-Proprietary') }
  ],
  invalid: [
    { name: 'prose', labels, code: df('FROM alpine:3.20', 'LABEL org.opencontainers.image.licenses="Thou shall not copy"'), errors: [{ line: 2, message: 'is not an SPDX license expression' }] },
    { name: 'a common nickname', labels, code: df('FROM alpine:3.20', 'LABEL org.opencontainers.image.licenses=Apache2'), errors: [{ line: 2, message: 'its SPDX id is Apache-2.0' }] },
    { name: 'a comma list', labels, code: df('FROM alpine:3.20', 'LABEL org.opencontainers.image.licenses="MIT, Apache-2.0"'), errors: [{ line: 2, message: 'AND or OR' }] },
    { name: 'an unbalanced expression', labels, code: df('FROM alpine:3.20', 'LABEL org.opencontainers.image.licenses="(MIT OR"'), errors: [{ line: 2 }] }
  ]
})
