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
    { name: 'a global tool and yarn --version', code: df('FROM node:20-slim', 'RUN npm install -g pm2 && yarn --version') },
    { name: 'NODE_ENV=production on the command', code: df('FROM node:20-slim', 'RUN NODE_ENV=production npm ci') },
    // next.js prod-without-multistage: the author keeps them on purpose.
    {
      name: 'a comment right above says the dev dependencies are kept on purpose',
      code: df('FROM node:18-alpine', 'COPY package.json yarn.lock* ./', '# Omit --production flag for TypeScript devDependencies', 'RUN \\', '  if [ -f yarn.lock ]; then yarn --frozen-lockfile; \\', '  else npm ci; \\', '  fi')
    },
    { name: 'a comment inside the RUN says so', code: df('FROM node:20-slim', 'RUN npm ci \\', '  # keep devDependencies: the app runs ts-node', '  && npm cache clean --force') },
    { name: 'node_modules from a stage that kept them on purpose', code: df('FROM node:20 AS deps', '# dev deps needed: the server runs through tsx', 'RUN npm ci', 'FROM node:20-slim', 'COPY --from=deps /app/node_modules /app/node_modules') }
  ],
  invalid: [
    { name: 'npm ci in the shipped stage: "may include", it cannot read package.json', code: df('FROM node:20-slim', 'RUN npm ci'), errors: [{ line: 2, message: 'this install may include devDependencies (npm installs any that package.json lists), and they ship: use npm ci --omit=dev' }] },
    { name: 'yarn with only options installs; the yarn fix is named', code: df('FROM node:20-slim', 'RUN yarn --frozen-lockfile'), errors: [{ line: 2, message: 'use yarn install --production' }] },
    { name: 'pnpm: the pnpm fix is named', code: df('FROM node:20-slim', 'RUN pnpm install --frozen-lockfile'), errors: [{ line: 2, message: 'use pnpm install --prod' }] },
    { name: 'an unrelated comment above does not make it deliberate', code: df('FROM node:20-slim', '# install dependencies', 'RUN npm ci'), errors: [{ line: 3 }] },
    { name: 'a comment separated by a blank line is not "right above"', code: df('FROM node:20-slim', '# devDependencies are needed for the build below', '', 'RUN npm install'), errors: [{ line: 4 }] },
    {
      name: 'node_modules copied from a stage that installed dev dependencies',
      code: df('FROM node:20 AS deps', 'RUN npm ci', 'FROM node:20-slim', 'COPY --from=deps /app/node_modules /app/node_modules'),
      errors: [{ line: 4, message: 'installed on line 2' }]
    }
  ]
})
