import { describe, expect, it } from '@jest/globals'
import { interpolateCompose, isComposeFile } from '../../src/builds/compose.js'
import { isDevcontainerFile } from '../../src/builds/devcontainer.js'
import { formatBuilds, readBuildDefinitions } from '../../src/builds/index.js'
import { parseJsonc } from '../../src/builds/jsonc.js'
import { lines, repoFiles } from '../helpers/repo-files.js'

describe('compose files', () => {
  it('knows compose file names anywhere, but not under node_modules or vendor', () => {
    expect(['compose.yaml', 'a/docker-compose.yml', 'compose.prod.yml', 'docker-compose.override.yaml', 'tests/docker-compose-ci.yml'].every(isComposeFile)).toBe(true)
    expect(['composer.yml', 'compose.json', 'my-compose.yml', 'docs/compose.md'].some(isComposeFile)).toBe(false)
    const result = readBuildDefinitions(repoFiles({ 'node_modules/x/compose.yaml': 'services:\n  a:\n    build: .\n', 'vendor/y/docker-compose.yml': 'services:\n  b:\n    build: .\n' }))
    expect(result).toEqual({ builds: [], notes: [] })
  })

  it('reads string and object builds relative to the compose file, with args as a map or a list', () => {
    const result = readBuildDefinitions(
      repoFiles({
        'deploy/compose.yaml': lines(
          'services:',
          '  api:',
          '    build: ../api',
          '    ports: ["8080:8080"]',
          '  web:',
          '    image: example/web:${TAG:-latest}',
          '    build:',
          '      context: ..',
          '      dockerfile: web/Dockerfile.prod',
          '      target: ${WEB_TARGET:-runtime}',
          '      args:',
          '        NODE_VERSION: 20',
          '        TOKEN:',
          '        MODE: ${MODE:-production}',
          '    command: ["node", "server.js"]',
          '  worker:',
          '    build:',
          '      context: ../worker',
          '      args:',
          '        - QUEUE=default',
          '        - FROM_ENV',
          '        - HOME_DIR=$HOME',
          '  db:',
          '    image: postgres:16'
        ),
        'api/Dockerfile': 'FROM scratch\n',
        'web/Dockerfile.prod': 'FROM scratch AS runtime\n',
        'worker/Dockerfile': 'FROM scratch\n'
      })
    )
    expect(result.notes).toEqual([])
    expect(result.builds.map((b) => [b.name, b.source.line, b.dockerfile, b.context, b.target, b.args, b.push, b.service])).toEqual([
      ['api', 2, 'api/Dockerfile', 'api', null, {}, false, { ports: true, command: false }],
      ['web', 5, 'web/Dockerfile.prod', '.', 'runtime', { NODE_VERSION: '20', TOKEN: null, MODE: 'production' }, null, { ports: false, command: true, programs: [{ program: 'node', what: 'command', line: 15 }] }],
      ['worker', 16, 'worker/Dockerfile', 'worker', null, { QUEUE: 'default', FROM_ENV: null, HOME_DIR: null }, false, { ports: false, command: false }]
    ])
  })

  it('reads the programs a service runs in its image: healthcheck, command and entrypoint', () => {
    const result = readBuildDefinitions(
      repoFiles({
        'compose.yml': lines(
          'services:',
          '  backend:',
          '    build: .',
          '    command: bash -c "alembic upgrade head && fastapi run --workers 4 app/main.py"',
          '    healthcheck:',
          '      test: ["CMD", "curl", "-f", "http://localhost:8000/health"]',
          '  db:',
          '    build: { context: ., dockerfile: db/Dockerfile }',
          '    entrypoint: ["/usr/local/bin/docker-entrypoint.sh"]',
          '    healthcheck:',
          '      test: ["CMD-SHELL", "sh -c \'pg_isready -U $${POSTGRES_USER}\' || exit 1"]',
          '  quiet:',
          '    build: { context: ., dockerfile: quiet/Dockerfile }',
          '    healthcheck:',
          '      test: ["NONE"]'
        ),
        Dockerfile: 'FROM scratch\n'
      })
    )
    // Each with the line of its key's value, where a finding about it points.
    expect(result.builds.map((b) => [b.name, b.service?.programs?.map((p) => `${p.what}:${p.program}:${p.line}`)])).toEqual([
      ['backend', ['healthcheck:curl:6', 'command:alembic:4', 'command:fastapi:4']],
      ['db', ['healthcheck:pg_isready:11', 'entrypoint:docker-entrypoint.sh:9']],
      ['quiet', undefined]
    ])
  })

  it('marks a service that runs only under profiles kept for old setups (hoppscotch: profiles: ["deprecated"])', () => {
    const result = readBuildDefinitions(
      repoFiles({
        'docker-compose.yml': lines(
          'services:',
          '  old-backend:',
          '    profiles: ["deprecated"]',
          '    build: { context: ., dockerfile: old/Dockerfile }',
          '  backend:',
          '    profiles: ["default", "backend"]',
          '    build: .',
          '  both:',
          '    profiles: ["legacy", "default"]',
          '    build: { context: ., dockerfile: both/Dockerfile }',
          '  everywhere:',
          '    build: { context: ., dockerfile: all/Dockerfile }'
        ),
        Dockerfile: 'FROM scratch\n'
      })
    )
    expect(result.builds.map((b) => [b.name, b.retired])).toEqual([
      ['old-backend', "under the compose profile 'deprecated'"],
      ['backend', undefined],
      // One live profile is enough to run it today.
      ['both', undefined],
      ['everywhere', undefined]
    ])
  })

  it('applies anchors and merge keys, and keeps compose tags such as !reset', () => {
    const result = readBuildDefinitions(
      repoFiles({
        'compose.yaml': lines(
          'x-app: &app',
          '  build:',
          '    context: .',
          '    args:',
          '      SKIP: "true"',
          'services:',
          '  server:',
          '    <<: *app',
          '    command: serve',
          '  scheduler:',
          '    <<: *app',
          '    ports: !reset []'
        ),
        Dockerfile: 'FROM scratch\n'
      })
    )
    expect(result.notes).toEqual([])
    expect(result.builds.map((b) => [b.name, b.source.line, b.args, b.service])).toEqual([
      ['server', 7, { SKIP: 'true' }, { ports: false, command: true, programs: [{ program: 'serve', what: 'command', line: 9 }] }],
      ['scheduler', 10, { SKIP: 'true' }, { ports: false, command: false }]
    ])
  })

  it('interpolates only what the file says', () => {
    expect(interpolateCompose('a-${X:-b}-$$c')).toBe('a-b-$c')
    expect(interpolateCompose('${X-${Y:-z}}')).toBe('z')
    expect(interpolateCompose('${X}')).toBeNull()
    expect(interpolateCompose('$X')).toBeNull()
    expect(interpolateCompose('${X:?required}')).toBeNull()
    expect(interpolateCompose('${unclosed')).toBeNull()
    expect(interpolateCompose('price: 5$')).toBe('price: 5$')
  })

  it('notes invalid YAML, a remote context, a context outside the repository and an inline Dockerfile', () => {
    const result = readBuildDefinitions(
      repoFiles({
        'bad/compose.yml': lines('services:', '  a:', '    build: [oops'),
        'compose.yaml': lines(
          'services:',
          '  remote:',
          '    build: https://github.com/example/app.git#main',
          '  outside:',
          '    build: ../elsewhere',
          '  inline:',
          '    build:',
          '      dockerfile_inline: |',
          '        FROM scratch'
        )
      })
    )
    // The builds are there, with what is not known left null.
    expect(result.builds.map((b) => [b.name, b.dockerfile, b.context])).toEqual([
      ['remote', null, null],
      ['outside', null, null]
    ])
    expect(result.notes.map((n) => `${n.file}:${n.line} ${n.message.replace(/: .*$/s, '')}`)).toEqual([
      'bad/compose.yml:4 invalid YAML',
      'compose.yaml:2 service remote builds the remote context https://github.com/example/app.git#main',
      'compose.yaml:4 service outside builds the context ../elsewhere, which is outside the repository',
      'compose.yaml:6 service inline builds an inline Dockerfile (dockerfile_inline)'
    ])
  })
})

