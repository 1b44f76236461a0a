/** env-self-reference: what it reports and what it must leave alone (docs/rules/env-self-reference.md). */
import { envSelfReference } from '../../src/rules/env-self-reference.js'
import { df } from '../helpers/dockerfile.js'
import { testRule } from '../helpers/rule-tester.js'

testRule(envSelfReference, {
  valid: [
    { name: 'a variable that extends itself', code: df('FROM node:20', 'ENV PATH=/app/bin:$PATH NODE_ENV=production') },
    { name: 'two ENVs', code: df('FROM eclipse-temurin:21', 'ENV JAVA_HOME=/opt/java', 'ENV PATH=$JAVA_HOME/bin:$PATH') },
    { name: 'a longer name that starts the same', code: df('FROM alpine:3.20', 'ENV APP_HOME=/srv', 'ENV APP=/app LOG=$APP_HOME/log') },
    { name: 'single quotes keep $ literal', code: df('FROM alpine:3.20', "ENV A=1 B='$A'") },
    { name: 'set before to what the ENV sets again', code: df('FROM alpine:3.20', 'ARG VERSION=1.2', 'ENV VERSION=$VERSION URL=https://example.com/v$VERSION.tar.gz') },
    { name: 'legacy one-variable form', code: df('FROM alpine:3.20', 'ENV A $A:x') }
  ],
  invalid: [
    { name: 'JAVA_HOME used in the ENV that sets it', code: df('FROM debian:12', 'ENV JAVA_HOME=/opt/java PATH=$JAVA_HOME/bin:$PATH'), errors: [{ line: 2, message: 'PATH gets nothing from this Dockerfile' }] },
    { name: 'braces and a name set later in the same ENV', code: df('FROM debian:12', 'ENV URL=https://x/${VERSION}.tgz VERSION=2.0'), errors: [{ line: 2, message: 'uses $VERSION for URL' }] },
    { name: 'the old value wins', code: df('FROM debian:12', 'ENV HOME_DIR=/old', 'ENV HOME_DIR=/new DATA=${HOME_DIR}/data'), errors: [{ line: 3, message: 'the old value "/old"' }] },
    { name: 'continuation lines', code: df('FROM debian:12', 'ENV GOPATH=/go \\', '    PATH=$GOPATH/bin:$PATH'), errors: [{ line: 2 }] }
  ]
})
