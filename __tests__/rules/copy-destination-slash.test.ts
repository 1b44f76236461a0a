/** copy-destination-slash: what it reports and what it must leave alone (docs/rules/copy-destination-slash.md). */
import { copyDestinationSlash } from '../../src/rules/copy-destination-slash.js'
import { df } from '../helpers/dockerfile.js'
import { testRule } from '../helpers/rule-tester.js'

testRule(copyDestinationSlash, {
  valid: [
    { name: 'trailing slash, or one source', code: df('FROM alpine:3', 'COPY a b /dst/', 'COPY a /dst') },
    { name: 'one glob source: a single match is a file (COPY target/*.jar app.jar)', code: df('FROM eclipse-temurin:21', 'COPY target/*.jar /app.jar', 'COPY package*.json ./') },
    { name: 'a variable destination', code: df('FROM alpine:3', 'ARG DEST=/opt/', 'COPY a b $DEST') },
    { name: 'a value flag without = swallows a word: that is the mistake, not the slash', code: df('FROM alpine:3', 'COPY --chmod 755 run.sh /usr/local/bin'), parseErrors: true }
  ],
  invalid: [
    { name: 'two sources, no slash', code: df('FROM alpine:3', 'COPY a b /dst'), errors: [{ line: 2, severity: 'error' }] },
    { name: 'ADD too', code: df('FROM alpine:3', 'ADD a.tgz b.tgz /opt'), errors: [{ line: 2, message: 'ADD of 2 sources needs a folder as destination: write /opt/' }] },
    { name: 'into the working folder written .', code: df('FROM node:20', 'WORKDIR /app', 'COPY package.json package-lock.json .'), errors: [{ line: 3, message: 'write ./' }] }
  ]
})
