/**
 * `--image REF`: the layers of an image pushed to a real registry, mapped to the Dockerfile's
 * instructions through the config's BuildKit history and the base image's layer count.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { runCli } from '../../src/cli/run.js'
import { cleanCreatedBy } from '../../src/enrich/built-image.js'
import type { JsonReport } from '../../src/report/json.js'
import { df } from '../helpers/dockerfile.js'
import { bytes, registryAvailable, startRegistry, type LocalRegistry } from '../helpers/registry.js'
import { tempTree, type TempTree } from '../helpers/tmp.js'

const describeRegistry = registryAvailable() || process.env.CI !== undefined ? describe : describe.skip

async function cli(args: string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = ''
  let stderr = ''
  const code = await runCli(args, { cwd, stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), isTty: false })
  return { code, stdout, stderr }
}

describe('cleanCreatedBy', () => {
  it.each([
    ['RUN /bin/sh -c apk add --no-cache curl # buildkit', 'RUN apk add --no-cache curl'],
    ['COPY /out/server /app/server # buildkit', 'COPY /out/server /app/server'],
    ['/bin/sh -c #(nop) COPY file:abc in /app ', 'COPY file:abc in /app'],
    ['/bin/sh -c apt-get update', 'RUN apt-get update'],
    ['RUN |2 GO=1.22 TARGETOS=linux /bin/sh -c go build ./... # buildkit', 'RUN go build ./...'],
    ['WORKDIR /app', 'WORKDIR /app']
  ])('%s', (raw, clean) => {
    expect(cleanCreatedBy(raw)).toBe(clean)
  })
})

describeRegistry('the built image, from a real registry', () => {
  let registry: LocalRegistry
  let tree: TempTree
  const baseHistory = [{ created_by: 'ADD alpine-minirootfs.tar.gz / # buildkit' }, { created_by: 'CMD ["/bin/sh"]', empty_layer: true }, { created_by: 'RUN /bin/sh -c apk add ca-certificates # buildkit' }]

  beforeAll(async () => {
    registry = await startRegistry()
    const baseLayers = [bytes(3000, 1), bytes(1000, 2)]
    await registry.push('base/os', { tag: '1', layers: baseLayers, config: { architecture: 'amd64', os: 'linux', history: baseHistory } })
    await registry.push('team/app', {
      tag: 'sha1',
      layers: [...baseLayers, bytes(100, 3), bytes(50_000, 4), bytes(20_000, 5), bytes(500_000, 6)],
      config: {
        architecture: 'amd64',
        os: 'linux',
        history: [
          ...baseHistory,
          { created_by: 'WORKDIR /app', comment: 'buildkit.dockerfile.v0' },
          { created_by: 'COPY /out/server /app/server # buildkit', comment: 'buildkit.dockerfile.v0' },
          { created_by: 'ENV PORT=8080', comment: 'buildkit.dockerfile.v0', empty_layer: true },
          { created_by: 'RUN /bin/sh -c apk add curl # buildkit', comment: 'buildkit.dockerfile.v0' },
          { created_by: 'COPY / /rootfs # buildkit', comment: 'buildkit.dockerfile.v0' },
          { created_by: 'USER app', comment: 'buildkit.dockerfile.v0', empty_layer: true },
          { created_by: 'CMD ["/app/server"]', comment: 'buildkit.dockerfile.v0', empty_layer: true }
        ]
      }
    })
    tree = tempTree({
      // The registry listens on loopback, which the look-ups refuse unless it is allowed.
      '.stagecraft.yml': 'registry-allow: ["127.0.0.1"]\n',
      'budget.yml': 'registry-allow: ["127.0.0.1"]\nsize-budget: 100kB\n',
      Dockerfile: df('FROM golang:1.22 AS build', 'RUN go build -o /out/server .', `FROM ${registry.host}/base/os:1`, 'WORKDIR /app', 'COPY --from=build /out/server /app/server', 'ENV PORT=8080', 'RUN apk add curl', 'COPY --from=build / /rootfs', 'USER app', 'CMD ["/app/server"]')
    })
  })
  afterAll(async () => {
    tree.remove()
    await registry.close()
  })

  it('asks a registry on loopback only when --registry-allow (or the configuration) allows it', async () => {
    const bare = tempTree({ Dockerfile: df(`FROM ${registry.host}/base/os:1`, 'USER app') })
    try {
      const refused = JSON.parse((await cli(['Dockerfile', '--format', 'json', '--image', `${registry.host}/team/app:sha1`], bare.dir)).stdout) as JsonReport
      expect(refused.files[0]?.builtImage).toMatchObject({ reason: expect.stringContaining('registry-allow') })
      const allowed = JSON.parse((await cli(['Dockerfile', '--format', 'json', '--image', `${registry.host}/team/app:sha1`, '--registry-allow', '10.0.0.0/8,127.0.0.1'], bare.dir)).stdout) as JsonReport
      expect(allowed.files[0]?.builtImage).toMatchObject({ compressedSize: 574_100 })
      const bad = await cli(['Dockerfile', '--registry-allow', 'not a host'], bare.dir)
      expect([bad.code, bad.stderr]).toEqual([2, expect.stringContaining('stagecraft: --registry-allow: ')])
    } finally {
      bare.remove()
    }
  })

  it('maps every layer to the base image or to its instruction, with the stage copied from, and points at the waste', async () => {
    const { stdout } = await cli(['Dockerfile', '--format', 'json', '--image', `${registry.host}/team/app:sha1`], tree.dir)
    const built = (JSON.parse(stdout) as JsonReport).files[0]?.builtImage
    if (built === undefined || 'reason' in built) throw new Error(`no built image: ${JSON.stringify(built)}`)
    expect([built.compressedSize, built.baseLayers, built.baseSize]).toEqual([574_100, 2, 4000])
    expect(built.layers.map((l) => [l.index, l.size, l.origin, l.line, l.stage, l.copiedFrom])).toEqual([
      [0, 3000, 'base image', null, null, null],
      [1, 1000, 'base image', null, null, null],
      [2, 100, 'instruction', 4, 'stage 1', null],
      [3, 50_000, 'instruction', 5, 'stage 1', 'build'],
      [4, 20_000, 'instruction', 7, 'stage 1', null],
      [5, 500_000, 'instruction', 8, 'stage 1', 'build']
    ])
    expect(built.layers[4]?.createdBy).toBe('RUN apk add curl')
    expect(built.largest.map((l) => l.index)).toEqual([5, 3, 4, 0, 1])
    expect(built.waste).toContain('layer 5 (line 8) copies the whole of build: copy only the files the image needs')
    expect(built.layers[4]?.findings).toContain('apk-no-cache')
  })

  it('shows the layers in the summary, and says so when the image cannot be read', async () => {
    const { stdout } = await cli(['Dockerfile', '--format', 'markdown', '--image', `${registry.host}/team/app:sha1`], tree.dir)
    expect(stdout).toContain(`**Built image** <code>${registry.host}/team/app:sha1</code> (linux/amd64): 574.1 kB compressed in 6 layers — the base image 4.0 kB in 2 layers, this Dockerfile adds 570.1 kB.`)
    expect(stdout).toContain('| 5 | 500.0 kB | <code>stage 1</code>, line 8 (from <code>build</code>) | <code>COPY / /rootfs</code> |')
    const missing = await cli(['Dockerfile', '--format', 'markdown', '--image', `${registry.host}/team/app:nope`], tree.dir)
    expect(missing.stdout).toContain(`**Built image** <code>${registry.host}/team/app:nope</code>: could not be read (${registry.host}/team/app:nope: not found (unknown repository or tag)).`)
  })

  it('size-budget judges the built image by its real size (the base alone is far under the budget)', async () => {
    const { stdout } = await cli(['Dockerfile', '--format', 'json', '--config', 'budget.yml', '--image', `${registry.host}/team/app:sha1`, '--fail-on', 'never'], tree.dir)
    const report = JSON.parse(stdout) as { files: { findings: { rule: string; line: number; severity: string; message: string }[] }[] }
    const budget = report.files[0]?.findings.filter((f) => f.rule === 'size-budget') ?? []
    expect(budget.map((f) => [f.line, f.severity, f.message])).toEqual([
      [3, 'error', `the built image ${registry.host}/team/app:sha1 is 574.1 kB compressed (6 layers from the registry: the base image 4.0 kB, this Dockerfile 570.1 kB), over its size budget of 100kB; the largest layers are listed under Built image`]
    ])
    // Without the built image, the base image (4.0 kB, from the registry) is within the budget.
    const baseOnly = JSON.parse((await cli(['Dockerfile', '--format', 'json', '--config', 'budget.yml', '--registry', '--fail-on', 'never'], tree.dir)).stdout) as typeof report
    expect(baseOnly.files[0]?.findings.filter((f) => f.rule === 'size-budget')).toEqual([])
  })
})
