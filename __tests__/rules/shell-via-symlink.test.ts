/** shell-via-symlink: what it reports and what it must leave alone (docs/rules/shell-via-symlink.md). */
import { shellViaSymlink } from '../../src/rules/shell-via-symlink.js'
import { df } from '../helpers/dockerfile.js'
import { testRule } from '../helpers/rule-tester.js'

testRule(shellViaSymlink, {
  valid: [
    { name: 'SHELL instead', code: df('FROM ubuntu:24.04', 'SHELL ["/bin/bash", "-c"]', 'RUN echo ${BASH_VERSION}') },
    { name: 'a link to somewhere else', code: df('FROM ubuntu:24.04', 'RUN ln -s /usr/bin/python3 /usr/bin/python && ln -sf /bin/sh /usr/local/bin/sh') },
    { name: '/bin/sh as the source', code: df('FROM ubuntu:24.04', 'RUN ln -s /bin/sh /bin/mysh') }
  ],
  invalid: [
    { name: 'ln -sf /bin/bash /bin/sh', code: df('FROM ubuntu:24.04', 'RUN ln -sf /bin/bash /bin/sh'), errors: [{ line: 2, message: 'SHELL ["/bin/bash", "-c"]' }] },
    { name: 'after rm, relative source', code: df('FROM debian:12', 'RUN rm /bin/sh && ln -s bash /bin/sh'), errors: [{ line: 2, message: 'SHELL ["/bin/bash", "-c"]' }] },
    { name: '/usr/bin/sh in a build stage', code: df('FROM debian:12 AS b', 'RUN ln -sfn /bin/dash /usr/bin/sh', 'FROM scratch', 'COPY --from=b /x /x'), errors: [{ line: 2 }] }
  ]
})
