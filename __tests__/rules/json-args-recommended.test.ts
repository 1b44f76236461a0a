/** json-args-recommended: what it reports and what it must leave alone (docs/rules/json-args-recommended.md). */
import { jsonArgsRecommended } from '../../src/rules/json-args-recommended.js'
import { df } from '../helpers/dockerfile.js'
import { testRule } from '../helpers/rule-tester.js'

testRule(jsonArgsRecommended, {
  valid: [
    { name: 'the registry says the base is Windows (cmd, not sh)', code: df('FROM registry.example/win:1', 'CMD app.exe --serve'), baseFacts: { 'registry.example/win:1': { os: 'windows' } } },

    { name: 'exec form', code: df('FROM debian:12', 'CMD ["sh", "-c", "echo"]') },
    { name: 'shell form in a build stage (dead anyway)', code: df('FROM debian:12 AS b', 'CMD echo', 'FROM debian:12', 'COPY --from=b /x /x') },
    { name: 'a SHELL inherited from the parent stage', code: df('FROM debian:12 AS base', 'SHELL ["/bin/bash", "-c"]', 'FROM base', 'CMD echo hi') },
    { name: 'exec in shell form', code: df('FROM debian:12', 'CMD exec java -jar /app.jar') },
    { name: 'exec after cd &&', code: df('FROM ubuntu:24.04', 'CMD cd /app && exec node server.js') },
    { name: 'exec in each branch', code: df('FROM debian:12', 'CMD if [ -f yarn.lock ]; then exec yarn start; else exec npm start; fi') },
    // BusyBox ash execs the command it runs last.
    { name: 'Alpine: a plain command', code: df('FROM node:18-alpine', 'CMD node server.js') },
    { name: 'Alpine: a VAR=value prefix', code: df('FROM node:18-alpine', 'CMD HOSTNAME="0.0.0.0" node server.js') },
    { name: 'Alpine: expansions and a redirection', code: df('FROM python:3.12-alpine', 'ENTRYPOINT locust --host="http://${FRONTEND_ADDR}" -u "${USERS:-10}" 2>&1') },
    { name: 'Alpine: if / elif / else', code: df('FROM node:18-alpine', 'CMD \\', '  if [ -f yarn.lock ]; then yarn dev; \\', '  elif [ -f package-lock.json ]; then npm run dev; \\', '  else npm run dev; \\', '  fi') },
    { name: 'Alpine through a stage chain', code: df('FROM node:20-alpine AS base', 'FROM base', 'CMD npm start') },
    // bash as /bin/sh execs a lone simple command.
    { name: 'Fedora: a lone command', code: df('FROM fedora', 'CMD /bin/bash') },
    // Not POSIX sh.
    { name: 'a Windows base (cmd)', code: df('FROM mcr.microsoft.com/windows/servercore:ltsc2022', 'CMD ping -t localhost') },
    { name: 'SHELL powershell', code: df('FROM mcr.microsoft.com/dotnet/aspnet:8.0-nanoserver-ltsc2022', 'SHELL ["pwsh", "-Command"]', 'ENTRYPOINT dotnet app.dll') }
  ],
  invalid: [
    { name: "a shell-form CMD under the base image's ENTRYPOINT (from its config)", code: df('FROM node:20-slim', 'CMD npm start'), baseFacts: { 'node:20-slim': { entrypoint: ['docker-entrypoint.sh'] } }, errors: [{ line: 2, message: 'the base image\'s ENTRYPOINT ["docker-entrypoint.sh"], from its config, receives it' }] },

    { name: 'Debian (dash): exec form', code: df('FROM node:20-slim', 'CMD npm start'), errors: [{ line: 2, message: 'write CMD ["npm", "start"]' }] },
    { name: 'Ubuntu (dash) names the program and the shell', code: df('FROM eclipse-temurin:17-jre-focal', 'CMD java -jar /app.jar'), errors: [{ line: 2, message: 'dash, which stays PID 1 and does not pass SIGTERM to java' }] },
    { name: 'a VAR=value prefix: ENV and exec form', code: df('FROM node:20-bookworm-slim', 'CMD HOSTNAME="0.0.0.0" node server.js'), errors: [{ line: 2, message: 'write ENV HOSTNAME="0.0.0.0" and CMD ["node", "server.js"]' }] },
    { name: 'expansions: exec in shell form, not exec form', code: df('FROM python:3.12-slim', 'ENTRYPOINT gunicorn --bind "0.0.0.0:${PORT}" app:app'), errors: [{ line: 2, message: 'shell form is needed for a variable, so put exec before gunicorn' }] },
    { name: 'a compound command: exec in each branch', code: df('FROM node:20', 'CMD if [ -f yarn.lock ]; then yarn start; else npm start; fi'), errors: [{ line: 2, message: 'put exec before the command of each branch' }] },
    { name: 'a && chain', code: df('FROM debian:12', 'CMD cd /app && ./server'), errors: [{ line: 2, message: 'put exec before server (… exec server …)' }] },
    { name: 'Alpine: a pipeline stays under the shell', code: df('FROM alpine:3.20', 'CMD server --verbose | tee /var/log/server.log'), errors: [{ line: 2, message: 'a pipeline, loop or background job cannot replace the shell' }] },
    { name: 'Fedora: bash stays PID 1 for a compound command', code: df('FROM fedora:40', 'CMD cd /srv && python3 -m http.server'), errors: [{ line: 2, message: '/bin/sh (bash) stays PID 1' }] },
    { name: 'an unknown base', code: df('FROM example.com/team/base:1', 'CMD ./run'), errors: [{ line: 2, message: "unless it execs the command (Debian's dash does not)" }] },
    { name: 'distroless has no shell at all', code: df('FROM gcr.io/distroless/static-debian12', 'COPY app /app', 'ENTRYPOINT /app --serve'), errors: [{ line: 3, message: 'there is no /bin/sh in this base image: the container cannot start; write ENTRYPOINT ["/app", "--serve"]' }] },
    { name: 'scratch has no shell at all', code: df('FROM scratch', 'COPY app /app', 'CMD /app'), errors: [{ line: 3, message: 'no /bin/sh in scratch' }] }
  ]
})
