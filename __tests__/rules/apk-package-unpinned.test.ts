/** apk-package-unpinned (opt-in): what it reports and what it must leave alone (docs/rules/apk-package-unpinned.md). */
import { apkPackageUnpinned } from '../../src/rules/apk-package-unpinned.js'
import { df } from '../helpers/dockerfile.js'
import { testRule } from '../helpers/rule-tester.js'

const on = { 'pin-packages': true }

testRule(apkPackageUnpinned, {
  valid: [
    { name: 'off by default', code: df('FROM alpine:3.20', 'RUN apk add --no-cache curl') },
    { name: 'exact and fuzzy versions, a .apk file', code: df('FROM alpine:3.20', 'RUN apk add --no-cache curl=8.9.1-r0 git~2.45 /tmp/x.apk'), options: on },
    { name: 'the value of --virtual is a name, not a package', code: df('FROM alpine:3.20', 'RUN apk add --no-cache --virtual .build-deps gcc=13.2.1-r0'), options: on },
    { name: 'in a build stage', code: df('FROM alpine:3.20 AS build', 'RUN apk add gcc', 'FROM scratch', 'COPY --from=build /x /x'), options: on }
  ],
  invalid: [
    { name: 'apk add without versions', code: df('FROM alpine:3.20', 'RUN apk add --no-cache ca-certificates curl'), options: on, errors: [{ line: 2, message: 'apk add ca-certificates, curl without a version' }] },
    { name: 'some pinned, some not', code: df('FROM alpine:3.20', 'RUN apk add --no-cache curl=8.9.1-r0 git'), options: on, errors: [{ line: 2, message: 'git~<major.minor>' }] },
    { name: 'as a top-level shortcut the option is on for every pinning rule', code: df('FROM alpine:3.20', 'RUN apk --update add tini'), options: on, errors: [{ line: 2 }] }
  ]
})
