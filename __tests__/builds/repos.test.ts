/**
 * The real repository layouts of ../shared/repos, read in place (never copied): every one reads
 * without throwing, and facts checked by reading their files by hand hold.
 */
import { describe, expect, it } from '@jest/globals'
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { BakeResolver, loadBake } from '../../src/builds/bake.js'
import { readBuildDefinitions } from '../../src/builds/index.js'
import type { BuildDefinition, BuildsResult, RepoFiles } from '../../src/builds/types.js'

const REPOS_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../../shared/repos')
const available = existsSync(join(REPOS_DIR, 'MANIFEST.tsv'))

function walk(dir: string, out: string[] = []): string[] {
  for (const entry of readdirSync(dir)) {
    const path = join(dir, entry)
    if (statSync(path).isDirectory()) walk(path, out)
    else out.push(path)
  }
  return out
}

function repo(name: string): RepoFiles {
  const dir = join(REPOS_DIR, name)
  const list = walk(dir).map((p) => relative(dir, p).split('\\').join('/'))
  return {
    list: () => list,
    read: (path) => {
      try {
        return readFileSync(join(dir, path), 'utf8')
      } catch {
        return null
      }
    }
  }
}

const cache = new Map<string, BuildsResult>()
function builds(name: string): BuildsResult {
  const cached = cache.get(name)
  if (cached !== undefined) return cached
  const result = readBuildDefinitions(repo(name))
  cache.set(name, result)
  return result
}

const from = (result: BuildsResult, file: string): BuildDefinition[] => result.builds.filter((b) => b.source.file === file)
const stage = (b: BuildDefinition): string => `${b.dockerfile ?? '?'}${b.targetUnknown ? '[?]' : b.target === null ? '' : `[${b.target}]`}`

/** The targets a group builds in a repository's root bake files, as `docker buildx bake <group>`. */
function group(name: string, groupName: string): string[] {
  const files = repo(name)
  const notes: { file: string; line: number; message: string }[] = []
  const paths = files.list().filter((f) => /^docker-bake(?:\.override)?\.(?:hcl|json)$/.test(f))
  const order = ['docker-bake.json', 'docker-bake.hcl', 'docker-bake.override.json', 'docker-bake.override.hcl']
  paths.sort((a, b) => order.indexOf(a) - order.indexOf(b))
  const resolver = new BakeResolver(loadBake(files, paths, notes, { file: paths[0] as string, line: 1 }), notes)
  return resolver.expand([groupName]).targets
}

