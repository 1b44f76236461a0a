/** pip-cache: what it reports and what it must leave alone (docs/rules/pip-cache.md). */
import { pipCache } from '../../src/rules/pip-cache.js'
import { df } from '../helpers/dockerfile.js'
import { testRule } from '../helpers/rule-tester.js'

testRule(pipCache, {
  valid: [
    { name: '--no-cache-dir', code: df('FROM python:3.12-slim', 'RUN pip install --no-cache-dir flask') },
    { name: 'PIP_NO_CACHE_DIR in scope', code: df('FROM python:3.12-slim', 'ENV PIP_NO_CACHE_DIR=1', 'RUN pip install flask') },
    { name: 'the cache removed in the same RUN', code: df('FROM python:3.12-slim', 'RUN pip install flask && rm -rf /root/.cache/pip') },
    { name: 'its parent folder removed', code: df('FROM python:3.12-slim', 'RUN pip install flask && rm -rf ~/.cache') },
    { name: 'pip cache purge', code: df('FROM python:3.12-slim', 'RUN pip3 install flask && pip3 cache purge') },
    { name: 'a tmpfs mount on the cache', code: df('FROM python:3.12-slim', 'RUN --mount=type=tmpfs,target=/root/.cache pip install flask') },
    { name: 'in a build stage', code: df('FROM python:3.12 AS b', 'RUN pip wheel -w /w flask && pip install flask', 'FROM python:3.12-slim', 'COPY --from=b /w /w') }
  ],
  invalid: [
    { name: 'python -m pip install', code: df('FROM python:3.12-slim', 'RUN python3 -m pip install -r requirements.txt'), errors: [{ line: 2 }] },
    // pip 6 moved its cache from ~/.pip/cache to ~/.cache/pip: the old path cleans nothing.
    { name: 'removing the pre-6 cache folder', code: df('FROM python:3.12-slim', 'RUN pip install flask && rm -rf ~/.pip/cache'), errors: [{ line: 2 }] },
    { name: 'a cache folder of another tool removed', code: df('FROM python:3.12-slim', 'RUN pip install flask && rm -rf /root/.cache/go-build'), errors: [{ line: 2 }] }
  ]
})
