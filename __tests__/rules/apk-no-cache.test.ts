/** apk-no-cache: what it reports and what it must leave alone (docs/rules/apk-no-cache.md). */
import { apkNoCache } from '../../src/rules/apk-no-cache.js'
import { df } from '../helpers/dockerfile.js'
import { testRule } from '../helpers/rule-tester.js'

testRule(apkNoCache, {
  valid: [
    { name: '--no-cache', code: df('FROM alpine:3', 'RUN apk add --no-cache curl') },
    { name: 'in a build stage', code: df('FROM alpine:3 AS b', 'RUN apk add gcc', 'FROM alpine:3', 'COPY --from=b /x /x') },
    {
      // docker-library: the run-time libraries are already installed; --no-network only records them under a virtual name.
      name: 'apk add --no-network fetches nothing',
      code: df(
        'FROM alpine:3.22',
        'RUN set -eux; \\',
        '    apk add --no-cache --virtual .build-deps gcc make; \\',
        '    make install; \\',
        '    runDeps="$(scanelf --needed --nobanner /usr/local/bin/app | sort -u)"; \\',
        '    apk add --no-network --virtual .rundeps $runDeps; \\',
        '    apk del --no-network .build-deps'
      )
    },
    { name: 'the cache on a cache mount', code: df('FROM alpine:3', 'RUN --mount=type=cache,target=/var/cache/apk apk add curl') },
    { name: 'the cache on a tmpfs mount', code: df('FROM alpine:3', 'RUN --mount=type=tmpfs,target=/var/cache/apk apk add curl') },
    { name: '--cache-dir on a cache mount', code: df('FROM alpine:3', 'RUN --mount=type=cache,target=/tmp/apk apk add --cache-dir /tmp/apk curl') },
    { name: '--cache-dir= removed in the same RUN', code: df('FROM alpine:3', 'RUN apk add --cache-dir=/tmp/apk curl && rm -rf /tmp/apk') },
    { name: 'the cache removed in the same RUN', code: df('FROM alpine:3', 'RUN apk update && apk add curl && rm -rf /var/cache/apk/*') }
  ],
  invalid: [
    { name: 'apk add without --no-cache in the shipped stage', code: df('FROM alpine:3', 'RUN apk update && apk add curl'), errors: [{ line: 2 }] },
    { name: 'one apk add with --no-cache, another without', code: df('FROM alpine:3', 'RUN apk add --no-cache curl \\', '  && apk add bash'), errors: [{ line: 2 }] },
    { name: '--cache-dir on a folder that stays', code: df('FROM alpine:3', 'RUN apk add --cache-dir /tmp/apk curl'), errors: [{ line: 2 }] },
    { name: 'a cache mount elsewhere does not cover the default cache', code: df('FROM alpine:3', 'RUN --mount=type=cache,target=/root/.cache apk add curl'), errors: [{ line: 2 }] }
  ]
})
