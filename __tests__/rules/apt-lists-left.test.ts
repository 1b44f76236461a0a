/** apt-lists-left: what it reports and what it must leave alone (docs/rules/apt-lists-left.md). */
import { aptListsLeft } from '../../src/rules/apt-lists-left.js'
import { df } from '../helpers/dockerfile.js'
import { testRule } from '../helpers/rule-tester.js'

const BUILD_THEN_SHIP = (buildRun: string): string => df('FROM debian:bookworm AS build', buildRun, 'FROM debian:bookworm-slim', 'COPY --from=build /out /out')

testRule(aptListsLeft, {
  valid: [
    { name: 'lists removed in the same RUN', code: df('FROM debian:12', 'RUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*') },
    { name: 'a cache mount on the lists', code: df('FROM debian:12', 'RUN --mount=type=cache,target=/var/lib/apt/lists apt-get update && apt-get install -y curl') },
    { name: 'in a build stage (hadolint#167)', code: BUILD_THEN_SHIP('RUN apt-get update && apt-get install -y gcc') }
  ],
  invalid: [
    { name: 'left in the only stage', code: df('FROM debian:12', 'RUN apt-get update && \\', '    apt-get install -y curl'), errors: [{ line: 2 }] },
    { name: 'left in a base stage the shipped one is built FROM', code: df('FROM debian:12 AS base', 'RUN apt-get update && apt-get install -y curl', 'FROM base'), errors: [{ line: 2 }] }
  ]
})
