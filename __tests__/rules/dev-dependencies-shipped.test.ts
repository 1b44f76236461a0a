/** dev-dependencies-shipped: what it reports and what it must leave alone (docs/rules/dev-dependencies-shipped.md). */
import { devDependenciesShipped } from '../../src/rules/dev-dependencies-shipped.js'
import { df } from '../helpers/dockerfile.js'
import { testRule } from '../helpers/rule-tester.js'

testRule(devDependenciesShipped, {
  valid: [
    { name: '--omit=dev', code: df('FROM node:20-slim', 'RUN npm ci --omit=dev') },
    { name: 'NODE_ENV=production', code: df('FROM node:20-slim', 'ENV NODE_ENV=production', 'RUN npm ci') },
    { name: 'a build stage that installs everything, a runtime that copies the output', code: df('FROM node:20 AS build', 'RUN npm ci && npm run build', 'FROM node:20-slim', 'COPY --from=build /app/dist /app/dist') },
    { name: 'pruned later', code: df('FROM node:20-slim', 'RUN npm ci && npm run build && npm prune --omit=dev') },
    { name: 'a global tool and yarn --version', code: df('FROM node:20-slim', 'RUN npm install -g pm2 && yarn --version') }
  ],
  invalid: [
    { name: 'npm ci in the shipped stage', code: df('FROM node:20-slim', 'RUN npm ci'), errors: [{ line: 2 }] },
    {
      name: 'node_modules copied from a stage that installed dev dependencies',
      code: df('FROM node:20 AS deps', 'RUN npm ci', 'FROM node:20-slim', 'COPY --from=deps /app/node_modules /app/node_modules'),
      errors: [{ line: 4, message: 'installed on line 2' }]
    }
  ]
})
