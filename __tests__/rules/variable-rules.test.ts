import { globalArgNotRedeclared } from '../../src/rules/global-arg-not-redeclared.js'
import { undefinedVar } from '../../src/rules/undefined-var.js'
import { df } from '../helpers/dockerfile.js'
import { testRule } from '../helpers/rule-tester.js'

testRule(globalArgNotRedeclared, {
  valid: [
    { name: 're-declared in the stage', code: df('ARG V=1', 'FROM alpine:3', 'ARG V', 'RUN echo $V') },
    { name: 'used in FROM only', code: df('ARG V=3', 'FROM alpine:$V') },
    { name: 'inherited through FROM <stage> after the parent re-declared it', code: df('ARG V=1', 'FROM alpine:3 AS base', 'ARG V', 'FROM base', 'RUN echo $V') },
    { name: 'a quoted heredoc does not expand', code: df('ARG V=1', 'FROM alpine:3', "RUN <<'EOF'", 'echo $V', 'EOF') }
  ],
  invalid: [
    { name: 'RUN in a stage, once per name', code: df('ARG VERSION=1', 'FROM alpine:3', 'RUN echo $VERSION', 'RUN echo ${VERSION}'), errors: [{ line: 3, message: 'ARG VERSION (line 1)' }] },
    { name: 'a second stage that forgot it', code: df('ARG V=1', 'FROM alpine:3 AS a', 'ARG V', 'RUN echo $V', 'FROM alpine:3', 'COPY --from=a /x /x-$V'), errors: [{ line: 6 }] }
  ]
})

testRule(undefinedVar, {
  valid: [
    { name: 'a base image variable (unknowable)', code: df('FROM openjdk:21', 'ENV PATH=$JAVA_HOME/bin:$PATH') },
    { name: 'RUN is left to the shell', code: df('FROM scratch', 'RUN echo $WHATEVER') },
    { name: 'defined', code: df('FROM scratch', 'ARG DIR=/x', 'WORKDIR $DIR') }
  ],
  invalid: [
    { name: 'a typo of a variable in scope', code: df('FROM node:20-slim', 'ENV APP_HOME=/srv', 'COPY . $APP_HOEM'), errors: [{ line: 3, message: 'Did you mean $APP_HOME?' }] },
    { name: 'anything undefined on scratch', code: df('FROM scratch', 'COPY app /$DEST/'), errors: [{ line: 2 }] }
  ]
})
