/** pipefail: what it reports and what it must leave alone (docs/rules/pipefail.md). */
import { pipefail } from '../../src/rules/pipefail.js'
import { df } from '../helpers/dockerfile.js'
import { testRule } from '../helpers/rule-tester.js'

testRule(pipefail, {
  valid: [
    { name: 'SHELL with pipefail inherited from the parent stage', code: df('FROM debian:12 AS base', 'SHELL ["/bin/bash", "-o", "pipefail", "-c"]', 'FROM base', 'RUN curl x | tar -x') },
    { name: 'set -o pipefail in the RUN', code: df('FROM debian:12', 'RUN set -eux -o pipefail; curl x | tar -x') },
    { name: '|| is not a pipe', code: df('FROM debian:12', 'RUN make || true') }
  ],
  invalid: [{ name: 'curl | tar', code: df('FROM debian:12', 'RUN curl -fsSL x | tar -xz'), errors: [{ line: 2, message: 'curl | …' }] }]
})
