import { describe, expect, it } from '@jest/globals'
import { BakeResolver, addBakeFile, emptyProject } from '../../src/builds/bake.js'
import { readBuildDefinitions } from '../../src/builds/index.js'
import type { BuildDefinition, BuildNote } from '../../src/builds/types.js'
import { lines, repoFiles } from '../helpers/repo-files.js'

const HCL = lines(
  '# a bake file in the style of the docker/* repositories',
  'variable "GO_VERSION" {',
  '  default = "1.22"',
  '}',
  'variable "DESTDIR" {',
  '  default = "./bin"',
  '}',
  'variable "MULTI" {',
  '  default = null',
  '}',
  'function "outdir" {',
  '  params = [name]',
  '  result = "${DESTDIR}/${name}"',
  '}',
  'target "_common" {',
  '  args = {',
  '    GO_VERSION = GO_VERSION',
  '    KEEP_GIT = 1',
  '  }',
  '}',
  'target "meta-helper" {',
  '  tags = ["app:local"]',
  '}',
  'group "default" {',
  '  targets = ["image-local"]',
  '}',
  'group "validate" {',
  '  targets = ["lint", "vendor-validate"]',
  '}',
  'group "all" {',
  '  targets = ["default", "validate"]',
  '}',
  'target "image" {',
  '  inherits = ["_common", "meta-helper"]',
  '}',
  'target "image-local" {',
  '  inherits = ["image"]',
  '  output = ["type=docker"]',
  '}',
  'target "image-all" {',
  '  inherits = ["image"]',
  '  platforms = ["linux/amd64", "linux/arm64"]',
  '  output = ["type=registry"]',
  '}',
  'target "lint" {',
  '  inherits = ["_common"]',
  '  dockerfile = "./hack/lint.Dockerfile"',
  '  target = "lint"',
  '  platforms = MULTI != null ? ["linux/amd64", "linux/arm64"] : []',
  '  output = ["type=cacheonly"]',
  '}',
  'target "vendor-validate" {',
  '  inherits = ["_common"]',
  '  dockerfile = "./hack/vendor.Dockerfile"',
  '  target = "validate"',
  '  args = {',
  '    GO_VERSION = "1.21"',
  '  }',
  '}',
  'target "binary" {',
  '  inherits = ["_common"]',
  '  target = "binary"',
  '  output = [outdir("build")]',
  '}',
  'target "docs" {',
  '  context = "docs"',
  '  target = "${lower("R")}elease"',
  '  tags = [for v in ["a"] : v]',
  '}'
)

const FILES = {
  'docker-bake.hcl': HCL,
  Dockerfile: 'FROM scratch\n',
  'hack/lint.Dockerfile': 'FROM scratch AS lint\n',
  'hack/vendor.Dockerfile': 'FROM scratch AS validate\n',
  'docs/Dockerfile': 'FROM scratch AS release\n'
}

const byName = (builds: BuildDefinition[]): Record<string, BuildDefinition> => Object.fromEntries(builds.map((b) => [b.name, b]))