;(available ? describe : describe.skip)('shared/repos', () => {
  const names = available ? readdirSync(REPOS_DIR).filter((n) => n.includes('__') && statSync(join(REPOS_DIR, n)).isDirectory()) : []

  it('reads every repository without throwing, every build and note with a place', () => {
    expect(names.length).toBeGreaterThanOrEqual(29)
    for (const name of names) {
      const result = builds(name)
      const files = new Set(repo(name).list())
      for (const b of result.builds) {
        expect(files.has(b.source.file)).toBe(true)
        expect(b.source.line).toBeGreaterThanOrEqual(1)
      }
      for (const n of result.notes) expect(n.line).toBeGreaterThanOrEqual(1)
    }
  })

  it('crazy-max/diun: the default group builds image-local (the last stage of Dockerfile); validate builds the three hack/ tooling targets', () => {
    expect(group('crazy-max__diun', 'default')).toEqual(['image-local'])
    expect(group('crazy-max__diun', 'validate')).toEqual(['lint', 'vendor-validate', 'gen-validate'])
    const bake = from(builds('crazy-max__diun'), 'docker-bake.hcl')
    const byName = new Map(bake.map((b) => [b.name, b]))
    expect(byName.get('image-local')).toMatchObject({ dockerfile: 'Dockerfile', target: null, push: false, groups: ['default'] })
    expect(['lint', 'vendor-validate', 'gen-validate'].map((t) => stage(byName.get(t) as BuildDefinition))).toEqual(['hack/lint.Dockerfile[lint]', 'hack/vendor.Dockerfile[validate]', 'hack/gen.Dockerfile[validate]'])
    // _common, docker-metadata-action, image and artifact are only inherited.
    expect(bake.map((b) => b.name)).not.toEqual(expect.arrayContaining(['_common']))
    expect(byName.has('docker-metadata-action')).toBe(false)
    const image = from(builds('crazy-max__diun'), '.github/workflows/build.yml').find((b) => b.name.endsWith(': image-all'))
    expect(image).toMatchObject({ kind: 'bake-action', dockerfile: 'Dockerfile', target: null, push: null })
    expect(image?.platforms).toHaveLength(6)
  })

  it('distribution/distribution: default = image-local; validate = lint, validate-git, validate-vendor in dockerfiles/', () => {
    expect(group('distribution__distribution', 'default')).toEqual(['image-local'])
    const bake = new Map(from(builds('distribution__distribution'), 'docker-bake.hcl').map((b) => [b.name, b]))
    expect(group('distribution__distribution', 'validate').map((t) => stage(bake.get(t) as BuildDefinition))).toEqual([
      'dockerfiles/lint.Dockerfile',
      'dockerfiles/git.Dockerfile[validate]',
      'dockerfiles/vendor.Dockerfile[validate]'
    ])
  })

  it('docker/docker-credential-helpers: default = binaries, a non-last stage, for 10 platforms, through the bindir() function', () => {
    expect(group('docker__docker-credential-helpers', 'default')).toEqual(['binaries'])
    const binaries = from(builds('docker__docker-credential-helpers'), 'docker-bake.hcl').find((b) => b.name === 'binaries')
    expect(binaries).toMatchObject({ dockerfile: 'Dockerfile', target: 'binaries', push: false })
    expect(binaries?.platforms).toHaveLength(10)
  })

  it('frappe/frappe_docker: default = erpnext, base, build of images/production/Containerfile; the workflow pushes bench', () => {
    expect(group('frappe__frappe_docker', 'default')).toEqual(['erpnext', 'base', 'build'])
    const bake = from(builds('frappe__frappe_docker'), 'docker-bake.hcl').filter((b) => b.groups?.includes('default'))
    expect(bake.map(stage)).toEqual(['images/production/Containerfile[erpnext]', 'images/production/Containerfile[base]', 'images/production/Containerfile[build]'])
    const push = from(builds('frappe__frappe_docker'), '.github/workflows/core-build-bench.yml').find((b) => b.name.endsWith(': bench'))
    expect(push).toMatchObject({ dockerfile: 'images/bench/Dockerfile', context: 'images/bench', target: 'bench', push: true, platforms: ['linux/amd64', 'linux/arm64'] })
  })

  it('argoproj/argo-workflows: the release matrix builds 5 non-last targets × 2 platforms; Windows builds argoexec', () => {
    const release = from(builds('argoproj__argo-workflows'), '.github/workflows/release.yaml')
    const linux = release.filter((b) => b.dockerfile === 'Dockerfile')
    expect(linux).toHaveLength(10)
    expect([...new Set(linux.map((b) => b.target))].sort()).toEqual(['argo-workflows-crdinstaller', 'argocli', 'argoexec', 'argoexec-nonroot', 'workflow-controller'])
    expect(linux.every((b) => b.push === true && b.platforms.length === 1 && b.source.line === 103)).toBe(true)
    expect(release.filter((b) => b.dockerfile !== 'Dockerfile').map(stage)).toEqual(['Dockerfile.windows[argoexec]'])
    const devcontainer = builds('argoproj__argo-workflows').builds.filter((b) => b.kind === 'devcontainer')
    expect(devcontainer.map((b) => [b.dockerfile, b.context])).toEqual([['.devcontainer/builder/Dockerfile', '.']])
  })

  it('nebari-dev/nebari-docker-images: target × {gpu, cpu} less the excluded pairs; a GPU step rewrites BASE_IMAGE through $GITHUB_ENV', () => {
    const push = from(builds('nebari-dev__nebari-docker-images'), '.github/workflows/build-push-docker.yaml')
    expect(push.map((b) => `${stage(b)} ${b.args.BASE_IMAGE ?? '?'}`)).toEqual([
      'Dockerfile[jupyterlab] ?',
      'Dockerfile[jupyterlab] ubuntu:24.04',
      'Dockerfile[jupyterhub] ubuntu:24.04',
      'Dockerfile[dask-worker] ?',
      'Dockerfile[dask-worker] ubuntu:24.04',
      'Dockerfile[workflow-controller] ubuntu:24.04'
    ])
  })

  it('hoppscotch/hoppscotch: the release pushes backend, app, sh_admin and aio of prod.Dockerfile; compose builds 9 services', () => {
    const release = from(builds('hoppscotch__hoppscotch'), '.github/workflows/release-push-docker.yml')
    expect([...new Set(release.map(stage))]).toEqual(['prod.Dockerfile[backend]', 'prod.Dockerfile[app]', 'prod.Dockerfile[sh_admin]', 'prod.Dockerfile[aio]'])
    expect(release.every((b) => b.push === true)).toBe(true)
    const compose = from(builds('hoppscotch__hoppscotch'), 'docker-compose.yml')
    expect(compose).toHaveLength(9)
    expect(compose.find((b) => b.name === 'hoppscotch-old-backend')).toMatchObject({ dockerfile: 'packages/hoppscotch-backend/Dockerfile', target: 'prod' })
  })

  it('tonistiigi/binfmt: e2e builds the test/dockerfiles/* of its matrix; only those with run_args are loaded', () => {
    const ci = from(builds('tonistiigi__binfmt'), '.github/workflows/ci.yml').filter((b) => b.kind === 'docker-build')
    const at = (line: number): string[] => ci.filter((b) => b.source.line === line).map((b) => b.dockerfile as string)
    expect(at(225)).toEqual(['pip-youtube-dl', 'webpack', 'libc-bin', 'tini', 'postgis'].map((d) => `test/dockerfiles/${d}/Dockerfile`))
    expect(at(231)).toEqual(['test/dockerfiles/tini/Dockerfile', 'test/dockerfiles/postgis/Dockerfile'])
  })

  it('qdrant/qdrant: docker buildx build with GPU=nvidia and GPU=amd', () => {
    const gpu = from(builds('qdrant__qdrant'), '.github/workflows/docker-image.yml').map((b) => b.args.GPU)
    expect(gpu.filter((g) => g !== undefined)).toEqual(['nvidia', 'amd'])
  })

  it('saleor/saleor: the compose-based dev container builds .devcontainer/Dockerfile from the root', () => {
    expect(builds('saleor__saleor').builds.filter((b) => b.kind === 'devcontainer').map((b) => [b.dockerfile, b.context])).toEqual([['.devcontainer/Dockerfile', '.']])
  })

  it('notes what cannot be resolved: a Dockerfile a step writes (uv), a generated bake file (langfuse), inline Dockerfiles (open-runtimes)', () => {
    expect(builds('astral-sh__uv').notes.map((n) => n.message)).toEqual([expect.stringContaining('builds Dockerfile, which a run step (line 268) writes')])
    expect(builds('langfuse__langfuse').notes.map((n) => n.message)).toEqual([expect.stringContaining('/tmp/bake.json, which is outside the repository'), expect.stringContaining('/tmp/bake.json')])
    expect(builds('open-runtimes__open-runtimes').notes.map((n) => n.message)).toEqual([
      expect.stringContaining('builds bake targets named by an expression'),
      '92 bake targets build an inline Dockerfile (dockerfile-inline): not listed, there is no file to review'
    ])
  })

  it('finds nothing where the builds are in scripts it cannot see (goreleaser, netbox build.sh, localstack, uptime-kuma npm scripts)', () => {
    for (const name of ['goreleaser__goreleaser', 'netbox-community__netbox-docker', 'localstack__localstack', 'louislam__uptime-kuma', 'spring-projects__spring-petclinic']) {
      expect(builds(name)).toEqual({ builds: [], notes: [] })
    }
  })
})
