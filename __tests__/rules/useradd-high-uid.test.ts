/** useradd-high-uid: what it reports and what it must leave alone (docs/rules/useradd-high-uid.md). */
import { useraddHighUid } from '../../src/rules/useradd-high-uid.js'
import { df } from '../helpers/dockerfile.js'
import { testRule } from '../helpers/rule-tester.js'

testRule(useraddHighUid, {
  valid: [
    { name: 'a high UID with -l or --no-log-init', code: df('FROM debian:12', 'RUN useradd -l -u 1000000 app', 'RUN useradd --no-log-init --uid 2000000 other') },
    { name: 'an ordinary UID', code: df('FROM debian:12', 'RUN useradd -u 10001 -m app && groupadd -g 99999 g') },
    { name: 'no UID, adduser, or a UID we cannot know', code: df('FROM debian:12', 'ARG UID', 'RUN useradd -m app && adduser --uid 1000000 --disabled-password other && useradd -u "$UID" third') }
  ],
  invalid: [
    { name: 'useradd -u 1000000', code: df('FROM debian:12', 'RUN useradd -u 1000000 -m app'), errors: [{ line: 2, message: 'about 292 MB' }] },
    { name: '--uid= and a UID from an ARG default', code: df('FROM debian:12', 'ARG APP_UID=500000', 'RUN groupadd app && useradd --uid=$APP_UID -g app app'), errors: [{ line: 3, message: 'useradd -u 500000' }] },
    { name: 'in a build stage too', code: df('FROM debian:12 AS b', 'RUN useradd -r -u 123456 builder', 'FROM scratch', 'COPY --from=b /x /x'), errors: [{ line: 2 }] }
  ]
})
