/** size-budget: what it reports and what it must leave alone (docs/rules/size-budget.md). */
import { sizeBudget } from '../../src/rules/size-budget.js'
import { df } from '../helpers/dockerfile.js'
import { testRule } from '../helpers/rule-tester.js'

const GO_ON_GO = df('FROM golang:1.23 AS build', 'RUN go build -o /app .', 'FROM golang:1.23', 'COPY --from=build /app /app', 'ENTRYPOINT ["/app"]')

testRule(sizeBudget, {
  valid: [
    { name: 'no budget set: off', code: GO_ON_GO },
    { name: 'under the budget (the built-in estimate of distroless static)', code: df('FROM golang:1.23 AS build', 'RUN go build -o /app .', 'FROM gcr.io/distroless/static-debian12', 'COPY --from=build /app /app', 'ENTRYPOINT ["/app"]'), options: { 'max-size': '50MB' } },
    { name: 'a heavy build stage does not ship', code: df('FROM golang:1.23 AS build', 'RUN go build -o /app .', 'FROM alpine:3.20', 'COPY --from=build /app /app', 'ENTRYPOINT ["/app"]'), options: { 'max-size': '100MB' } },
    { name: 'an image with no size known (not in the table, no registry)', code: df('FROM registry.example/unknown:1', 'ENTRYPOINT ["/app"]'), options: { 'max-size': '1MB' } },
    { name: 'not a size: nothing to judge against', code: GO_ON_GO, options: { 'max-size': 'big' } }
  ],
  invalid: [
    { name: 'the shipped golang image over 200MB, on its FROM line', code: GO_ON_GO, options: { 'max-size': '200MB' }, errors: [{ line: 3, severity: 'error', message: 'at least ≈ 300 MB (golang:1.23, the built-in estimate) compressed, over its size budget of 200MB' }] },
    { name: 'through a chain of stages: the root FROM of the shipped chain', code: df('FROM node:22 AS base', 'RUN npm ci', 'FROM base', 'CMD ["node", "server.js"]'), options: { 'max-size': '300MiB' }, errors: [{ line: 1, message: 'node:22' }] }
  ]
})
