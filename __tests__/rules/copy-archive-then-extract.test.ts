/** copy-archive-then-extract: what it reports and what it must leave alone (docs/rules/copy-archive-then-extract.md). */
import { copyArchiveThenExtract } from '../../src/rules/copy-archive-then-extract.js'
import { df } from '../helpers/dockerfile.js'
import { testRule } from '../helpers/rule-tester.js'

testRule(copyArchiveThenExtract, {
  valid: [
    { name: 'ADD unpacks it', code: df('FROM debian:12', 'ADD app.tar.gz /opt/') },
    { name: 'a zip, which ADD does not unpack', code: df('FROM debian:12', 'COPY app.zip /tmp/', 'RUN unzip /tmp/app.zip -d /opt && rm /tmp/app.zip') },
    { name: 'tar with --strip-components, or members', code: df('FROM debian:12', 'COPY app.tar.gz /tmp/', 'RUN tar -xzf /tmp/app.tar.gz --strip-components=1 -C /opt', 'COPY b.tar /tmp/', 'RUN tar -xf /tmp/b.tar bin/b') },
    { name: 'COPY --from a stage', code: df('FROM alpine:3.20 AS b', 'RUN tar -czf /out.tgz /etc', 'FROM debian:12', 'COPY --from=b /out.tgz /tmp/', 'RUN tar -xzf /tmp/out.tgz -C /') },
    { name: 'an archive that is not extracted', code: df('FROM debian:12', 'COPY backup.tar.gz /data/') },
    { name: 'in a build stage', code: df('FROM debian:12 AS b', 'COPY app.tar.gz /tmp/', 'RUN tar -xzf /tmp/app.tar.gz -C /opt', 'FROM scratch', 'COPY --from=b /opt /opt') }
  ],
  invalid: [
    { name: 'COPY then tar -xzf then rm', code: df('FROM debian:12', 'COPY app-1.2.tar.gz /tmp/', 'RUN tar -xzf /tmp/app-1.2.tar.gz -C /opt && rm /tmp/app-1.2.tar.gz'), errors: [{ line: 2, severity: 'info', message: 'ADD app-1.2.tar.gz <dir>/' }] },
    { name: 'old-style tar xf and --file=', code: df('FROM debian:12', 'COPY a.tar b.tgz /tmp/', 'RUN cd /opt && tar xf /tmp/a.tar', 'COPY c.tar.xz /tmp/c.tar.xz', 'RUN tar --extract --file=/tmp/c.tar.xz -C /srv'), errors: [{ line: 2 }, { line: 4 }] },
    { name: 'renamed by the destination', code: df('FROM debian:12', 'COPY dist/release.tgz /tmp/app.tgz', 'WORKDIR /opt', 'RUN tar -xvzf /tmp/app.tgz'), errors: [{ line: 2, message: 'app.tgz' }] }
  ]
})
