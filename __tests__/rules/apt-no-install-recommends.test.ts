/** apt-no-install-recommends: what it reports and what it must leave alone (docs/rules/apt-no-install-recommends.md). */
import { aptNoInstallRecommends } from '../../src/rules/apt-no-install-recommends.js'
import { df } from '../helpers/dockerfile.js'
import { testRule } from '../helpers/rule-tester.js'

testRule(aptNoInstallRecommends, {
  valid: [
    { name: '--no-install-recommends anywhere in the command', code: df('FROM debian:12', 'RUN apt-get update && apt-get install -y curl --no-install-recommends && rm -rf /var/lib/apt/lists/*') },
    { name: '-o APT::Install-Recommends=false', code: df('FROM debian:12', 'RUN apt-get install -y -o APT::Install-Recommends=false curl') },
    { name: 'Install-Recommends turned off in apt.conf.d before', code: df('FROM debian:12 AS base', `RUN echo 'APT::Install-Recommends "0";' > /etc/apt/apt.conf.d/01norecommends`, 'FROM base', 'RUN apt-get install -y curl') },
    { name: 'in a build stage', code: df('FROM debian:12 AS build', 'RUN apt-get install -y build-essential', 'FROM debian:12-slim', 'COPY --from=build /out /out') },
    { name: 'install with no package (-f), and a dry run', code: df('FROM debian:12', 'RUN dpkg -i /tmp/a.deb || apt-get install -y -f', 'RUN apt-get install -s curl') }
  ],
  invalid: [
    { name: 'the shipped stage', code: df('FROM debian:12', 'RUN apt-get update && apt-get install -y curl git && rm -rf /var/lib/apt/lists/*'), errors: [{ line: 2, message: 'apt-get install curl, git without --no-install-recommends' }] },
    { name: 'the second install of a RUN', code: df('FROM ubuntu:24.04', 'RUN apt-get install -y --no-install-recommends software-properties-common && add-apt-repository ppa:x/y && apt-get update && apt-get install -y yubikey-manager'), errors: [{ line: 2, message: 'yubikey-manager' }] },
    { name: 'the parent of the shipped stage', code: df('FROM debian:12 AS base', 'RUN apt-get install -y python3-pip', 'FROM base', 'CMD ["python3"]'), errors: [{ line: 2 }] }
  ]
})
