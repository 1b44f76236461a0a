/** broad-copy-from: what it reports and what it must leave alone (docs/rules/broad-copy-from.md). */
import { broadCopyFrom } from '../../src/rules/broad-copy-from.js'
import { df } from '../helpers/dockerfile.js'
import { testRule } from '../helpers/rule-tester.js'

testRule(broadCopyFrom, {
  valid: [
    { name: 'the artifact only', code: df('FROM golang:1.22 AS b', 'WORKDIR /src', 'COPY . .', 'RUN go build -o /out/app', 'FROM scratch', 'COPY --from=b /out/app /app') },
    { name: 'a whole stage root into a build stage (it does not ship)', code: df('FROM alpine:3 AS a', 'FROM alpine:3 AS b', 'COPY --from=a / /', 'FROM scratch', 'COPY --from=b /x /x') }
  ],
  invalid: [
    { name: 'a stage root', code: df('FROM alpine:3 AS a', 'FROM scratch', 'COPY --from=a / /', 'ENTRYPOINT ["/bin/sh"]'), errors: [{ line: 3, message: 'whole filesystem' }] },
    { name: "the builder's source workdir, written relative", code: df('FROM node:20 AS b', 'WORKDIR /app', 'COPY . .', 'RUN npm ci', 'FROM node:20-slim', 'COPY --from=b /app /app'), errors: [{ line: 6, message: 'copies /app' }] }
  ]
})
