/** add-url-without-checksum: what it reports and what it must leave alone (docs/rules/add-url-without-checksum.md). */
import { addUrlWithoutChecksum } from '../../src/rules/add-url-without-checksum.js'
import { df } from '../helpers/dockerfile.js'
import { testRule } from '../helpers/rule-tester.js'

testRule(addUrlWithoutChecksum, {
  valid: [
    { name: 'with --checksum', code: df('FROM alpine:3', 'ADD --checksum=sha256:abc https://x.example/a.tgz /a/') },
    { name: 'a local file', code: df('FROM alpine:3', 'ADD a.tgz /a/') }
  ],
  invalid: [{ name: 'a URL', code: df('FROM alpine:3', 'ADD https://x.example/a.tgz /a/'), errors: [{ line: 2 }] }]
})
