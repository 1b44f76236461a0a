/** dead-instruction: what it reports and what it must leave alone (docs/rules/dead-instruction.md). */
import { deadInstruction } from '../../src/rules/dead-instruction.js'
import { df } from '../helpers/dockerfile.js'
import { testRule } from '../helpers/rule-tester.js'

testRule(deadInstruction, {
  valid: [
    { name: 'metadata in the shipped stage', code: df('FROM golang:1.22 AS build', 'FROM scratch', 'COPY --from=build /a /a', 'EXPOSE 8080', 'CMD ["/a"]') },
    { name: 'metadata in a parent of the shipped stage (inherited)', code: df('FROM alpine:3 AS base', 'EXPOSE 80', 'FROM base') },
    { name: 'metadata in an unused stage (unused-stage says it)', code: df('FROM alpine:3 AS dev', 'CMD ["sh"]', 'FROM alpine:3') }
  ],
  invalid: [
    {
      name: 'CMD and EXPOSE in a build stage',
      code: df('FROM node:20 AS build', 'EXPOSE 3000', 'CMD ["npm", "start"]', 'FROM nginx:1.27', 'COPY --from=build /app/dist /usr/share/nginx/html'),
      errors: [
        { line: 2, severity: 'info' },
        { line: 3, message: 'build stage build' }
      ]
    }
  ]
})
