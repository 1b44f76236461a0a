/** apt-package-unpinned (opt-in): what it reports and what it must leave alone (docs/rules/apt-package-unpinned.md). */
import { aptPackageUnpinned } from '../../src/rules/apt-package-unpinned.js'
import { df } from '../helpers/dockerfile.js'
import { testRule } from '../helpers/rule-tester.js'

const on = { 'pin-packages': true }

testRule(aptPackageUnpinned, {
  valid: [
    { name: 'off by default', code: df('FROM debian:12', 'RUN apt-get install -y curl') },
    { name: 'versions, a release, a .deb', code: df('FROM debian:12', 'RUN apt-get install -y curl=7.88.1-10 git/bookworm-backports ./pkg.deb'), options: on },
    { name: 'the value of -t is not a package', code: df('FROM debian:12', 'RUN apt-get install -y -t bookworm-backports golang=2:1.21~2'), options: on },
    { name: 'a variable holding the list', code: df('FROM debian:12', 'RUN apt-get install -y $PHPIZE_DEPS'), options: on },
    { name: 'in a build stage', code: df('FROM debian:12 AS build', 'RUN apt-get install -y gcc', 'FROM scratch', 'COPY --from=build /x /x'), options: on }
  ],
  invalid: [
    { name: 'packages without versions', code: df('FROM debian:12', 'RUN apt-get update && apt-get install -y --no-install-recommends ca-certificates curl=7.88.1-10 git'), options: on, errors: [{ line: 2, message: 'apt-get install ca-certificates, git without a version' }] },
    { name: 'apt install', code: df('FROM ubuntu:24.04', 'RUN apt install -y curl'), options: on, errors: [{ line: 2, message: 'curl=<version>' }] },
    { name: 'many packages are listed briefly', code: df('FROM debian:12', 'RUN apt-get install -y a b c d e'), options: on, errors: [{ line: 2, message: 'a, b, c and 2 more' }] }
  ]
})
