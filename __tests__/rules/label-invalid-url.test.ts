/** label-invalid-url: what it reports and what it must leave alone (docs/rules/label-invalid-url.md). */
import { labelInvalidUrl } from '../../src/rules/label-invalid-url.js'
import { df } from '../helpers/dockerfile.js'
import { labelSchema } from '../helpers/labels.js'
import { testRule } from '../helpers/rule-tester.js'

const labels = labelSchema({ 'org.opencontainers.image.source': 'url', docs: 'url', team: 'text' })

testRule(labelInvalidUrl, {
  valid: [
    { name: 'an https URL', labels, code: df('FROM alpine:3.20', 'LABEL org.opencontainers.image.source="https://github.com/org/app" docs=https://example.com/docs?x=1#top team=x') },
    { name: 'another scheme is a URI too', labels, code: df('FROM alpine:3.20', 'LABEL docs=git+ssh://git@github.com/org/app.git org.opencontainers.image.source=https://a.example team=x') },
    { name: 'a value from a build argument is decided at build time', labels, code: df('FROM alpine:3.20', 'ARG SOURCE_URL=unknown', 'LABEL org.opencontainers.image.source=$SOURCE_URL docs=https://a.example team=x') },
    { name: 'an empty value is label-empty\'s', labels, code: df('FROM alpine:3.20', 'LABEL docs="" org.opencontainers.image.source=https://a.example team=x') },
    { name: 'a label the schema types text takes anything', labels, code: df('FROM alpine:3.20', 'LABEL team="not a url" docs=https://a.example org.opencontainers.image.source=https://a.example') },
    { name: 'a build stage is not judged', labels, code: df('FROM alpine:3.20 AS build', 'LABEL docs=example.com', 'FROM alpine:3.20', 'COPY --from=build /a /a') },
    { name: 'an overwritten value does not ship', labels, code: df('FROM alpine:3.20', 'LABEL docs=TODO', 'LABEL docs=https://a.example') },
    { name: 'no label schema: off', code: df('FROM alpine:3.20', 'LABEL org.opencontainers.image.source=github.com/org/app') }
  ],
  invalid: [
    { name: 'a bare host and path', labels, code: df('FROM alpine:3.20', 'LABEL org.opencontainers.image.source="github.com/org/app"'), errors: [{ line: 2, severity: 'warning', message: 'start it with https://' }] },
    { name: 'words', labels, code: df('FROM alpine:3.20', 'LABEL docs="see the wiki"'), errors: [{ line: 2, message: 'is not a URL' }] },
    { name: 'in the stage the shipped image is built from', labels, code: df('FROM alpine:3.20 AS base', 'LABEL docs=TODO', 'FROM base'), errors: [{ line: 2 }] },
    { name: 'a URL with a space', labels, code: df('FROM alpine:3.20', 'LABEL docs="https://example.com/a b"'), errors: [{ line: 2 }] }
  ]
})
