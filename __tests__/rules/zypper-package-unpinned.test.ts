/** zypper-package-unpinned (opt-in): what it reports and what it must leave alone (docs/rules/zypper-package-unpinned.md). */
import { zypperPackageUnpinned } from '../../src/rules/zypper-package-unpinned.js'
import { df } from '../helpers/dockerfile.js'
import { testRule } from '../helpers/rule-tester.js'

const on = { 'pin-packages': true }

testRule(zypperPackageUnpinned, {
  valid: [
    { name: 'off by default', code: df('FROM opensuse/leap:15.6', 'RUN zypper -n install curl') },
    { name: 'versions and ranges', code: df('FROM opensuse/leap:15.6', "RUN zypper -n install curl=8.6.0 'git>=2.43' 'vim<10'"), options: on },
    { name: 'an .rpm file; the value of -t', code: df('FROM opensuse/leap:15.6', 'RUN zypper -n install /tmp/x.rpm && zypper -n in -t pattern devel_basis=1'), options: on }
  ],
  invalid: [
    { name: 'zypper install without versions', code: df('FROM opensuse/leap:15.6', 'RUN zypper -n install curl git'), options: on, errors: [{ line: 2, message: 'zypper install curl, git without a version' }] },
    { name: 'zypper in', code: df('FROM opensuse/leap:15.6', 'RUN zypper --non-interactive in -y tar'), options: on, errors: [{ line: 2, message: 'zypper in tar' }] },
    { name: 'the parent of the shipped stage', code: df('FROM opensuse/leap:15.6 AS base', 'RUN zypper -n in gzip', 'FROM base'), options: on, errors: [{ line: 2 }] }
  ]
})
