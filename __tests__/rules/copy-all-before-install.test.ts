/** copy-all-before-install: what it reports and what it must leave alone (docs/rules/copy-all-before-install.md). */
import { copyAllBeforeInstall } from '../../src/rules/copy-all-before-install.js'
import { df } from '../helpers/dockerfile.js'
import { testRule } from '../helpers/rule-tester.js'

testRule(copyAllBeforeInstall, {
  valid: [
    { name: 'manifests first', code: df('FROM node:20', 'COPY package.json package-lock.json ./', 'RUN npm ci', 'COPY . .') },
    { name: 'no install after the copy', code: df('FROM nginx:1.27', 'COPY . /usr/share/nginx/html') },
    { name: 'installing a named package is not a dependency install', code: df('FROM node:20', 'COPY . .', 'RUN npm install -g serve') }
  ],
  invalid: [
    { name: 'in a build stage too (the cache matters there)', code: df('FROM golang:1.22 AS b', 'COPY . .', 'RUN go mod download', 'FROM scratch', 'COPY --from=b /a /a'), errors: [{ line: 2, message: 'go mod download (line 3)' }] },
    { name: 'pip install -r', code: df('FROM python:3.12-slim', 'COPY . /app', 'RUN pip install --no-cache-dir -r /app/requirements.txt'), errors: [{ line: 2 }] }
  ]
})
