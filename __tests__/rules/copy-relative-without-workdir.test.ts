/** copy-relative-without-workdir: what it reports and what it must leave alone (docs/rules/copy-relative-without-workdir.md). */
import { copyRelativeWithoutWorkdir } from '../../src/rules/copy-relative-without-workdir.js'
import { df } from '../helpers/dockerfile.js'
import { testRule } from '../helpers/rule-tester.js'

testRule(copyRelativeWithoutWorkdir, {
  valid: [
    { name: 'WORKDIR first', code: df('FROM alpine:3', 'WORKDIR /app', 'COPY . .') },
    { name: 'WORKDIR set in the parent stage', code: df('FROM alpine:3 AS base', 'WORKDIR /app', 'FROM base', 'COPY . .') }
  ],
  invalid: [{ name: 'relative before WORKDIR', code: df('FROM alpine:3', 'COPY a.txt data/'), errors: [{ line: 2 }] }]
})
