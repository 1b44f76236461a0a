/** run-sudo: what it reports and what it must leave alone (docs/rules/run-sudo.md). */
import { runSudo } from '../../src/rules/run-sudo.js'
import { df } from '../helpers/dockerfile.js'
import { testRule } from '../helpers/rule-tester.js'

testRule(runSudo, {
  valid: [
    { name: 'a word that contains sudo', code: df('FROM alpine:3', 'RUN echo pseudosudo') },
    { name: 'installing the sudo package with apt-get', code: df('FROM debian:12', 'RUN apt-get update && apt-get install -y --no-install-recommends mpd sudo && rm -rf /var/lib/apt/lists/*') },
    { name: 'installing the sudo package with apk', code: df('FROM alpine:3.20', 'RUN apk add --no-cache git sudo shadow') },
    { name: 'sudo as an argument, in quotes or in a file', code: df('FROM debian:12', 'RUN echo "app ALL=(ALL) NOPASSWD: ALL" > /etc/sudoers.d/app && chmod 0440 /etc/sudoers.d/app && echo sudo') },
    { name: 'a comment about sudo', code: df('FROM debian:12', 'RUN make install # no sudo needed') },
    { name: 'PowerShell', code: df('FROM mcr.microsoft.com/windows/servercore:ltsc2022', 'SHELL ["powershell", "-Command"]', 'RUN sudo x') }
  ],
  invalid: [
    { name: 'sudo as a non-root user', code: df('FROM ubuntu:24.04', 'USER app', 'RUN sudo apt-get update'), errors: [{ line: 3, message: 'sudo apt-get: the RUN runs as app' }] },
    { name: 'sudo as root: drop it', code: df('FROM ubuntu:24.04', 'RUN sudo apt-get update'), errors: [{ line: 2, message: 'already runs as root' }] },
    { name: 'sudo after && with options that take a value', code: df('FROM debian:12', 'USER 1000', 'RUN make && sudo -E -u postgres psql -c "select 1"'), errors: [{ line: 3, message: 'sudo psql' }] },
    { name: 'sudo after a pipe, then, do', code: df('FROM debian:12', 'USER app', 'RUN if true; then sudo make install; fi', 'RUN for p in a b; do sudo rm -f $p; done', 'RUN echo y | sudo tee /etc/x'), errors: [{ line: 3 }, { line: 4 }, { line: 5 }] },
    { name: 'sudo through env and inside $(…)', code: df('FROM debian:12', 'USER app', 'RUN env DEBIAN_FRONTEND=noninteractive sudo apt-get install -y x', 'RUN v=$(sudo cat /etc/shadow)'), errors: [{ line: 3, message: 'sudo apt-get' }, { line: 4, message: 'sudo cat' }] },
    { name: 'exec form', code: df('FROM debian:12', 'USER app', 'RUN ["sudo", "make", "install"]'), errors: [{ line: 3, message: 'sudo make' }] },
    { name: 'USER inherited from the parent stage', code: df('FROM debian:12 AS base', 'USER app', 'FROM base', 'RUN sudo make'), errors: [{ line: 4, message: 'runs as app' }] }
  ]
})
