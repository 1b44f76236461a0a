/** zypper-cache-left: what it reports and what it must leave alone (docs/rules/zypper-cache-left.md). */
import { zypperCacheLeft } from '../../src/rules/zypper-cache-left.js'
import { df } from '../helpers/dockerfile.js'
import { testRule } from '../helpers/rule-tester.js'

testRule(zypperCacheLeft, {
  valid: [
    { name: 'zypper clean and zypper cc', code: df('FROM opensuse/leap:15.6', 'RUN zypper -n install curl && zypper clean -a', 'RUN zypper -n in git && zypper cc') },
    { name: 'rm -rf /var/cache/zypp', code: df('FROM opensuse/leap:15.6', 'RUN zypper -n install curl && rm -rf /var/cache/zypp/*') },
    { name: 'a cache mount', code: df('FROM opensuse/leap:15.6', 'RUN --mount=type=cache,target=/var/cache/zypp zypper -n install curl') },
    { name: 'in a build stage', code: df('FROM opensuse/leap:15.6 AS build', 'RUN zypper -n install gcc', 'FROM scratch', 'COPY --from=build /x /x') }
  ],
  invalid: [
    { name: 'no clean', code: df('FROM opensuse/leap:15.6', 'RUN zypper -n install curl'), errors: [{ line: 2, message: 'zypper clean' }] },
    { name: 'cleaned before the last install', code: df('FROM opensuse/leap:15.6', 'RUN zypper -n in curl && zypper clean && zypper -n in git'), errors: [{ line: 2 }] },
    { name: 'refresh and patch fill it too', code: df('FROM opensuse/leap:15.6', 'RUN zypper -n refresh && zypper -n patch'), errors: [{ line: 2, message: '/var/cache/zypp' }] }
  ]
})
