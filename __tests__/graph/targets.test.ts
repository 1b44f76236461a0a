/** Several built targets, their purposes and the roles they give the stages. */
import { describe, expect, it } from '@jest/globals'
import { buildStageGraph } from '../../src/graph/graph.js'
import { decidePurpose } from '../../src/graph/purpose.js'
import { parseDockerfile } from '../../src/parse/parse.js'
import { df } from '../helpers/dockerfile.js'

const APP = df(
  'FROM golang:1.22 AS build', //          1
  'RUN go build -o /out/app .', //         2
  'FROM build AS lint', //                 3
  'RUN golangci-lint run', //              4
  'FROM alpine:3.20 AS dev', //            5
  'RUN apk add --no-cache git', //         6
  'FROM gcr.io/distroless/static AS app', // 7
  'COPY --from=build /out/app /app', //    8
  'ENTRYPOINT ["/app"]' //                 9
)

const model = parseDockerfile(APP)
const purposeOf = (text: string, path = 'Dockerfile', target: string | null = null): string => {
  const m = parseDockerfile(text)
  const graph = buildStageGraph(m, { target, path })
  const t = graph.targets[0]
  return `${t?.purpose ?? '?'}: ${t?.because ?? ''}`
}

describe('built targets', () => {
  it('gives every stage the strongest role any build gives it', () => {
    const graph = buildStageGraph(model, { targets: [{ name: 'app' }, { name: 'lint' }, { name: 'dev' }], path: 'Dockerfile' })
    expect(graph.targets.map((t) => [t.stage, t.purpose])).toEqual([
      [3, 'runtime'],
      [1, 'environment'],
      [2, 'environment']
    ])
    expect(graph.roles).toEqual(['environment', 'environment', 'environment', 'ships'])
    expect(graph.target).toBe(3)
  })

  it('marks a stage used only by another build as needed, not unused', () => {
    const graph = buildStageGraph(model, { targets: [{ name: 'app' }], path: 'Dockerfile' })
    expect(graph.roles).toEqual(['build', 'unused', 'unused', 'ships'])
  })

  it('lets a name that says environment beat a push, and the configuration beat both', () => {
    // frappe/bench: a published development image is still an environment.
    const pushed = buildStageGraph(model, { targets: [{ name: 'dev', purpose: 'runtime', because: 'it is pushed by ci.yml:3', builtBy: 'ci.yml:3' }], path: 'Dockerfile' })
    expect(pushed.targets).toEqual([{ stage: 2, purpose: 'environment', because: 'the target is named "dev"', builtBy: ['ci.yml:3'] }])
    // A builder base pushed for other images (frappe/build): asked for by the name "build".
    const builder = buildStageGraph(model, { targets: [{ name: 'build', purpose: 'runtime', because: 'it is pushed by ci.yml:3', builtBy: 'ci.yml:3' }], path: 'Dockerfile' })
    expect(builder.targets[0]?.purpose).toBe('environment')
    expect(builder.targets[0]?.because).toBe('the target is named "build" and sets no command')
    // A pushed target with a plain name stays what the push says.
    const app = buildStageGraph(model, { targets: [{ name: 'app', purpose: 'runtime', because: 'it is pushed by ci.yml:3', builtBy: 'ci.yml:3' }], path: 'Dockerfile' })
    expect(app.targets).toEqual([{ stage: 3, purpose: 'runtime', because: 'it is pushed by ci.yml:3', builtBy: ['ci.yml:3'] }])
    const configured = buildStageGraph(model, { targets: [{ name: 'dev', purpose: 'runtime' }], path: 'Dockerfile', configuredPurpose: (t) => (t === 'dev' ? 'runtime' : null) })
    expect(configured.targets[0]?.purpose).toBe('runtime')
    expect(configured.targets[0]?.because).toContain('images:')
  })

  it('merges builds of the same stage, a runtime build winning unless the name says environment', () => {
    const graph = buildStageGraph(model, { targets: [{ name: 'app', purpose: 'environment', because: 'dev container', builtBy: 'a.yml:1' }, { name: 'APP', purpose: 'runtime', because: 'pushed', builtBy: 'b.yml:2' }], path: 'Dockerfile' })
    expect(graph.targets).toEqual([{ stage: 3, purpose: 'runtime', because: 'pushed', builtBy: ['a.yml:1', 'b.yml:2'] }])
    const dev = buildStageGraph(model, { targets: [{ name: 'dev', builtBy: 'a.yml:1' }, { name: 'DEV', purpose: 'runtime', because: 'pushed', builtBy: 'b.yml:2' }], path: 'Dockerfile' })
    expect(dev.targets).toEqual([{ stage: 2, purpose: 'environment', because: 'the target is named "dev"', builtBy: ['a.yml:1', 'b.yml:2'] }])
  })

  it('reports an unknown target once and builds the last stage instead', () => {
    const graph = buildStageGraph(model, { targets: [{ name: 'nope' }, { name: 'nope' }], path: 'Dockerfile' })
    expect(graph.problems.map((p) => p.kind)).toEqual(['unknown-target'])
    expect(graph.targets.map((t) => t.stage)).toEqual([3])
  })

  it('with a target it cannot resolve, no stage is unused', () => {
    const graph = buildStageGraph(model, { targets: [{ name: 'app' }], anyTarget: true, path: 'Dockerfile' })
    expect(graph.roles).toEqual(['build', 'build', 'build', 'ships'])
  })
})

