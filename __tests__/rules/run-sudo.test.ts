/** run-sudo: what it reports and what it must leave alone (docs/rules/run-sudo.md). */
import { runSudo } from '../../src/rules/run-sudo.js'
import { df } from '../helpers/dockerfile.js'
import { testRule } from '../helpers/rule-tester.js'

testRule(runSudo, {
  valid: [{ name: 'a word that contains sudo', code: df('FROM alpine:3', 'RUN echo pseudosudo') }],
  invalid: [{ name: 'sudo', code: df('FROM ubuntu:24.04', 'RUN sudo apt-get update'), errors: [{ line: 2 }] }]
})
