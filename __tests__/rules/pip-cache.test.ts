/** pip-cache: what it reports and what it must leave alone (docs/rules/pip-cache.md). */
import { pipCache } from '../../src/rules/pip-cache.js'
import { df } from '../helpers/dockerfile.js'
import { testRule } from '../helpers/rule-tester.js'

testRule(pipCache, {
  valid: [
    { name: '--no-cache-dir', code: df('FROM python:3.12-slim', 'RUN pip install --no-cache-dir flask') },
    { name: 'PIP_NO_CACHE_DIR in scope', code: df('FROM python:3.12-slim', 'ENV PIP_NO_CACHE_DIR=1', 'RUN pip install flask') },
    { name: 'in a build stage', code: df('FROM python:3.12 AS b', 'RUN pip wheel -w /w flask && pip install flask', 'FROM python:3.12-slim', 'COPY --from=b /w /w') }
  ],
  invalid: [{ name: 'python -m pip install', code: df('FROM python:3.12-slim', 'RUN python3 -m pip install -r requirements.txt'), errors: [{ line: 2 }] }]
})
