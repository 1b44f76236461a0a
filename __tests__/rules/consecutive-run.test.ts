/** consecutive-run: what it reports and what it must leave alone (docs/rules/consecutive-run.md). */
import { consecutiveRun } from '../../src/rules/consecutive-run.js'
import { df } from '../helpers/dockerfile.js'
import { testRule } from '../helpers/rule-tester.js'

testRule(consecutiveRun, {
  valid: [
    { name: 'one RUN', code: df('FROM debian:12', 'RUN apt-get install -y a b') },
    { name: 'different managers, or something in between', code: df('FROM debian:12', 'RUN apt-get install -y a', 'COPY x /x', 'RUN apt-get install -y b', 'RUN pip install c') },
    { name: 'in a build stage', code: df('FROM debian:12 AS b', 'RUN apt-get install -y a', 'RUN apt-get install -y b', 'FROM scratch', 'COPY --from=b /x /x') }
  ],
  invalid: [{ name: 'two apt installs in a row', code: df('FROM debian:12', 'RUN apt-get install -y a', 'RUN apt-get install -y b'), errors: [{ line: 3, message: 'line 2' }] }]
})
