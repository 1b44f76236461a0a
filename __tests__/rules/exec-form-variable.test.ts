/** exec-form-variable: what it reports and what it must leave alone (docs/rules/exec-form-variable.md). */
import { execFormVariable } from '../../src/rules/exec-form-variable.js'
import { df } from '../helpers/dockerfile.js'
import { testRule } from '../helpers/rule-tester.js'

testRule(execFormVariable, {
  valid: [
    { name: 'shell form expands', code: df('FROM eclipse-temurin:21-jre', 'ENV PORT=8080', 'CMD java -Dserver.port=$PORT -jar /app.jar') },
    { name: 'a shell in the array expands its script', code: df('FROM eclipse-temurin:21-jre', 'CMD ["sh", "-c", "exec java -Dserver.port=$PORT -jar /app.jar"]') },
    { name: 'a shell behind tini', code: df('FROM node:20-slim', 'ENTRYPOINT ["/usr/bin/tini", "--", "/bin/bash", "-ec", "exec node server.js --port=${PORT}"]') },
    { name: 'ENTRYPOINT ["sh", "-c"] takes CMD as its script', code: df('FROM alpine:3.19', 'ENTRYPOINT ["/bin/sh", "-c"]', 'CMD ["echo $HOME"]') },
    { name: 'PowerShell expands its own variables', code: df('FROM mcr.microsoft.com/windows/servercore:ltsc2022', 'CMD ["powershell", "-Command", "Write-Host $env:COMPUTERNAME"]') },
    { name: 'a dollar that is no variable (regex, positional)', code: df('FROM alpine:3.19', 'ENTRYPOINT ["grep", "-E", "^ok$", "$1"]') },
    { name: 'a dead CMD in a build stage is left to dead-instruction', code: df('FROM golang:1.22 AS build', 'CMD ["go", "run", "$MAIN"]', 'FROM alpine:3.19', 'CMD ["/app"]') }
  ],
  invalid: [
    {
      name: 'a system property with ${PORT}',
      code: df('FROM eclipse-temurin:21-jre', 'ENV PORT=8080', 'CMD ["java", "-Dport=${PORT}", "-jar", "/app.jar"]'),
      errors: [{ line: 3, severity: 'warning', message: 'CMD ["sh","-c","exec java -Dport=${PORT} -jar /app.jar"]' }]
    },
    { name: 'the program itself from a variable', code: df('FROM alpine:3.19', 'ARG APP=/usr/bin/app', 'ENTRYPOINT ["$APP"]'), errors: [{ line: 3, message: 'does not expand $APP' }] },
    { name: 'no shell to expand it in scratch', code: df('FROM scratch', 'COPY app /app', 'ENTRYPOINT ["/app", "--config", "$CONFIG"]'), errors: [{ line: 3, message: 'this image has no shell' }] },
    { name: 'a healthcheck URL', code: df('FROM node:20-slim', 'ENV PORT=3000', 'HEALTHCHECK CMD ["curl", "-f", "http://localhost:$PORT/health"]', 'CMD ["node", "server.js"]'), errors: [{ line: 3, message: 'HEALTHCHECK CMD ["sh","-c"' }] },
    { name: 'RUN in exec form, in any stage', code: df('FROM alpine:3.19 AS build', 'RUN ["echo", "$HOME"]', 'FROM alpine:3.19', 'COPY --from=build /etc/hostname /x'), errors: [{ line: 2, message: 'RUN echo $HOME' }] },
    { name: 'CMD as arguments of an entrypoint that is no shell', code: df('FROM python:3.12-slim', 'ENTRYPOINT ["python", "-m", "app"]', 'CMD ["--workers", "${WORKERS}"]'), errors: [{ line: 3 }] }
  ]
})
