/** missing-dockerignore: what it reports and what it must leave alone (docs/rules/missing-dockerignore.md). */
import { missingDockerignore } from '../../src/rules/missing-dockerignore.js'
import { df } from '../helpers/dockerfile.js'
import { testRule } from '../helpers/rule-tester.js'

testRule(missingDockerignore, {
  valid: [
    { name: 'unknown context: silent', code: df('FROM node:20', 'COPY . .') },
    { name: 'a .dockerignore exists', code: df('FROM node:20', 'COPY . .'), dockerignore: 'node_modules\n' },
    { name: 'only named files are copied', code: df('FROM node:20', 'COPY package.json ./'), dockerignore: null },
    {
      name: 'a lone Dockerfile: the files it copies by name are not in its folder, so this is not its context',
      code: df('FROM node:20', 'WORKDIR /app', 'COPY package.json package-lock.json ./', 'RUN npm ci', 'COPY . .'),
      dockerignore: null,
      contextEntries: ['Dockerfile', 'README.md']
    },
    { name: 'a folder of Dockerfiles only (the real context is elsewhere)', code: df('FROM node:20', 'COPY . .'), dockerignore: null, contextEntries: ['Dockerfile', 'Dockerfile.dev', 'prod.Dockerfile', 'Containerfile'] }
  ],
  invalid: [
    { name: 'COPY . with no .dockerignore', code: df('FROM node:20 AS b', 'COPY ./ /app', 'FROM node:20-slim', 'COPY --from=b /app/dist /dist'), dockerignore: null, errors: [{ line: 2 }] },
    { name: 'COPY . of a folder that holds sources', code: df('FROM node:20', 'COPY . .'), dockerignore: null, contextEntries: ['Dockerfile', 'src', 'package.json'], errors: [{ line: 2 }] },
    {
      name: 'the context holds what the Dockerfile copies by name, and no .dockerignore',
      code: df('FROM node:20', 'WORKDIR /app', 'COPY package.json package-lock.json ./', 'RUN npm ci', 'COPY . .'),
      dockerignore: null,
      contextEntries: ['Dockerfile', 'package.json', 'package-lock.json', 'src'],
      errors: [{ line: 5 }]
    }
  ]
})
