/** The text report's head of a file: its stages with roles and targets, and what the target is built on. */
import { describe, expect, it } from '@jest/globals'
import { textFilePiece } from '../../src/report/text.js'
import { analyzeDockerfile } from '../../src/review/analyze.js'
import { df } from '../helpers/dockerfile.js'

const head = (analysis: ReturnType<typeof analyzeDockerfile>): string => textFilePiece(analysis, { colour: false }).split('\n')[1] ?? ''

describe('the text report', () => {
  it('says what the shipped image ships on', () => {
    const analysis = analyzeDockerfile('Dockerfile', df('FROM golang:1.22 AS build', 'RUN go build -o /app', 'FROM alpine:3.20', 'COPY --from=build /app /app', 'CMD ["/app"]'))
    expect(head(analysis)).toBe('  stages: build (build), #1 (ships, target) · ships on alpine:3.20')
  })

  it('marks every built target, and says a build environment is built on its base, not shipped', () => {
    // docker-credential-helpers: bake builds lint and test, both environments.
    const text = df('FROM golang:1.22 AS base', 'FROM base AS lint', 'RUN go vet ./...', 'FROM base AS test', 'RUN go test ./...', 'FROM scratch', 'COPY --from=base /go /go')
    const analysis = analyzeDockerfile('Dockerfile', text, { targets: [{ name: 'lint', builtBy: 'docker-bake.hcl:2', purpose: 'environment', because: 'a lint run' }, { name: 'test', builtBy: 'docker-bake.hcl:6', purpose: 'environment', because: 'a test run' }] })
    expect(head(analysis)).toBe('  stages: base (environment), lint (environment, target), test (environment, target), #3 (unused) · a build environment on golang:1.22')
  })
})
