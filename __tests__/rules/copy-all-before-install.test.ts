/** copy-all-before-install: what it reports and what it must leave alone (docs/rules/copy-all-before-install.md). */
import { copyAllBeforeInstall } from '../../src/rules/copy-all-before-install.js'
import { df } from '../helpers/dockerfile.js'
import { testRule } from '../helpers/rule-tester.js'

testRule(copyAllBeforeInstall, {
  valid: [
    { name: 'manifests first', code: df('FROM node:20', 'COPY package.json package-lock.json ./', 'RUN npm ci', 'COPY . .') },
    { name: 'no install after the copy', code: df('FROM nginx:1.27', 'COPY . /usr/share/nginx/html') },
    { name: 'installing a named package is not a dependency install', code: df('FROM node:20', 'COPY . .', 'RUN npm install -g serve') },
    // next.js with-docker: dependencies come from the deps stage; the install after the build prunes devDependencies.
    {
      name: 'the production prune after the build, with node_modules from a deps stage',
      code: df('FROM node:20-alpine AS deps', 'COPY package.json yarn.lock ./', 'RUN yarn install --frozen-lockfile', 'FROM node:20-alpine AS builder', 'COPY . .', 'COPY --from=deps /app/node_modules ./node_modules', 'RUN yarn build && yarn install --production --ignore-scripts --prefer-offline')
    },
    { name: 'npm ci --omit=dev after node_modules copied from a deps stage', code: df('FROM node:20 AS deps', 'COPY package*.json ./', 'RUN npm ci', 'FROM node:20-slim', 'COPY . .', 'COPY --from=deps /node_modules ./node_modules', 'RUN npm ci --omit=dev') },
    { name: 'npm prune --omit=dev after the build', code: df('FROM node:20', 'COPY package*.json ./', 'RUN npm ci', 'COPY . .', 'RUN npm run build && npm prune --omit=dev') }
  ],
  invalid: [
    { name: 'in a build stage too (the cache matters there)', code: df('FROM golang:1.22 AS b', 'COPY . .', 'RUN go mod download', 'FROM scratch', 'COPY --from=b /a /a'), errors: [{ line: 2, message: 'go mod download (line 3)' }] },
    { name: 'pip install -r', code: df('FROM python:3.12-slim', 'COPY . /app', 'RUN pip install --no-cache-dir -r /app/requirements.txt'), errors: [{ line: 2 }] },
    { name: 'a production install before any build is still the dependency install', code: df('FROM node:20-slim', 'COPY . .', 'RUN npm ci --omit=dev'), errors: [{ line: 2, message: 'npm ci (line 3)' }] },
    { name: 'the install, then the build and the prune', code: df('FROM node:20', 'COPY . .', 'RUN yarn install --frozen-lockfile && yarn build && yarn install --production'), errors: [{ line: 2, message: 'yarn install (line 3)' }] }
  ]
})
