/** apt-get-assume-yes: what it reports and what it must leave alone (docs/rules/apt-get-assume-yes.md). */
import { aptGetAssumeYes } from '../../src/rules/apt-get-assume-yes.js'
import { df } from '../helpers/dockerfile.js'
import { testRule } from '../helpers/rule-tester.js'

testRule(aptGetAssumeYes, {
  valid: [
    { name: '-y before or after the subcommand', code: df('FROM debian:12', 'RUN apt-get update && apt-get install -y curl', 'RUN apt-get -y install git') },
    { name: '--yes, --assume-yes and grouped -qy', code: df('FROM debian:12', 'RUN apt-get install --yes curl', 'RUN apt-get install --assume-yes git', 'RUN apt-get -qy install make') },
    { name: '-qq implies -y', code: df('FROM debian:12', 'RUN apt-get -qq install curl', 'RUN apt-get -q -q install git') },
    { name: '-o APT::Get::Assume-Yes=true', code: df('FROM debian:12', 'RUN apt-get -o APT::Get::Assume-Yes=true install curl') },
    { name: 'Assume-Yes written to apt.conf.d in an earlier RUN of the parent stage', code: df('FROM debian:12 AS base', `RUN echo 'APT::Get::Assume-Yes "true";' > /etc/apt/apt.conf.d/90yes`, 'FROM base', 'RUN apt-get install curl') },
    { name: 'the answer piped in', code: df('FROM debian:12', 'RUN yes | apt-get install curl') },
    { name: 'a dry run asks nothing', code: df('FROM debian:12', 'RUN apt-get install -s curl') },
    { name: 'commands that never ask: update, clean, apt-get in a word', code: df('FROM debian:12', 'RUN apt-get update && apt-get clean && echo "apt-get install x"') },
    { name: 'PowerShell', code: df('FROM mcr.microsoft.com/windows/servercore:ltsc2022', 'SHELL ["powershell", "-Command"]', 'RUN apt-get install x') }
  ],
  invalid: [
    { name: 'apt-get -f install after dpkg -i', code: df('FROM debian:12', 'RUN curl -o /tmp/a.deb https://example.com/a.deb && dpkg -i /tmp/a.deb && apt-get -f install'), errors: [{ line: 2, message: 'apt-get install without -y' }] },
    { name: 'install in a build stage too', code: df('FROM debian:12 AS build', 'RUN apt-get update && apt-get install gcc', 'FROM scratch', 'COPY --from=build /x /x'), errors: [{ line: 2 }] },
    { name: 'remove and upgrade ask as well', code: df('FROM ubuntu:24.04', 'RUN apt-get remove curl', 'RUN apt-get upgrade'), errors: [{ line: 2, message: 'apt-get remove' }, { line: 3, message: 'apt-get upgrade' }] },
    { name: '-q alone is not -qq', code: df('FROM debian:12', 'RUN apt-get -q install curl'), errors: [{ line: 2 }] },
    { name: 'DEBIAN_FRONTEND=noninteractive does not answer the question', code: df('FROM debian:12', 'ENV DEBIAN_FRONTEND=noninteractive', 'RUN apt-get update && apt-get install --no-install-recommends curl'), errors: [{ line: 3 }] },
    { name: 'a heredoc script', code: df('FROM debian:12', 'RUN <<EOF', 'apt-get update', 'apt-get install curl', 'EOF'), errors: [{ line: 2 }] }
  ]
})
