/**
 * The registry client against a real registry (Debian's docker-registry on 127.0.0.1), not a
 * mock: exact sizes from pushed synthetic images, an index with two platforms, the bearer-token
 * flow against a token server signing real JWTs, and the faults that must end in a reason.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { createServer, type Server } from 'node:http'
import { RegistryClient, parseChallenge } from '../../src/registry/client.js'
import { toRegistryReference } from '../../src/registry/reference.js'
import { bytes, freePort, registryAvailable, startRegistry, type LocalRegistry } from '../helpers/registry.js'

/** The test registries listen on loopback, which a look-up refuses unless it is allowed. */
const LOCAL = { allow: ['127.0.0.1'] }

// CI installs docker-registry (.ci/run); a machine without it skips, loudly, unless it is CI.
const describeRegistry = registryAvailable() || process.env.CI !== undefined ? describe : describe.skip
if (!registryAvailable() && process.env.CI === undefined) process.stderr.write('docker-registry is not installed (apt-get install -y docker-registry): registry tests skipped\n')

describe('image references', () => {
  it.each([
    ['node', 'registry-1.docker.io', 'library/node', 'latest', 'docker.io/library/node:latest'],
    ['node:20-slim', 'registry-1.docker.io', 'library/node', '20-slim', 'docker.io/library/node:20-slim'],
    ['docker.io/bitnami/redis:7', 'registry-1.docker.io', 'bitnami/redis', '7', 'docker.io/bitnami/redis:7'],
    ['index.docker.io/library/alpine:3', 'registry-1.docker.io', 'library/alpine', '3', 'docker.io/library/alpine:3'],
    ['ghcr.io/owner/app:1.2', 'ghcr.io', 'owner/app', '1.2', 'ghcr.io/owner/app:1.2'],
    ['mcr.microsoft.com/dotnet/aspnet:8.0', 'mcr.microsoft.com', 'dotnet/aspnet', '8.0', 'mcr.microsoft.com/dotnet/aspnet:8.0'],
    ['quay.io/prometheus/node-exporter', 'quay.io', 'prometheus/node-exporter', 'latest', 'quay.io/prometheus/node-exporter:latest'],
    ['localhost:5000/x@sha256:' + 'a'.repeat(64), 'localhost:5000', 'x', 'sha256:' + 'a'.repeat(64), 'localhost:5000/x@sha256:' + 'a'.repeat(64)]
  ])('%s', (image, host, repository, reference, canonical) => {
    expect(toRegistryReference(image)).toEqual({ host, repository, reference, canonical })
  })

  it('reads WWW-Authenticate challenges', () => {
    expect(parseChallenge('Bearer realm="https://auth.docker.io/token",service="registry.docker.io",scope="repository:library/node:pull"')).toEqual({
      scheme: 'bearer',
      params: { realm: 'https://auth.docker.io/token', service: 'registry.docker.io', scope: 'repository:library/node:pull' }
    })
    expect(parseChallenge('Basic realm="x"')?.scheme).toBe('basic')
    expect(parseChallenge('')).toBeNull()
  })
})

describeRegistry('against a real registry', () => {
  let registry: LocalRegistry
  const amd = { tag: 'amd', layers: [bytes(1000, 1), bytes(2345, 2)], config: { architecture: 'amd64', os: 'linux', rootfs: { type: 'layers', diff_ids: [] }, history: [{ created_by: 'ADD file:abc in /' }, { created_by: 'CMD ["sh"]', empty_layer: true }, { created_by: 'RUN /bin/sh -c apk add curl # buildkit' }] } }
  const arm = { tag: 'arm', layers: [bytes(700, 3)], config: { architecture: 'arm64', os: 'linux', variant: 'v8', rootfs: { type: 'layers', diff_ids: [] } } }

  beforeAll(async () => {
    registry = await startRegistry()
    const a = await registry.push('base/os', amd)
    const b = await registry.push('base/os', arm)
    await registry.pushIndex('base/os', '1.0', [
      { platform: { os: 'linux', architecture: 'amd64' }, image: a },
      { platform: { os: 'linux', architecture: 'arm64', variant: 'v8' }, image: b }
    ])
  })
  afterAll(async () => {
    await registry.close()
  })

  it('sums the compressed layer sizes of a single-platform manifest and reads the config history', async () => {
    const client = new RegistryClient(LOCAL)
    const found = await client.lookup(`${registry.host}/base/os:amd`)
    expect(found).toMatchObject({ ok: true, compressedSize: 3345, size: null, platform: 'linux/amd64', canonical: `${registry.host}/base/os:amd` })
    expect(found.ok && found.layers.map((l) => l.size)).toEqual([1000, 2345])
    expect(found.ok && found.config?.history.map((h) => h.created_by)).toEqual(['ADD file:abc in /', 'CMD ["sh"]', 'RUN /bin/sh -c apk add curl # buildkit'])
  })

  it('resolves an index to the platform asked for, and says which platforms exist otherwise', async () => {
    const client = new RegistryClient(LOCAL)
    expect(await client.lookup(`${registry.host}/base/os:1.0`, 'linux/amd64')).toMatchObject({ ok: true, compressedSize: 3345 })
    expect(await client.lookup(`${registry.host}/base/os:1.0`, 'linux/arm64')).toMatchObject({ ok: true, compressedSize: 700 })
    expect(await client.lookup(`${registry.host}/base/os:1.0`, 'linux/arm64/v8')).toMatchObject({ ok: true, compressedSize: 700 })
    expect(await client.lookup(`${registry.host}/base/os:1.0`, 'linux/s390x')).toEqual({
      ok: false,
      image: `${registry.host}/base/os:1.0`,
      platform: 'linux/s390x',
      reason: 'no manifest for linux/s390x (the index offers linux/amd64, linux/arm64/v8)'
    })
  })

  it('says when a single-platform image is for another platform (BuildKit: InvalidBaseImagePlatform)', async () => {
    const client = new RegistryClient(LOCAL)
    expect(await client.lookup(`${registry.host}/base/os:arm`, 'linux/amd64')).toMatchObject({ ok: true, platformMismatch: 'linux/arm64/v8' })
    expect(await client.lookup(`${registry.host}/base/os:amd`, 'linux/amd64')).toMatchObject({ ok: true, platformMismatch: null })
    expect(await client.lookup(`${registry.host}/base/os:1.0`, 'linux/arm64')).toMatchObject({ ok: true, platformMismatch: null })
  })

  it('caches per run: the same image twice costs its requests once', async () => {
    const client = new RegistryClient(LOCAL)
    await client.lookup(`${registry.host}/base/os:1.0`)
    const first = client.stats.requests
    await Promise.all([client.lookup(`${registry.host}/base/os:1.0`), client.lookup(`${registry.host}/base/os:1.0`)])
    expect([first, client.stats.requests]).toEqual([3, 3])
  })

  it('ends in a clear reason for an unknown tag and a registry that is down', async () => {
    const client = new RegistryClient({ ...LOCAL, timeoutMs: 2000 })
    expect(await client.lookup(`${registry.host}/base/os:nope`)).toMatchObject({ ok: false, reason: `${registry.host}/base/os:nope: not found (unknown repository or tag)` })
    const closed = await freePort()
    expect(await client.lookup(`127.0.0.1:${closed}/nothing:1`)).toMatchObject({ ok: false, reason: `could not reach 127.0.0.1:${closed}` })
  })
})