describe('bake files', () => {
  it('lists every target but the ones that only exist to be inherited, with inherits, variables and groups applied', () => {
    const result = readBuildDefinitions(repoFiles(FILES))
    expect(result.notes).toEqual([])
    const builds = byName(result.builds)
    expect(Object.keys(builds)).toEqual(['image-local', 'image-all', 'lint', 'vendor-validate', 'binary', 'docs'])
    expect(builds['image-local']).toMatchObject({
      kind: 'bake',
      source: { file: 'docker-bake.hcl', line: 36 },
      dockerfile: 'Dockerfile',
      context: '.',
      target: null,
      args: { GO_VERSION: '1.22', KEEP_GIT: '1' },
      push: false,
      groups: ['default', 'all']
    })
    expect(builds['image-all']).toMatchObject({ push: true, platforms: ['linux/amd64', 'linux/arm64'], groups: [] })
    expect(builds.lint).toMatchObject({ dockerfile: 'hack/lint.Dockerfile', target: 'lint', platforms: [], groups: ['validate', 'all'] })
    // The target's own args win over inherited ones, key by key.
    expect(builds['vendor-validate']?.args).toEqual({ GO_VERSION: '1.21', KEEP_GIT: '1' })
    // A user function is evaluated: the output is a local folder, files and no image.
    expect(builds.binary).toMatchObject({ push: false, exports: './bin/build' })
    expect(builds.lint?.exports).toBe('type=cacheonly')
    expect([builds['image-local']?.exports, builds['image-all']?.exports, builds['vendor-validate']?.exports]).toEqual([undefined, undefined, undefined])
    expect(builds.docs).toMatchObject({ dockerfile: 'docs/Dockerfile', context: 'docs', target: 'release' })
  })

  it('resolves the default group: the targets a bare `docker buildx bake` builds', () => {
    const project = emptyProject()
    expect(addBakeFile(project, 'docker-bake.hcl', HCL)).toBeNull()
    const resolver = new BakeResolver(project, [])
    expect(resolver.expand(['default']).targets).toEqual(['image-local'])
    expect(resolver.expand(['all']).targets).toEqual(['image-local', 'lint', 'vendor-validate'])
    expect(resolver.expand(['all', 'nope'])).toEqual({ targets: ['image-local', 'lint', 'vendor-validate'], unknown: ['nope'] })
  })

  it('merges a JSON bake file with the HCL one in bake order, the later file overriding', () => {
    const result = readBuildDefinitions(
      repoFiles({
        'docker-bake.json': JSON.stringify({ variable: { TAG: { default: 'json' } }, group: { default: { targets: ['app'] } }, target: { app: { dockerfile: 'app.Dockerfile', args: { FROM_JSON: '${TAG}' } } } }, null, 2),
        'docker-bake.hcl': lines('target "app" {', '  args = { FROM_HCL = "1" }', '}'),
        'docker-bake.override.hcl': lines('target "app" {', '  target = "debug"', '}'),
        'app.Dockerfile': 'FROM scratch AS debug\n'
      })
    )
    expect(result.notes).toEqual([])
    expect(result.builds.map((b) => [b.name, b.source.file, b.source.line, b.dockerfile, b.target, b.args, b.groups])).toEqual([
      ['app', 'docker-bake.json', 15, 'app.Dockerfile', 'debug', { FROM_JSON: 'json', FROM_HCL: '1' }, ['default']]
    ])
  })

  it('keeps a target from an unknown function unknown, and counts inline Dockerfiles instead of listing them', () => {
    const result = readBuildDefinitions(
      repoFiles({
        'docker-bake.hcl': lines(
          'target "a" {',
          '  target = lookup(STAGES, "a")',
          '  dockerfile = "${BAKE_CMD_CONTEXT}/Dockerfile"',
          '}',
          'target "b" {',
          '  dockerfile-inline = <<EOT',
          'FROM scratch',
          'EOT',
          '}'
        )
      })
    )
    expect(result.builds.map((b) => [b.name, b.dockerfile, b.target, b.targetUnknown])).toEqual([['a', null, null, true]])
    expect(result.notes).toEqual([{ file: 'docker-bake.hcl', line: 1, message: '1 bake target build an inline Dockerfile (dockerfile-inline): not listed, there is no file to review' }])
  })

  it('notes invalid HCL at its line, an unknown group member, an unknown or circular parent, a missing Dockerfile, and reads the rest', () => {
    const result = readBuildDefinitions(
      repoFiles({
        'docker-bake.hcl': lines('target "a" {', '  dockerfile = "x.Dockerfile"', '  args = {', '    A =', '  }', '}'),
        'sub/docker-bake.hcl': lines(
          'group "default" {',
          '  targets = ["a", "ghost"]',
          '}',
          'target "a" {',
          '  inherits = ["missing", "b"]',
          '  dockerfile = "Dockerfile.a"',
          '}',
          'target "b" {',
          '  inherits = ["a"]',
          '  context = "https://github.com/example/repo.git"',
          '}'
        ),
        'compose.yaml': lines('services:', '  web:', '    build: .')
      })
    )
    const notes = result.notes.map((n: BuildNote) => `${n.file}:${n.line} ${n.message}`)
    expect(notes).toEqual([
      'compose.yaml:2 service web names Dockerfile Dockerfile, which is not in the repository',
      "docker-bake.hcl:5 invalid HCL: expected an expression, found '}'",
      'sub/docker-bake.hcl:1 group default lists the target ghost, which is not defined',
      'sub/docker-bake.hcl:4 target a inherits missing, which is not defined',
      // a inherits b's remote context; b itself is only inherited, so it is not listed.
      'sub/docker-bake.hcl:4 bake target a builds the remote context https://github.com/example/repo.git: its Dockerfile is not in the repository',
      'sub/docker-bake.hcl:8 target b inherits a, which inherits it back'
    ])
    // compose.yaml is still read, and so is sub/docker-bake.hcl.
    expect(result.builds.map((b) => [b.kind, b.name, b.dockerfile])).toEqual([
      ['compose', 'web', 'Dockerfile'],
      ['bake', 'a', null]
    ])
  })
})

describe('bake matrix targets', () => {
  it('expands a target matrix into the targets its name makes, and a group may name the block', () => {
    const result = readBuildDefinitions(
      repoFiles({
        'docker-bake.hcl': lines(
          'group "default" {',
          '  targets = ["app"]',
          '}',
          'target "app" {',
          '  name = "app-${tgt}-${replace(v, ".", "_")}"',
          '  matrix = {',
          '    tgt = ["api", "worker"]',
          '    v = ["1.0"]',
          '  }',
          '  target = tgt',
          '  args = { VERSION = v }',
          '}',
          'target "odd" {',
          '  matrix = LIST',
          '}'
        ),
        Dockerfile: 'FROM scratch AS api\nFROM scratch AS worker\n'
      })
    )
    expect(result.builds.map((b) => [b.name, b.target, b.args.VERSION, b.groups])).toEqual([
      ['app-api-1_0', 'api', '1.0', ['default']],
      ['app-worker-1_0', 'worker', '1.0', ['default']],
      ['odd', null, undefined, []]
    ])
    expect(result.notes).toEqual([{ file: 'docker-bake.hcl', line: 13, message: 'target odd has a matrix whose values are not known: read as one target' }])
  })
})
