/** workdir-relative-path: what it reports and what it must leave alone (docs/rules/workdir-relative-path.md). */
import { workdirRelativePath } from '../../src/rules/workdir-relative-path.js'
import { df } from '../helpers/dockerfile.js'
import { testRule } from '../helpers/rule-tester.js'

testRule(workdirRelativePath, {
  valid: [
    { name: 'absolute, then relative', code: df('FROM alpine:3', 'WORKDIR /app', 'WORKDIR src') },
    { name: 'relative in a child of a stage with an absolute WORKDIR', code: df('FROM alpine:3 AS base', 'WORKDIR /app', 'FROM base', 'WORKDIR src') },
    { name: 'a variable', code: df('FROM alpine:3', 'ARG D=/x', 'WORKDIR $D') }
  ],
  invalid: [{ name: 'relative first WORKDIR', code: df('FROM alpine:3', 'WORKDIR app'), errors: [{ line: 2 }] }]
})