describeRegistry('the bearer-token flow, for real', () => {
  let registry: LocalRegistry
  beforeAll(async () => {
    registry = await startRegistry({ tokenAuth: true })
    await registry.push('team/app', { tag: '2', layers: [bytes(4096, 9)], config: { architecture: 'amd64', os: 'linux' } })
  })
  afterAll(async () => {
    await registry.close()
  })

  it('follows the challenge to the token server, then reuses the token for the config blob', async () => {
    const client = new RegistryClient(LOCAL)
    const before = registry.tokens?.scopes.length ?? 0
    expect(await client.lookup(`${registry.host}/team/app:2`)).toMatchObject({ ok: true, compressedSize: 4096 })
    expect(registry.tokens?.scopes.slice(before)).toEqual(['repository:team/app:pull'])
    // 401, token, manifest, config blob.
    expect(client.stats.requests).toBe(4)
  })

  it('a registry that asks for a token without a realm, or answers 401 with no challenge, is a reason', async () => {
    const server: Server = createServer((_req, res) => {
      res.statusCode = 401
      res.end()
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    const port = (server.address() as { port: number }).port
    const client = new RegistryClient(LOCAL)
    expect(await client.lookup(`127.0.0.1:${port}/x:1`)).toMatchObject({ ok: false, reason: `127.0.0.1:${port}/x:1: 401 without a WWW-Authenticate challenge` })
    await new Promise((resolve) => server.close(resolve))
  })
})

/** A one-route server for faults a well-behaved registry will not produce. */
async function faultServer(handler: Parameters<typeof createServer>[1]): Promise<{ host: string; close: () => Promise<void> }> {
  const server: Server = createServer(handler)
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const port = (server.address() as { port: number }).port
  return {
    host: `127.0.0.1:${port}`,
    close: () => {
      server.closeAllConnections()
      return new Promise((resolve) => server.close(() => resolve()))
    }
  }
}

describe('faults a real registry will not produce', () => {
  it('a manifest of an unknown media type (docker.io still serves signed schema 1 for some old tags)', async () => {
    // distribution 2.8 refuses to store an unsigned schema 1 manifest, so this one is served by hand.
    const fake = await faultServer((_req, res) => {
      res.setHeader('content-type', 'application/vnd.docker.distribution.manifest.v1+prettyjws')
      res.end(JSON.stringify({ schemaVersion: 1, name: 'old', tag: 'v1', fsLayers: [], history: [] }))
    })
    expect(await new RegistryClient(LOCAL).lookup(`${fake.host}/old:v1`)).toMatchObject({ ok: false, reason: 'unknown manifest media type application/vnd.docker.distribution.manifest.v1+prettyjws' })
    await fake.close()
  })
})

describe('timeouts', () => {
  it('gives up on a registry slower than the timeout', async () => {
    const server: Server = createServer(() => {
      // Never answers.
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    const port = (server.address() as { port: number }).port
    const client = new RegistryClient({ ...LOCAL, timeoutMs: 200 })
    expect(await client.lookup(`127.0.0.1:${port}/slow:1`)).toMatchObject({ ok: false, reason: `could not reach 127.0.0.1:${port}` })
    server.closeAllConnections()
    await new Promise((resolve) => server.close(resolve))
  })
})
