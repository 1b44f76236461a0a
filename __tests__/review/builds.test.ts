/** From the repository's files and build definitions to what one Dockerfile's analysis needs. */
import { describe, expect, it } from '@jest/globals'
import type { BuildDefinition } from '../../src/builds/types.js'
import { buildsOf, repoPath } from '../../src/review/builds.js'
import { imageNamesOf } from '../../src/review/review.js'

const build = (over: Partial<BuildDefinition>): BuildDefinition => ({
  kind: 'bake',
  source: { file: 'docker-bake.hcl', line: 1 },
  name: 'x',
  dockerfile: 'Dockerfile',
  context: '.',
  target: null,
  targetUnknown: false,
  args: {},
  platforms: [],
  push: null,
  ...over
})

describe('imageNamesOf', () => {
  it('names the images a repository of images builds: folders and <name>.Dockerfile files', () => {
    expect([...imageNamesOf(['wine/Dockerfile', 'curl/Dockerfile', 'docker/api.Dockerfile', 'Dockerfile.worker', 'Dockerfile', 'src/main.go', 'README.md'])].sort()).toEqual(['api', 'curl', 'docker', 'wine', 'worker'])
  })
})

describe('buildsOf', () => {
  it('turns the builds of one file into targets, with a pushed image as runtime evidence and dev containers as environments', () => {
    const result = buildsOf(
      {
        builds: [
          build({ kind: 'build-push-action', source: { file: '.github/workflows/ci.yml', line: 12 }, target: 'app', push: true, args: { GO: '1.23', V: null } }),
          build({ kind: 'devcontainer', source: { file: '.devcontainer/devcontainer.json', line: 3 }, target: 'dev', push: false, args: { GO: '1.23' } }),
          build({ dockerfile: 'other/Dockerfile', target: 'x' })
        ],
        notes: []
      },
      './Dockerfile'
    )
    expect(result.targets).toEqual([
      { name: 'app', builtBy: '.github/workflows/ci.yml:12', purpose: 'runtime', because: 'it is pushed by .github/workflows/ci.yml:12' },
      { name: 'dev', builtBy: '.devcontainer/devcontainer.json:3', purpose: 'environment', because: 'it is the dev container of .devcontainer/devcontainer.json' }
    ])
    // GO is the same everywhere; V is unknown in one build and absent in the other.
    expect(result.args).toEqual({ GO: '1.23' })
    expect([result.context, result.anyTarget]).toEqual(['.', false])
  })

  it('makes a build that writes files out (bake output = ["./bin"], type=cacheonly) an environment', () => {
    // docker-credential-helpers: every bake target exports binaries, coverage or a lint run.
    const result = buildsOf({ builds: [build({ source: { file: 'docker-bake.hcl', line: 70 }, target: 'release', exports: './bin/release' })], notes: [] }, 'Dockerfile')
    expect(result.targets).toEqual([{ name: 'release', builtBy: 'docker-bake.hcl:70', purpose: 'environment', because: 'docker-bake.hcl:70 writes it out as files (output ./bin/release), not as an image' }])
    const lint = buildsOf({ builds: [build({ source: { file: 'docker-bake.hcl', line: 28 }, target: 'lint', exports: 'type=cacheonly' })], notes: [] }, 'Dockerfile')
    expect(lint.targets[0]?.because).toBe('docker-bake.hcl:28 only checks that it builds (output type=cacheonly), no image is kept')
  })

  it('calls a file retired only when every build of it is one kept for old setups', () => {
    const old = build({ kind: 'compose', source: { file: 'docker-compose.yml', line: 184 }, retired: "under the compose profile 'deprecated'" })
    expect(buildsOf({ builds: [old], notes: [] }, 'Dockerfile').retired).toBe("it is built only by docker-compose.yml:184 under the compose profile 'deprecated'")
    expect(buildsOf({ builds: [old, build({ kind: 'build-push-action', push: true })], notes: [] }, 'Dockerfile').retired).toBeNull()
    expect(buildsOf({ builds: [], notes: [] }, 'Dockerfile').retired).toBeNull()
  })

  it('says any stage may be built when a build names its target by an expression', () => {
    const result = buildsOf({ builds: [build({ targetUnknown: true })], notes: [] }, 'Dockerfile')
    expect([result.targets, result.anyTarget]).toEqual([[], true])
  })

  it('normalises paths as the readers write them', () => {
    expect([repoPath('./a/../b/Dockerfile'), repoPath('b//c/./Dockerfile'), repoPath('Dockerfile')]).toEqual(['b/Dockerfile', 'b/c/Dockerfile', 'Dockerfile'])
  })
})
