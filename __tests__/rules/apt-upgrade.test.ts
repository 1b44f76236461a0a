/** apt-upgrade: what it reports and what it must leave alone (docs/rules/apt-upgrade.md). */
import { aptUpgrade } from '../../src/rules/apt-upgrade.js'
import { df } from '../helpers/dockerfile.js'
import { testRule } from '../helpers/rule-tester.js'

testRule(aptUpgrade, {
  valid: [
    { name: 'install only', code: df('FROM debian:12', 'RUN apt-get install -y curl') },
    // Security updates on top of the base image: Docker's guide allows it, hadolint#562 dropped it from DL3005.
    { name: 'apt-get upgrade', code: df('FROM debian:12', 'RUN apt-get update && apt-get upgrade -y && rm -rf /var/lib/apt/lists/*') },
    { name: 'apt upgrade', code: df('FROM ubuntu:24.04', 'RUN apt update && apt upgrade -y') }
  ],
  invalid: [
    { name: 'dist-upgrade', code: df('FROM debian:12', 'RUN apt-get update && apt-get dist-upgrade -y'), errors: [{ line: 2, severity: 'info', message: 'use apt-get upgrade for security updates' }] },
    { name: 'apt full-upgrade', code: df('FROM ubuntu:24.04', 'RUN apt update && apt full-upgrade -y'), errors: [{ line: 2 }] },
    { name: 'after an option with a value', code: df('FROM debian:12', 'RUN apt-get -o Dpkg::Options::=--force-confnew dist-upgrade -y'), errors: [{ line: 2 }] }
  ]
})
