/** yarn-cache-left: what it reports and what it must leave alone (docs/rules/yarn-cache-left.md). */
import { yarnCacheLeft } from '../../src/rules/yarn-cache-left.js'
import { df } from '../helpers/dockerfile.js'
import { testRule } from '../helpers/rule-tester.js'

testRule(yarnCacheLeft, {
  valid: [
    { name: 'yarn cache clean after the install', code: df('FROM node:20', 'RUN yarn install --production --frozen-lockfile && yarn cache clean') },
    { name: 'a cache mount', code: df('FROM node:20', 'RUN --mount=type=cache,target=/usr/local/share/.cache/yarn yarn install --frozen-lockfile') },
    { name: 'rm of the cache folder', code: df('FROM node:20', 'RUN yarn --frozen-lockfile && rm -rf /usr/local/share/.cache/yarn') },
    { name: 'yarn --version, yarn build', code: df('FROM node:20', 'RUN yarn --version && yarn build') },
    { name: 'in a build stage', code: df('FROM node:20 AS deps', 'RUN yarn install --frozen-lockfile', 'FROM node:20-slim', 'COPY --from=deps /app/node_modules /app/node_modules') }
  ],
  invalid: [
    { name: 'yarn install in the shipped stage', code: df('FROM node:20-alpine', 'WORKDIR /app', 'COPY package.json yarn.lock ./', 'RUN yarn install --frozen-lockfile'), errors: [{ line: 4, message: 'RUN --mount=type=cache,target=/usr/local/share/.cache/yarn' }] },
    { name: 'a bare yarn in an if', code: df('FROM node:20-alpine', 'RUN if [ -f yarn.lock ]; then yarn --frozen-lockfile; else npm ci; fi'), errors: [{ line: 2, message: 'yarn cache clean' }] },
    { name: 'yarn global add, cleaned before', code: df('FROM node:20', 'RUN yarn cache clean && yarn global add serve'), errors: [{ line: 2 }] }
  ]
})
