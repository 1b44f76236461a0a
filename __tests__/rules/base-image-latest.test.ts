/** base-image-latest: what it reports and what it must leave alone (docs/rules/base-image-latest.md). */
import { baseImageLatest } from '../../src/rules/base-image-latest.js'
import { df } from '../helpers/dockerfile.js'
import { testRule } from '../helpers/rule-tester.js'

testRule(baseImageLatest, {
  valid: [{ name: 'a version tag', code: df('FROM nginx:1.27') }],
  invalid: [{ name: 'latest through an ARG default', code: df('ARG TAG=latest', 'FROM nginx:$TAG'), errors: [{ line: 2 }] }]
})
