/** wget-progress (off by default): what it reports and what it must leave alone (docs/rules/wget-progress.md). */
import { wgetProgress } from '../../src/rules/wget-progress.js'
import { df } from '../helpers/dockerfile.js'
import { testRule } from '../helpers/rule-tester.js'

/** Turns the experimental checks on, as `# check=experimental=all` does in a Dockerfile. */
const on = (...lines: string[]): string => df('# check=experimental=all', ...lines)

testRule(wgetProgress, {
  valid: [
    { name: 'off by default', code: df('FROM debian:12', 'RUN wget https://example.com/a') },
    { name: '--progress', code: on('FROM debian:12', 'RUN wget --progress=dot:giga https://example.com/big.tar.gz') },
    { name: 'quiet and no-verbose', code: on('FROM debian:12', 'RUN wget -q https://example.com/a', 'RUN wget -nv https://example.com/b', 'RUN wget --quiet -O- https://example.com/c | tar -xz') },
    { name: 'the log to a file', code: on('FROM debian:12', 'RUN wget -o /tmp/log https://example.com/a') },
    { name: 'BusyBox wget on Alpine', code: on('FROM alpine:3.20', 'RUN wget https://example.com/a') },
    { name: 'curl', code: on('FROM debian:12', 'RUN curl -fsSLO https://example.com/a') }
  ],
  invalid: [
    { name: 'GNU wget without --progress', code: on('FROM debian:12', 'RUN wget -O python.tar.xz https://example.com/python.tar.xz'), errors: [{ line: 3, severity: 'info', message: '--progress=dot:giga' }] },
    { name: 'GNU wget installed on Alpine', code: on('FROM alpine:3.20', 'RUN apk add --no-cache wget && wget https://example.com/a'), errors: [{ line: 3 }] },
    { name: 'in a build stage', code: on('FROM debian:12 AS b', 'RUN wget https://example.com/a', 'FROM scratch', 'COPY --from=b /a /a'), errors: [{ line: 3 }] }
  ]
})
