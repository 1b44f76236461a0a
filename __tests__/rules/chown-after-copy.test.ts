/** chown-after-copy: what it reports and what it must leave alone (docs/rules/chown-after-copy.md). */
import { chownAfterCopy } from '../../src/rules/chown-after-copy.js'
import { df } from '../helpers/dockerfile.js'
import { testRule } from '../helpers/rule-tester.js'

testRule(chownAfterCopy, {
  valid: [
    { name: 'COPY --chown', code: df('FROM node:20-slim', 'COPY --chown=node:node . /app') },
    { name: 'chown of a path nothing was copied to', code: df('FROM node:20-slim', 'COPY . /app', 'RUN mkdir /data && chown -R node /data') },
    { name: 'in a build stage', code: df('FROM node:20 AS b', 'COPY . /app', 'RUN chown -R node /app', 'FROM node:20-slim', 'COPY --from=b /app/dist /dist') }
  ],
  invalid: [{ name: 'chown -R of a relative path after COPY to the workdir', code: df('FROM node:20-slim', 'WORKDIR /app', 'COPY . .', 'RUN chown -R node:node .'), errors: [{ line: 4, message: 'copied on line 3' }] }]
})