describe('devcontainer.json', () => {
  it('finds devcontainer.json files, nested ones too', () => {
    expect(['.devcontainer/devcontainer.json', '.devcontainer/python/devcontainer.json', 'x/.devcontainer/devcontainer.json', '.devcontainer.json'].every(isDevcontainerFile)).toBe(true)
    expect(['devcontainer.json', '.devcontainer/other.json'].some(isDevcontainerFile)).toBe(false)
  })

  it('reads build.dockerfile and build.context relative to its folder, through comments and trailing commas', () => {
    const result = readBuildDefinitions(
      repoFiles({
        '.devcontainer/builder/devcontainer.json': lines(
          '// A dev container for the build tools',
          '{',
          '  "name": "builder",',
          '  /* the image is built here */',
          '  "build": {',
          '    "dockerfile": "Dockerfile",',
          '    "context": "../..",',
          '    "target": "dev",',
          '    "args": { "GO": "1.22", "USER": "${localEnv:USER}", },',
          '  },',
          '}'
        ),
        '.devcontainer/builder/Dockerfile': 'FROM scratch AS dev\n'
      })
    )
    expect(result.notes).toEqual([])
    expect(result.builds).toEqual([
      {
        kind: 'devcontainer',
        source: { file: '.devcontainer/builder/devcontainer.json', line: 5 },
        name: 'builder',
        dockerfile: '.devcontainer/builder/Dockerfile',
        context: '.',
        target: 'dev',
        targetUnknown: false,
        args: { GO: '1.22', USER: null },
        platforms: [],
        push: false
      }
    ])
  })

  it('reads the legacy dockerFile, and a compose-based dev container through its compose file', () => {
    const result = readBuildDefinitions(
      repoFiles({
        'legacy/.devcontainer/devcontainer.json': '{ "dockerFile": "Dockerfile", "context": ".." }',
        'legacy/.devcontainer/Dockerfile': 'FROM scratch\n',
        '.devcontainer/devcontainer.json': lines('{', '  "dockerComposeFile": ["docker-compose.yml"],', '  "service": "app"', '}'),
        '.devcontainer/docker-compose.yml': lines('services:', '  app:', '    build:', '      context: ..', '      dockerfile: .devcontainer/Dockerfile'),
        '.devcontainer/Dockerfile': 'FROM scratch\n',
        'image/.devcontainer/devcontainer.json': '{ "image": "mcr.microsoft.com/devcontainers/base" }'
      })
    )
    expect(result.notes).toEqual([])
    expect(result.builds.map((b) => [b.kind, b.source.file, b.source.line, b.dockerfile, b.context])).toEqual([
      ['devcontainer', '.devcontainer/devcontainer.json', 3, '.devcontainer/Dockerfile', '.'],
      ['compose', '.devcontainer/docker-compose.yml', 2, '.devcontainer/Dockerfile', '.'],
      ['devcontainer', 'legacy/.devcontainer/devcontainer.json', 1, 'legacy/.devcontainer/Dockerfile', 'legacy']
    ])
  })

  it('notes invalid JSON at its line, and a missing Dockerfile', () => {
    const result = readBuildDefinitions(
      repoFiles({
        'a/.devcontainer/devcontainer.json': lines('{', '  "build": {', '    "dockerfile": "Dockerfile"', '    "context": "."', '  }', '}'),
        'b/.devcontainer/devcontainer.json': '{ "build": { "dockerfile": "Missing.Dockerfile" } }'
      })
    )
    expect(result.notes).toEqual([
      { file: 'a/.devcontainer/devcontainer.json', line: 4, message: "invalid JSON: expected ',' or '}', found '\"'" },
      { file: 'b/.devcontainer/devcontainer.json', line: 1, message: 'b/.devcontainer names Dockerfile b/.devcontainer/Missing.Dockerfile, which is not in the repository' }
    ])
  })

  it('parses JSON with comments the way JSON.parse reads plain JSON', () => {
    const parsed = parseJsonc('{"a": [1, 2.5e1, true, null, "x\\u0041\\n"], "b": {}}')
    expect(parsed.ok).toBe(true)
    for (const bad of ['{', '{"a" 1}', '[1,,]', '"open', '{"a": 1} x', '/* no end']) expect(parseJsonc(bad).ok).toBe(false)
    expect(parseJsonc(`${'['.repeat(10000)}`).ok).toBe(false)
  })
})

describe('formatBuilds', () => {
  it('prints one line per build, then the notes with their place', () => {
    const result = readBuildDefinitions(
      repoFiles({
        'compose.yaml': lines('services:', '  web:', '    build:', '      context: .', '      target: ${T}', '  api:', '    build: ./api'),
        Dockerfile: 'FROM scratch\n'
      })
    )
    expect(formatBuilds(result)).toBe(
      lines(
        'Dockerfile [?] ← compose.yaml:2 (compose web) context=. platforms=default push=false',
        'api/Dockerfile ← compose.yaml:6 (compose api) context=api platforms=default push=false',
        'compose.yaml:6  note: service api names Dockerfile api/Dockerfile, which is not in the repository'
      )
    )
    expect(formatBuilds({ builds: [], notes: [] })).toBe('no builds found\n')
  })
})
