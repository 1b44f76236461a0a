/** npm-package-unpinned (opt-in): what it reports and what it must leave alone (docs/rules/npm-package-unpinned.md). */
import { npmPackageUnpinned } from '../../src/rules/npm-package-unpinned.js'
import { df } from '../helpers/dockerfile.js'
import { testRule } from '../helpers/rule-tester.js'

const on = { 'pin-packages': true }

testRule(npmPackageUnpinned, {
  valid: [
    { name: 'off by default', code: df('FROM node:20', 'RUN npm install -g pm2') },
    { name: 'the lock file: npm install, npm ci, yarn install', code: df('FROM node:20', 'RUN npm install && npm ci && yarn install --frozen-lockfile'), options: on },
    { name: 'versions, scoped packages, tags of git URLs, tarballs, folders', code: df('FROM node:20', 'RUN npm install -g pm2@5.4.2 @angular/cli@17 git+https://github.com/x/y.git#v1 ./local ./pkg.tgz'), options: on },
    { name: 'the value of --prefix', code: df('FROM node:20', 'RUN npm install --prefix /opt/tools serve@14.2.3'), options: on }
  ],
  invalid: [
    { name: 'npm install -g without a version', code: df('FROM node:20-slim', 'RUN npm install -g pm2'), options: on, errors: [{ line: 2, message: 'npm install pm2 without a version' }] },
    { name: 'a scope without a version, @latest', code: df('FROM node:20-slim', 'RUN npm i -g @angular/cli npm@latest'), options: on, errors: [{ line: 2, message: '@angular/cli, npm@latest' }] },
    { name: 'yarn global add, pnpm add', code: df('FROM node:20-slim', 'RUN yarn global add serve', 'RUN pnpm add lodash'), options: on, errors: [{ line: 2 }, { line: 3 }] }
  ]
})
