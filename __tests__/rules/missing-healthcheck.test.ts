/** missing-healthcheck: what it reports and what it must leave alone (docs/rules/missing-healthcheck.md). */
import { missingHealthcheck } from '../../src/rules/missing-healthcheck.js'
import { df } from '../helpers/dockerfile.js'
import { testRule } from '../helpers/rule-tester.js'

testRule(missingHealthcheck, {
  valid: [
    { name: "a HEALTHCHECK inherited from the base image's config", code: df('FROM registry.example/svc:1', 'EXPOSE 8080'), baseFacts: { 'registry.example/svc:1': { healthcheck: ['CMD-SHELL', 'curl -f http://localhost:8080/ || exit 1'] } } },

    { name: 'not a service', code: df('FROM alpine:3', 'ENTRYPOINT ["jq"]') },
    { name: 'a healthcheck in the parent stage', code: df('FROM nginx:1 AS base', 'HEALTHCHECK CMD ["true"]', 'FROM base', 'EXPOSE 80') },
    { name: 'a build stage that exposes (only the shipped image counts)', code: df('FROM node:20 AS b', 'EXPOSE 3000', 'FROM nginx:1', 'COPY --from=b /d /d', 'HEALTHCHECK CMD ["true"]') }
  ],
  invalid: [
    { name: 'the base image disables its HEALTHCHECK (NONE): still reported', code: df('FROM nginx:1', 'EXPOSE 80'), baseFacts: { 'nginx:1': { healthcheck: ['NONE'] } }, errors: [{ line: 1 }] },

    { name: 'a service without HEALTHCHECK', code: df('FROM nginx:1', 'EXPOSE 80'), errors: [{ line: 1, severity: 'info', message: 'curl -fsS http://localhost:80/' }] },
    { name: 'alpine: busybox wget, not curl', code: df('FROM python:3.12-alpine', 'EXPOSE 5000/tcp', 'CMD ["python", "app.py"]'), errors: [{ line: 1, message: 'python -c' }] },
    { name: 'an alpine base', code: df('FROM alpine:3.20', 'EXPOSE 8080', 'ENTRYPOINT ["/app"]'), errors: [{ line: 1, message: 'wget -q --spider http://localhost:8080/' }] },
    { name: 'a port that may not speak HTTP: no HTTP probe', code: df('FROM alpine:3.20', 'EXPOSE 9050', 'ENTRYPOINT ["tor"]'), errors: [{ line: 1, message: 'port 9050 may not speak HTTP' }] },
    { name: 'node: a node one-liner', code: df('FROM node:22-alpine', 'EXPOSE 3000'), errors: [{ line: 1, message: 'node -e' }] },
    { name: 'a shell-less base: an exec-form probe', code: df('FROM golang:1.22 AS b', 'FROM gcr.io/distroless/static-debian12', 'COPY --from=b /app /app', 'EXPOSE 8080'), errors: [{ line: 2, message: 'no shell, curl or wget' }] },
    { name: 'a port from a variable: no probe advice', code: df('FROM nginx:1', 'ENV PORT=80', 'EXPOSE $PORT'), errors: [{ line: 1, message: 'healthy one' }] }
  ]
})
