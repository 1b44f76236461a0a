/** add-local-file: what it reports and what it must leave alone (docs/rules/add-local-file.md). */
import { addLocalFile } from '../../src/rules/add-local-file.js'
import { df } from '../helpers/dockerfile.js'
import { testRule } from '../helpers/rule-tester.js'

testRule(addLocalFile, {
  valid: [{ name: 'an archive, a URL and a git repository', code: df('FROM alpine:3', 'ADD app.tar.gz /opt/', 'ADD --checksum=sha256:x https://e.x/a /a', 'ADD https://github.com/o/r.git /src') }],
  invalid: [{ name: 'a config file', code: df('FROM alpine:3', 'ADD app.conf /etc/app.conf'), errors: [{ line: 2 }] }]
})
