/** undefined-var: what it reports and what it must leave alone (docs/rules/undefined-var.md). */
import { undefinedVar } from '../../src/rules/undefined-var.js'
import { df } from '../helpers/dockerfile.js'
import { testRule } from '../helpers/rule-tester.js'

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
