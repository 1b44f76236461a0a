import { describe, expect, it } from '@jest/globals'

import { analyze, df } from '../helpers/dockerfile.js'
import type { FileAnalysis } from '../../src/model/analysis.js'

const problemKeys = (a: FileAnalysis): string[] => a.graph.problems.map((p) => `${p.kind}@${p.line}`)

const GO_APP = df(
  'ARG GO=1.22', //                                              1
  'FROM golang:${GO} AS deps', //                                2
  'RUN go mod download', //                                      3
  'FROM deps AS build', //                                       4
  'RUN --mount=type=cache,target=/root/.cache go build -o /app', // 5
  'FROM alpine:3.20 AS certs', //                                6
  'RUN apk add ca-certificates', //                              7
  'FROM golang:${GO} AS lint', //                                8
  'RUN golangci-lint run', //                                    9
  'FROM gcr.io/distroless/static AS runtime', //                 10
  'FROM runtime', //                                             11
  'COPY --from=build /app /app', //                              12
  'COPY --from=certs /etc/ssl/certs /etc/ssl/certs', //          13
  'RUN --mount=type=bind,from=2,source=/etc,target=/x true', //  14
  'COPY --from=docker/buildx-bin:0.14 /buildx /usr/bin/buildx' // 15
)

describe('stage graph', () => {
  it('builds FROM, COPY and mount edges with lines and paths', () => {
    const { graph } = analyze(GO_APP)
    expect(graph.edges).toEqual([
      { from: 1, to: 0, via: 'from', line: 4, paths: [] },
      { from: 5, to: 4, via: 'from', line: 11, paths: [] },
      { from: 5, to: 1, via: 'copy', line: 12, paths: ['/app'] },
      { from: 5, to: 2, via: 'copy', line: 13, paths: ['/etc/ssl/certs'] },
      { from: 5, to: 2, via: 'mount', line: 14, paths: ['/etc'] }
    ])
  })

  it('lists external images from FROM and COPY --from', () => {
    expect(analyze(GO_APP).graph.external).toEqual([
      { stage: 0, image: 'golang:1.22', via: 'from', line: 2 },
      { stage: 2, image: 'alpine:3.20', via: 'from', line: 6 },
      { stage: 3, image: 'golang:1.22', via: 'from', line: 8 },
      { stage: 4, image: 'gcr.io/distroless/static', via: 'from', line: 10 },
      { stage: 5, image: 'docker/buildx-bin:0.14', via: 'copy', line: 15 }
    ])
  })

  it('gives roles: the FROM chain of the target ships, COPY/mount sources build, the rest unused', () => {
    const { graph } = analyze(GO_APP)
    expect(graph.target).toBe(5)
    expect(graph.roles).toEqual(['build', 'build', 'build', 'unused', 'ships', 'ships'])
    expect(graph.problems).toEqual([])
  })

  it('re-computes roles for --target (names compare without case)', () => {
    const { graph } = analyze(GO_APP, { target: 'BUILD' })
    expect(graph.target).toBe(1)
    // A stage on golang with no command of its own is a build environment.
    expect(graph.roles).toEqual(['environment', 'environment', 'unused', 'unused', 'unused', 'unused'])
    expect(graph.targets).toEqual([{ stage: 1, purpose: 'environment', because: 'the target is named "BUILD" and sets no command', builtBy: [] }])
  })

  it('reports an unknown target and falls back to the last stage', () => {
    const result = analyze(GO_APP, { target: 'prod' })
    expect(result.graph.target).toBe(5)
    expect(result.graph.problems).toEqual([{ kind: 'unknown-target', line: 1, stage: null, requested: 'prod' }])
    expect(result.findings.filter((f) => f.rule === 'unknown-target').map((f) => f.message)).toEqual([
      'target "prod" is not a stage of this file (stages: deps, build, certs, lint, runtime); the last stage is analysed instead'
    ])
  })

  it('treats a --from name that is no stage as an external image (as BuildKit does)', () => {
    const result = analyze(df('FROM alpine', 'COPY --from=nginx:latest /etc/nginx /etc/nginx', 'COPY --from=busybox /bin/sh /sh'))
    expect(result.graph.edges).toEqual([])
    expect(result.graph.external.map((e) => [e.image, e.via])).toEqual([
      ['alpine', 'from'],
      ['nginx:latest', 'copy'],
      ['busybox', 'copy']
    ])
    expect(result.graph.problems).toEqual([])
  })

  it('a single-stage file ships its only stage', () => {
    expect(analyze(df('FROM node:20', 'CMD ["node"]')).graph.roles).toEqual(['ships'])
  })

  it('`FROM node AS node` pulls the image and is not a self-reference', () => {
    const result = analyze(df('FROM node:20 AS node', 'RUN npm ci'))
    expect(result.graph.problems).toEqual([])
    expect(result.model.stages[0]?.base.kind).toBe('image')
  })
})

describe('stage reference errors', () => {
  it('reports COPY --from a later stage, itself, and an index out of range', () => {
    const result = analyze(
      df('FROM alpine AS a', 'COPY --from=b /x /x', 'COPY --from=a /y /y', 'COPY --from=0 /z /z', 'FROM alpine AS b', 'COPY --from=7 /w /w', 'COPY --from=1 /v /v')
    )
    expect(problemKeys(result)).toEqual([
      'stage-forward-reference@2',
      'stage-self-reference@3',
      'stage-self-reference@4',
      'stage-index-out-of-range@6',
      'stage-self-reference@7'
    ])
    expect(result.graph.edges).toEqual([])
  })

  it('reports FROM <name of a later stage>', () => {
    const result = analyze(df('FROM builder', 'FROM golang AS builder'))
    expect(problemKeys(result)).toEqual(['stage-forward-reference@1'])
    expect(result.graph.external.map((e) => e.image)).toEqual(['golang'])
  })

  it('reports --from=$VAR in COPY and RUN --mount', () => {
    const result = analyze(df('ARG IMG=alpine', 'FROM scratch', 'COPY --from=$IMG /a /a', 'RUN --mount=from=${IMG},target=/m true'))
    expect(problemKeys(result)).toEqual(['copy-from-variable@3', 'copy-from-variable@4'])
  })

  it('reports duplicate (case-insensitive) and invalid stage names', () => {
    const result = analyze(df('FROM alpine AS build', 'FROM alpine AS Build', 'FROM alpine AS 1st', 'FROM alpine AS arm/v7'))
    expect(problemKeys(result)).toEqual(['duplicate-stage-name@2', 'invalid-stage-name@3', 'invalid-stage-name@4'])
  })

  it('resolves a duplicated name to the latest earlier stage', () => {
    const { graph } = analyze(df('FROM alpine AS x', 'FROM debian AS x', 'FROM scratch', 'COPY --from=x /a /a'))
    expect(graph.edges).toEqual([{ from: 2, to: 1, via: 'copy', line: 4, paths: ['/a'] }])
  })
})
