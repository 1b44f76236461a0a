/** copy-destination-slash: what it reports and what it must leave alone (docs/rules/copy-destination-slash.md). */
import { copyDestinationSlash } from '../../src/rules/copy-destination-slash.js'
import { df } from '../helpers/dockerfile.js'
import { testRule } from '../helpers/rule-tester.js'

testRule(copyDestinationSlash, {
  valid: [
    { name: 'trailing slash, or one source', code: df('FROM alpine:3', 'COPY a b /dst/', 'COPY a /dst') },
    { name: 'a destination from a build argument without a default (unknown here)', code: df('FROM alpine:3', 'ARG copy_destination', 'COPY a b $copy_destination') },
    { name: 'a variable whose value ends with /', code: df('FROM alpine:3', 'ARG DEST=/opt/app/', 'COPY a b $DEST') },
    { name: 'a quoted destination with a slash', code: df('FROM alpine:3', 'COPY a b "/dst dir/"') },
    { name: 'one glob source: a single match is a file (COPY target/*.jar app.jar)', code: df('FROM eclipse-temurin:21', 'COPY target/*.jar /app.jar', 'COPY package*.json ./') },
    { name: 'a value flag without = swallows a word: that is the mistake, not the slash', code: df('FROM alpine:3', 'COPY --chmod 755 run.sh /usr/local/bin'), parseErrors: true }
  ],
  invalid: [
    { name: 'two sources, no slash', code: df('FROM alpine:3', 'COPY a b /dst'), errors: [{ line: 2, severity: 'warning', message: 'only the last is left (moby/buildkit#1853); write /dst/' }] },
    { name: 'ADD too', code: df('FROM alpine:3', 'ADD a.tgz b.tgz /opt'), errors: [{ line: 2, message: 'ADD of 2 sources to /opt: the classic builder fails' }] },
    { name: 'the working directory as .', code: df('FROM node:20', 'WORKDIR /app', 'COPY package.json package-lock.json .'), errors: [{ line: 3, message: 'the classic builder fails ("the destination must be a directory and end with a /"), BuildKit accepts it; write ./' }] },
    { name: 'a variable whose value has no slash', code: df('FROM alpine:3', 'ARG DEST=/opt/app', 'COPY a b $DEST'), errors: [{ line: 3, message: 'write /opt/app/' }] }
  ]
})
