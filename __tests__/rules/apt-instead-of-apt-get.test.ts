/** apt-instead-of-apt-get: what it reports and what it must leave alone (docs/rules/apt-instead-of-apt-get.md). */
import { aptInsteadOfAptGet } from '../../src/rules/apt-instead-of-apt-get.js'
import { df } from '../helpers/dockerfile.js'
import { testRule } from '../helpers/rule-tester.js'

testRule(aptInsteadOfAptGet, {
  valid: [
    { name: 'apt-get and apt-cache', code: df('FROM debian:12', 'RUN apt-get update && apt-cache policy curl && apt-get install -y curl') },
    { name: 'apt as a word, a package or a path', code: df('FROM debian:12', 'RUN apt-get install -y apt-utils && echo apt && ls /etc/apt') },
    { name: 'apt-key and apt-mark', code: df('FROM debian:12', 'RUN apt-mark auto curl && apt-key list') }
  ],
  invalid: [
    { name: 'apt update then apt-get', code: df('FROM ubuntu:24.04', 'RUN apt update && apt-get install -y curl'), errors: [{ line: 2, message: 'use apt-get update' }] },
    { name: 'apt install without -y', code: df('FROM ubuntu:24.04', 'RUN apt install curl'), errors: [{ line: 2, message: 'with -y' }] },
    { name: 'apt search', code: df('FROM ubuntu:24.04', 'RUN apt search curl'), errors: [{ line: 2, message: 'apt-cache search' }] },
    { name: 'apt -y install in a build stage', code: df('FROM ubuntu:24.04 AS b', 'RUN apt -y install gcc', 'FROM scratch', 'COPY --from=b /x /x'), errors: [{ line: 2, message: 'use apt-get install' }] }
  ]
})
