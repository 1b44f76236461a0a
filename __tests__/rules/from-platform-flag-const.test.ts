/** from-platform-flag-const: what it reports and what it must leave alone (docs/rules/from-platform-flag-const.md). */
import { fromPlatformFlagConst } from '../../src/rules/from-platform-flag-const.js'
import { df } from '../helpers/dockerfile.js'
import { testRule } from '../helpers/rule-tester.js'

testRule(fromPlatformFlagConst, {
  valid: [
    { name: 'a variable', code: df('FROM --platform=$BUILDPLATFORM golang:1.22') },
    { name: 'a stage named for its platform', code: df('FROM --platform=linux/arm64 alpine:3 AS base-arm64') }
  ],
  invalid: [
    { name: 'a constant', code: df('FROM --platform=linux/amd64 alpine:3'), errors: [{ line: 1, severity: 'warning' }] },
    // vscode-dev-containers' deno definition: pinned to amd64 on purpose (the installer had no arm64 build).
    { name: 'in a dev container it is info', code: df('FROM --platform=linux/amd64 mcr.microsoft.com/devcontainers/base:0-bullseye', 'RUN curl -fsSL https://deno.land/x/install/install.sh -o /tmp/i.sh'), errors: [{ line: 1, severity: 'info' }] }
  ]
})
