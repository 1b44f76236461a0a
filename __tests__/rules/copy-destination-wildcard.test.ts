/** copy-destination-wildcard: what it reports and what it must leave alone (docs/rules/copy-destination-wildcard.md). */
import { copyDestinationWildcard } from '../../src/rules/copy-destination-wildcard.js'
import { df } from '../helpers/dockerfile.js'
import { testRule } from '../helpers/rule-tester.js'

testRule(copyDestinationWildcard, {
  valid: [
    { name: 'wildcards in the sources (dotnet samples)', code: df('FROM mcr.microsoft.com/dotnet/sdk:8.0', 'WORKDIR /source', 'COPY --link *.csproj .', 'COPY target/*.jar /app/app.jar') },
    { name: 'a folder destination', code: df('FROM alpine:3.19', 'COPY a.txt b.txt /app/') },
    { name: 'a variable destination', code: df('FROM alpine:3.19', 'ARG DEST=/app', 'COPY a.txt ${DEST}/') }
  ],
  invalid: [
    { name: 'a file into /app/*', code: df('FROM alpine:3.19', 'COPY a.txt /app/*'), errors: [{ line: 2, severity: 'warning', message: 'copy into the folder instead: COPY … /app/' }] },
    { name: 'ADD with a pattern destination', code: df('FROM alpine:3.19', 'ADD --chown=app conf/*.yml /etc/app/*.yml'), errors: [{ line: 2, message: 'literally named "*.yml"' }] },
    { name: 'a relative pattern destination', code: df('FROM alpine:3.19', 'WORKDIR /app', 'COPY --from=build /out/* *'), errors: [{ line: 3, message: 'COPY … ./' }] }
  ]
})
