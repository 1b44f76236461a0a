/** zypper-non-interactive: what it reports and what it must leave alone (docs/rules/zypper-non-interactive.md). */
import { zypperNonInteractive } from '../../src/rules/zypper-non-interactive.js'
import { df } from '../helpers/dockerfile.js'
import { testRule } from '../helpers/rule-tester.js'

testRule(zypperNonInteractive, {
  valid: [
    { name: 'global -n and --non-interactive', code: df('FROM opensuse/leap:15.6', 'RUN zypper -n install curl', 'RUN zypper --non-interactive in git') },
    { name: 'command option -y and --no-confirm', code: df('FROM opensuse/leap:15.6', 'RUN zypper install -y curl', 'RUN zypper rm --no-confirm git') },
    { name: 'commands that do not ask', code: df('FROM opensuse/leap:15.6', 'RUN zypper refresh && zypper clean -a && zypper search curl') }
  ],
  invalid: [
    { name: 'zypper install without -n or -y', code: df('FROM opensuse/leap:15.6', 'RUN zypper install curl'), errors: [{ line: 2, message: 'zypper install without -n' }] },
    { name: 'in, remove, patch', code: df('FROM opensuse/tumbleweed', 'RUN zypper in curl', 'RUN zypper remove git', 'RUN zypper patch'), errors: [{ line: 2 }, { line: 3 }, { line: 4 }] },
    { name: 'in a build stage', code: df('FROM opensuse/leap:15.6 AS build', 'RUN zypper install gcc', 'FROM scratch', 'COPY --from=build /x /x'), errors: [{ line: 2 }] }
  ]
})
