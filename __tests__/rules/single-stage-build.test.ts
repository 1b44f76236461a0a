/** single-stage-build: what it reports and what it must leave alone (docs/rules/single-stage-build.md). */
import { singleStageBuild } from '../../src/rules/single-stage-build.js'
import { df } from '../helpers/dockerfile.js'
import { testRule } from '../helpers/rule-tester.js'

testRule(singleStageBuild, {
  valid: [
    { name: 'the build in a build stage', code: df('FROM node:20 AS b', 'RUN npm ci && npm run build', 'FROM node:20-slim', 'COPY --from=b /app/dist /app/dist') },
    { name: 'built from source with the toolchain removed in the same RUN', code: df('FROM alpine:3', 'RUN apk add --virtual .deps gcc make && make && make install && apk del .deps') },
    { name: 'a toolchain base (heavy-final-base covers it)', code: df('FROM golang:1.22', 'RUN go build -o /app') },
    { name: 'no build at all', code: df('FROM nginx:1', 'COPY site /usr/share/nginx/html') }
  ],
  invalid: [
    { name: 'npm run build in the only stage', code: df('FROM node:20-slim', 'RUN npm ci', 'RUN npm run build'), errors: [{ line: 3, message: 'npm run build runs in the only stage' }] },
    { name: 'dotnet publish', code: df('FROM ubuntu:24.04', 'RUN dotnet publish -c Release'), errors: [{ line: 2 }] }
  ]
})