describe('stages chosen by platform', () => {
  const PER_OS = df('FROM alpine:3 AS base', 'FROM base AS bin-linux', 'FROM base AS bin-windows', 'FROM base AS bin-darwin', 'FROM bin-${TARGETOS} AS bin', 'FROM alpine:3 AS other', 'FROM bin', 'CMD ["x"]')

  it('are used, on their platform: FROM bin-${TARGETOS} needs every bin-<os>', () => {
    const graph = buildStageGraph(parseDockerfile(PER_OS))
    expect(graph.roles).toEqual(['ships', 'ships', 'ships', 'ships', 'ships', 'unused', 'ships'])
    expect(graph.edges.filter((e) => e.otherPlatform === true).map((e) => e.to)).toEqual([2, 3])
  })

  it('only when every variable of the word is a platform argument', () => {
    const graph = buildStageGraph(parseDockerfile(df('ARG FLAVOUR=linux', 'FROM alpine:3 AS bin-linux', 'FROM alpine:3 AS bin-windows', 'FROM bin-${FLAVOUR}', 'CMD ["x"]')))
    expect(graph.roles).toEqual(['ships', 'unused', 'ships'])
  })
})

describe('purpose', () => {
  it('reads environment from the target or stage name', () => {
    expect(purposeOf(df('FROM node:22 AS devcontainer', 'RUN npm i -g nodemon'))).toBe('environment: the stage is named "devcontainer"')
    expect(purposeOf(APP, 'Dockerfile', 'lint')).toBe('environment: the target is named "lint"')
    expect(purposeOf(df('FROM node:22 AS latest', 'CMD ["node", "s.js"]'))).toBe('runtime: it is the image that is built')
  })

  it('reads environment from the path and the file name', () => {
    expect(purposeOf(df('FROM ubuntu:24.04', 'CMD ["bash"]'), '.devcontainer/Dockerfile')).toBe('environment: it lives under ".devcontainer/"')
    expect(purposeOf(df('FROM ubuntu:24.04', 'CMD ["bash"]'), 'test/e2e/fixtures/Dockerfile')).toBe('environment: it lives under "test/"')
    expect(purposeOf(df('FROM ubuntu:24.04', 'CMD ["bash"]'), 'docker/Dockerfile.dev')).toBe('environment: the file is named "Dockerfile.dev"')
    expect(purposeOf(df('FROM ubuntu:24.04', 'CMD ["bash"]'), 'services/contest/Dockerfile')).toBe('runtime: it is the image that is built')
  })

  it('reads environment from a development base, an export on scratch, or a toolchain with no command', () => {
    expect(purposeOf(df('FROM mcr.microsoft.com/devcontainers/go:1.22', 'RUN go install x@v1'))).toContain('environment: it is built on "mcr.microsoft.com/devcontainers/go:1.22"')
    expect(purposeOf(df('FROM golang:1.22 AS b', 'RUN go build -o /x', 'FROM scratch', 'COPY --from=b /x /x'))).toContain('environment: it only collects files on scratch')
    expect(purposeOf(df('FROM golang:1.22', 'COPY . .', 'RUN go vet ./...'))).toContain('environment: it is built on the toolchain "golang:1.22"')
  })

  it('keeps runtime images runtime', () => {
    expect(purposeOf(df('FROM golang:1.22 AS b', 'RUN go build -o /x', 'FROM scratch', 'COPY --from=b /x /x', 'ENTRYPOINT ["/x"]'))).toBe('runtime: it is the image that is built')
    expect(purposeOf(df('FROM golang:1.22', 'COPY . .', 'RUN go build -o /app', 'CMD ["/app"]'))).toBe('runtime: it is the image that is built')
    expect(purposeOf(df('FROM eclipse-temurin:21-jre', 'COPY app.jar /app.jar'))).toBe('runtime: it is the image that is built')
    expect(decidePurpose(model, 2, { path: 'Dockerfile', service: { ports: true, command: false, name: 'web', source: 'compose.yaml:4' } }).purpose).toBe('environment')
    expect(decidePurpose(parseDockerfile(df('FROM ubuntu:24.04', 'CMD ["bash"]')), 0, { path: 'web/Dockerfile', service: { ports: true, command: false, name: 'web', source: 'compose.yaml:4' } })).toEqual({ purpose: 'runtime', because: 'compose service "web" (compose.yaml:4) runs it with published ports' })
  })

  it('lets the file\'s own name, folder and header beat a compose service', () => {
    const service = { ports: true, command: false, name: 'playwright', source: 'compose.override.yml:77' }
    const bash = parseDockerfile(df('FROM ubuntu:24.04', 'CMD ["bash"]'))
    // fastapi-template: the Playwright runner publishes its HTML report's port.
    expect(decidePurpose(bash, 0, { path: 'frontend/Dockerfile.playwright', service })).toEqual({ purpose: 'environment', because: 'the file is named "Dockerfile.playwright"' })
    expect(decidePurpose(bash, 0, { path: 'test/mock/Dockerfile', service }).because).toBe('it lives under "test/"')
    expect(decidePurpose(bash, 0, { path: 'web/Dockerfile.dev', service }).because).toBe('the file is named "Dockerfile.dev"')
  })

  it('reads the file\'s header comment, folder words and packaging folders', () => {
    // uv's crates/uv-trampoline/Dockerfile and crates/uv-dev/builder.dockerfile.
    const header = df('# Reproducible cross-compilation environment for Windows trampolines.', '#', '# This image provides the build environment.', '', 'FROM ubuntu:26.04', 'RUN apt-get install -y clang', 'CMD ["bash"]')
    expect(purposeOf(header, 'crates/uv-trampoline/Dockerfile')).toBe('environment: its header comment says "cross-compilation environment"')
    expect(purposeOf(df('# Provide isolation for source distribution builds', 'FROM ubuntu:22.04', 'RUN make'), 'crates/x/Dockerfile')).toBe('environment: its header comment says "isolation for source distribution builds"')
    expect(purposeOf(df('FROM ubuntu:22.04', 'RUN make'), 'crates/uv-dev/builder.dockerfile')).toBe('environment: the file is named "builder.dockerfile"')
    expect(purposeOf(df('FROM golang:1.4', 'CMD ["bash"]'), 'project/dev-image/Dockerfile')).toBe('environment: it lives under "dev-image/"')
    expect(purposeOf(df('FROM debian:12', 'CMD ["/build/build-deb"]'), 'deb/Dockerfile')).toBe('environment: it lives under "deb/"')
    expect(purposeOf(df('FROM ubuntu:24.04', 'CMD ["bash"]'), '.cursor/Dockerfile')).toBe('environment: it lives under ".cursor/"')
    expect(purposeOf(df('ARG ORIGINAL_IMAGE=devcon.azurecr.io/public/vscode/devcontainers/base:0-buster', 'FROM ${ORIGINAL_IMAGE}', 'RUN apt-get update'), 'build/patch/1/Dockerfile')).toContain('a development image')
    // A comment after the first instruction, or one that only mentions an environment variable, says nothing.
    expect(purposeOf(df('FROM node:22-slim', '# the build environment is set by CI', 'CMD ["node", "server.js"]'), 'Dockerfile')).toBe('runtime: it is the image that is built')
    expect(purposeOf(df('# Production image; set the environment with ENV', 'FROM node:22-slim', 'CMD ["node", "server.js"]'), 'Dockerfile')).toBe('runtime: it is the image that is built')
    expect(purposeOf(df('FROM node:22-slim', 'CMD ["node", "server.js"]'), 'services/api-gateway/Dockerfile')).toBe('runtime: it is the image that is built')
    // uptime-kuma's pr-test2: a number after the word changes nothing; a word that only starts with it is another word.
    expect(purposeOf(df('FROM node:20 AS pr-test2', 'CMD ["node", "server.js"]'))).toBe('environment: the stage is named "pr-test2"')
    expect(purposeOf(df('FROM node:20 AS testimonials', 'CMD ["node", "server.js"]'))).toBe('runtime: it is the image that is built')
  })
})
