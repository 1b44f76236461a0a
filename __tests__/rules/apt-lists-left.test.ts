/** apt-lists-left: what it reports and what it must leave alone (docs/rules/apt-lists-left.md). */
import { aptListsLeft } from '../../src/rules/apt-lists-left.js'
import { df } from '../helpers/dockerfile.js'
import { testRule } from '../helpers/rule-tester.js'

const BUILD_THEN_SHIP = (buildRun: string): string => df('FROM debian:bookworm AS build', buildRun, 'FROM debian:bookworm-slim', 'COPY --from=build /out /out')

testRule(aptListsLeft, {
  valid: [
    { name: 'a dev-environment stage (a build environment: no runtime-image checks)', code: df('FROM node:20 AS dev', 'RUN <<EOF', 'apt-get update', 'apt-get install -y --no-install-recommends git', 'EOF') },
    { name: 'lists removed in the same RUN', code: df('FROM debian:12', 'RUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*') },
    { name: 'a cache mount on the lists', code: df('FROM debian:12', 'RUN --mount=type=cache,target=/var/lib/apt/lists apt-get update && apt-get install -y curl') },
    { name: 'a tmpfs mount on /var/lib/apt (hadolint#1095)', code: df('FROM debian:12', 'RUN --mount=type=tmpfs,target=/var/lib/apt apt-get update && apt-get install -y curl') },
    { name: 'in a build stage (hadolint#167)', code: BUILD_THEN_SHIP('RUN apt-get update && apt-get install -y gcc') },
    // apt >= 2.7 (Debian trixie): dist-clean empties /var/lib/apt/lists, as the docker-library images use it.
    { name: 'apt-get dist-clean at the end of the RUN', code: df('FROM debian:trixie-slim', 'RUN set -eux; \\', '    apt-get update; \\', '    apt-get install -y --no-install-recommends ca-certificates; \\', '    apt-get dist-clean') },
    { name: 'apt-get distclean (the other spelling)', code: df('FROM debian:trixie-slim', 'RUN apt-get update && apt-get install -y curl && apt-get distclean') },
    { name: 'apt distclean', code: df('FROM ubuntu:25.04', 'RUN apt update && apt install -y curl && apt distclean') },
    {
      name: 'a later install relies on the lists of a build stage: nothing ships',
      code: df('FROM debian:12 AS base', 'RUN apt-get update', 'FROM base AS build', 'RUN apt-get install -y gcc && make', 'FROM scratch', 'COPY --from=build /out /out')
    }
  ],
  invalid: [
    { name: 'left in the only stage', code: df('FROM debian:12', 'RUN apt-get update && \\', '    apt-get install -y curl'), errors: [{ line: 2 }] },
    { name: 'left in a base stage the shipped one is built FROM', code: df('FROM debian:12 AS base', 'RUN apt-get update && apt-get install -y curl', 'FROM base'), errors: [{ line: 2 }] },
    { name: 'apt-get clean only empties the .deb cache, not the lists', code: df('FROM debian:trixie-slim', 'RUN apt-get update && apt-get install -y curl && apt-get clean'), errors: [{ line: 2 }] },
    {
      name: 'a later RUN cleans only its own lists (desktop-app pattern)',
      code: df('FROM debian:12', 'RUN apt-get update && apt-get install -y curl', 'RUN apt-get update && apt-get install -y gnupg && rm -rf /var/lib/apt/lists/*'),
      errors: [{ line: 2 }]
    },
    {
      name: 'a stage built FROM this one installs with these lists: update there too, do not just delete them here',
      code: df('FROM debian:trixie-slim AS base', 'RUN apt-get update && apt-get install -y binutils', 'FROM base AS extra', 'RUN apt-get install -y binutils-loongarch64-linux-gnu && rm -rf /var/lib/apt/lists/*'),
      errors: [{ line: 2, message: 'the install on line 4 relies on them, so run apt-get update in that RUN too' }]
    },
    { name: 'apt-get update in a RUN of its own (hadolint DL3009 too)', code: df('FROM debian:12', 'RUN apt-get update', 'RUN apt-get install -y curl && rm -rf /var/lib/apt/lists/*'), errors: [{ line: 2, message: 'update, install and clean up in one RUN' }] },
    { name: 'the same heredoc install in a shipped stage', code: df('FROM node:20 AS app', 'RUN <<EOF', 'apt-get update', 'apt-get install -y --no-install-recommends git', 'EOF', 'CMD ["node", "server.js"]'), errors: [{ line: 2 }] }
  ]
})
