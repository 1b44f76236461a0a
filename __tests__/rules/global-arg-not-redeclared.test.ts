/** global-arg-not-redeclared: what it reports and what it must leave alone (docs/rules/global-arg-not-redeclared.md). */
import { globalArgNotRedeclared } from '../../src/rules/global-arg-not-redeclared.js'
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
    { name: 'a second stage that forgot it', code: df('ARG V=1', 'FROM alpine:3 AS a', 'ARG V', 'RUN echo $V', 'FROM alpine:3', 'COPY --from=a /x /x-$V'), errors: [{ line: 6 }] },
    { name: 're-declared too late: move it up', code: df('ARG V=1', 'FROM alpine:3', 'RUN echo $V', 'ARG V'), errors: [{ line: 3, message: "the stage's ARG V (line 4) comes after this line: move it up" }] }
  ]
})
