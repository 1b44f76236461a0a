/**
 * Base image facts, freshness and bad data, against the real registry (Debian's docker-registry
 * on 127.0.0.1) with images pushed with real config blobs, and against one-route servers for the
 * faults a well-behaved registry does not produce (429, 5xx, huge tag lists, silence). Every
 * fault ends in a reason string, never an exception and never a hang.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import { MAX_TAGS, RegistryClient, retryAfterMs } from '../../src/registry/client.js'
import { baseFreshness, newerPatch } from '../../src/review/registry-lookups.js'
import { analyzeDockerfile } from '../../src/review/analyze.js'
import { review } from '../../src/review/review.js'
import { toJsonReport } from '../../src/report/json.js'
import { df } from '../helpers/dockerfile.js'
import { tempTree } from '../helpers/tmp.js'
import { bytes, registryAvailable, startRegistry, type LocalRegistry } from '../helpers/registry.js'

const describeRegistry = registryAvailable() || process.env.CI !== undefined ? describe : describe.skip
const LOCAL = { allow: ['127.0.0.1'] }

const NODE_LIKE_CONFIG = {
  architecture: 'amd64',
  os: 'linux',
  created: '2026-11-20T10:00:00Z',
  config: {
    User: '10001',
    Env: ['PATH=/usr/local/bin:/usr/bin:/bin', 'NODE_VERSION=22.11.0', 'API_TOKEN=do-not-print-me'],
    WorkingDir: '/home/app',
    Entrypoint: ['docker-entrypoint.sh'],
    Cmd: ['node'],
    ExposedPorts: { '3000/tcp': {} },
    Healthcheck: { Test: ['CMD-SHELL', 'wget -q --spider http://localhost:3000/ || exit 1'], Interval: 30_000_000_000 },
    Labels: { 'org.opencontainers.image.source': 'https://example.com/base' }
  }
}

describeRegistry('base image facts from a real registry', () => {
  let registry: LocalRegistry
  beforeAll(async () => {
    registry = await startRegistry()
    await registry.push('base/app', { tag: '22', layers: [bytes(2000, 1)], config: NODE_LIKE_CONFIG })
    // Two platforms, one of them Windows, behind one index.
    const linux = await registry.push('base/multi', { tag: 'linux', layers: [bytes(1000, 2)], config: { architecture: 'amd64', os: 'linux', config: { User: 'app' } } })
    const windows = await registry.push('base/multi', { tag: 'windows', layers: [bytes(3000, 3)], config: { architecture: 'amd64', os: 'windows', 'os.version': '10.0.20348.2113', config: { Shell: ['cmd', '/S', '/C'], User: 'ContainerUser' } } })
    await registry.pushIndex('base/multi', '1', [
      { platform: { os: 'linux', architecture: 'amd64' }, image: linux },
      { platform: { os: 'windows', architecture: 'amd64' }, image: windows }
    ])
    await registry.push('bad/config', { tag: 'text', layers: [bytes(500, 4)], config: {}, rawConfig: Buffer.from('this is not { JSON') })
    await registry.push('bad/config', { tag: 'huge', layers: [bytes(500, 5)], config: {}, rawConfig: Buffer.from(JSON.stringify({ os: 'linux', architecture: 'amd64', pad: 'x'.repeat(5 * 1024 * 1024) })) })
  }, 60_000)
  afterAll(async () => {
    await registry.close()
  })

  it("reads the config's user, ENV names (never values), workdir, entrypoint, cmd, ports, healthcheck, labels and date", async () => {
    const found = await new RegistryClient(LOCAL).lookup(`${registry.host}/base/app:22`)
    expect(found.ok && found.config?.facts).toEqual({
      platform: 'linux/amd64',
      os: 'linux',
      user: '10001',
      env: ['PATH', 'NODE_VERSION', 'API_TOKEN'],
      workdir: '/home/app',
      entrypoint: ['docker-entrypoint.sh'],
      cmd: ['node'],
      ports: ['3000/tcp'],
      healthcheck: ['CMD-SHELL', 'wget -q --spider http://localhost:3000/ || exit 1'],
      labels: { 'org.opencontainers.image.source': 'https://example.com/base' },
      shell: null,
      created: '2026-11-20T10:00:00Z'
    })
    expect(JSON.stringify(found)).not.toContain('do-not-print-me')
  })

  it('per platform the build uses: the Windows image of an index says it is Windows', async () => {
    const client = new RegistryClient(LOCAL)
    const linux = await client.lookup(`${registry.host}/base/multi:1`, 'linux/amd64')
    const windows = await client.lookup(`${registry.host}/base/multi:1`, 'windows/amd64')
    expect([linux.ok && linux.config?.facts?.os, linux.ok && linux.config?.facts?.user]).toEqual(['linux', 'app'])
    expect([windows.ok && windows.config?.facts?.os, windows.ok && windows.config?.facts?.shell]).toEqual(['windows', ['cmd', '/S', '/C']])
  })

  it('a config that is not JSON, or larger than 4 MiB, costs the facts and keeps the sizes, with a reason', async () => {
    const client = new RegistryClient(LOCAL)
    const text = await client.lookup(`${registry.host}/bad/config:text`)
    const huge = await client.lookup(`${registry.host}/bad/config:huge`)
    expect(text).toMatchObject({ ok: true, compressedSize: 500, config: null, configProblem: `${registry.host}/bad/config:text: the config is not JSON` })
    expect(huge).toMatchObject({ ok: true, compressedSize: 500, config: null, configProblem: `${registry.host}/bad/config:huge: the config is larger than 4 MiB` })
  })

  it('the review hands the facts to the rules and the JSON report: a non-root base user, the base ENV for "did you mean", an inherited HEALTHCHECK', async () => {
    const r = registry.host
    const tree = tempTree({ '.stagecraft.yml': 'registry-allow: ["127.0.0.1"]\n', Dockerfile: df(`FROM ${r}/base/app:22`, 'ENV PATH=$PAHT:/app/bin', 'COPY . .', 'EXPOSE 3000') })
    try {
      const text = df(`FROM ${r}/base/app:22`, 'ENV PATH=$PAHT:/app/bin', 'COPY . .', 'EXPOSE 3000')
      const source = { path: 'Dockerfile', changed: 'all' as const, read: () => ({ ok: true as const, text }) }
      const options = { root: tree.dir, configFile: null, overrides: { target: null, buildArgs: {} }, annotate: 'all' as const, failOn: null, shellcheck: false }
      const deps = { buildContext: () => ({ dockerignore: null, dockerignorePath: null }) }
      const withRegistry = await review([source], { ...options, registry: { sizes: true, images: [] } }, deps)
      const without = await review([source], { ...options, registry: { sizes: false, images: [] } }, deps)
      const rules = (r2: typeof withRegistry): string[] => (r2.files[0]?.analysis.findings ?? []).map((f) => `${f.rule}: ${f.message}`)
      // Without the registry: root-user and missing-healthcheck guess; $PAHT next to the PATH every image has is a likely typo.
      expect(rules(without).filter((f) => /^(?:root-user|missing-healthcheck|undefined-var)/.test(f)).map((f) => f.split(':')[0])).toEqual(['missing-healthcheck', 'root-user', 'undefined-var'])
      // With it: the base runs as 10001 and has a HEALTHCHECK; $PAHT is a typo of its PATH.
      expect(rules(withRegistry).filter((f) => /^(?:root-user|missing-healthcheck|undefined-var)/.test(f))).toEqual(['undefined-var: $PAHT is not defined at this point, so it expands to nothing. Did you mean $PATH?'])
      const report = toJsonReport(withRegistry) as unknown as { files: { stages: { base: { facts?: unknown } }[] }[] }
      expect(report.files[0]?.stages[0]?.base.facts).toMatchObject({ user: '10001', env: ['PATH', 'NODE_VERSION', 'API_TOKEN'], healthcheck: ['CMD-SHELL', 'wget -q --spider http://localhost:3000/ || exit 1'] })
    } finally {
      tree.remove()
    }
  })

  it('refresh: a digest-pinned FROM is told when its tag moved on (HEAD only), and nothing while it has not', async () => {
    const first = await registry.push('base/refresh', { tag: '1.0', layers: [bytes(100, 6)], config: { architecture: 'amd64', os: 'linux' } })
    const pinned = analyzeDockerfile('Dockerfile', df(`FROM ${registry.host}/base/refresh:1.0@${first.digest}`, 'USER app'))
    const quiet = new RegistryClient(LOCAL)
    expect(await baseFreshness([pinned], quiet)).toEqual([])
    expect(quiet.stats.requests).toBe(1)
    const second = await registry.push('base/refresh', { tag: '1.0', layers: [bytes(100, 7)], config: { architecture: 'amd64', os: 'linux' } })
    const lines = await baseFreshness([pinned], new RegistryClient(LOCAL))
    expect(lines).toEqual([`A refreshed base is available for ${registry.host}/base/refresh:1.0 (Dockerfile:1): the tag now points at ${second.digest.slice(0, 19)}…, the FROM pins ${first.digest.slice(0, 19)}…; update the digest to get its fixes.`])
  })

  it('update: the newest patch of the same line and variant, from the tag list', async () => {
    for (const tag of ['1.2.3', '1.2.4', '1.2.10', '1.2.11-alpine', '1.3.0', '2.0.0']) await registry.push('base/versions', { tag, layers: [bytes(10, 8)], config: { architecture: 'amd64', os: 'linux' } })
    const client = new RegistryClient(LOCAL)
    const lines = await baseFreshness([analyzeDockerfile('Dockerfile', df(`FROM ${registry.host}/base/versions:1.2.3`, 'USER app'), { today: '2026-12-01' })], client)
    expect(lines).toEqual([`A newer patch is available for ${registry.host}/base/versions:1.2.3 (Dockerfile:1): ${registry.host}/base/versions:1.2.10.`])
    // distribution 2.8 answers the list in one page (the pages are below, from a server that sends them).
    expect(client.stats.requests).toBe(1)
  })
})

describe('newer patches', () => {
  it('stays in the line and the variant', () => {
    expect(newerPatch('22.3.0-alpine', ['22.3.1-alpine', '22.3.2', '22.4.0-alpine', '22.3.9-alpine3.20', '22.3.4-alpine'])).toBe('22.3.4-alpine')
    expect(newerPatch('1.2.3', ['1.2.2', '1.2.3'])).toBeNull()
    expect(newerPatch('22-alpine', ['22.3.1-alpine'])).toBeNull()
  })

  it('reads Retry-After as seconds or an HTTP date', () => {
    expect(retryAfterMs('3')).toBe(3000)
    expect(retryAfterMs('Tue, 01 Dec 2026 18:00:10 GMT', Date.parse('Tue, 01 Dec 2026 18:00:00 GMT'))).toBe(10_000)
    expect(retryAfterMs('soon')).toBeNull()
    expect(retryAfterMs(undefined)).toBeNull()
  })
})

/** A one-route registry for faults; answers in order, the last one repeats. */
async function faultRegistry(...answers: ((req: IncomingMessage, res: ServerResponse) => void)[]): Promise<{ host: string; hits: string[]; close: () => Promise<void> }> {
  const hits: string[] = []
  const server: Server = createServer((req, res) => {
    hits.push(`${req.method ?? ''} ${req.url ?? ''}`)
    const answer = answers[Math.min(hits.length - 1, answers.length - 1)]
    answer?.(req, res)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const port = (server.address() as { port: number }).port
  return {
    host: `127.0.0.1:${port}`,
    hits,
    close: () => {
      server.closeAllConnections()
      return new Promise((resolve) => server.close(() => resolve()))
    }
  }
}

const status = (code: number, headers: Record<string, string> = {}) => (_req: IncomingMessage, res: ServerResponse) => {
  res.writeHead(code, headers)
  res.end()
}
const json = (body: unknown, headers: Record<string, string> = {}) => (_req: IncomingMessage, res: ServerResponse) => {
  res.writeHead(200, { 'content-type': 'application/json', ...headers })
  res.end(JSON.stringify(body))
}

describe('faults a real registry will not produce, as reasons', () => {
  it('429 then 200: waits as Retry-After says, then answers', async () => {
    const fake = await faultRegistry(status(429, { 'retry-after': '3' }), json({ tags: ['1.0.0', '1.0.1'] }))
    const waits: number[] = []
    const client = new RegistryClient({ ...LOCAL, sleep: (ms) => (waits.push(ms), Promise.resolve()) })
    expect(await client.tags(`${fake.host}/x:1.0.0`)).toEqual({ ok: true, tags: ['1.0.0', '1.0.1'] })
    expect([waits, fake.hits.length]).toEqual([[3000], 2])
    await fake.close()
  })

  it('a 429 that asks for an hour is not waited for: one request, a reason that names the limit', async () => {
    const fake = await faultRegistry(status(429, { 'retry-after': '3600' }))
    const waits: number[] = []
    const result = await new RegistryClient({ ...LOCAL, sleep: (ms) => (waits.push(ms), Promise.resolve()) }).currentDigest(`${fake.host}/x:1`)
    expect(result).toEqual({ ok: false, reason: `${fake.host}/x:1: rate limited (HTTP 429)` })
    expect([waits, fake.hits]).toEqual([[], [`HEAD /v2/x/manifests/1`]])
    await fake.close()
  })

  it('5xx is retried twice with backoff, then is a reason', async () => {
    const fake = await faultRegistry(status(503), status(502), json({ tags: ['a'] }))
    const waits: number[] = []
    const client = new RegistryClient({ ...LOCAL, backoffMs: 100, sleep: (ms) => (waits.push(ms), Promise.resolve()) })
    expect(await client.tags(`${fake.host}/x:1`)).toEqual({ ok: true, tags: ['a'] })
    expect(waits).toEqual([100, 200])
    const down = await faultRegistry(status(500))
    expect(await new RegistryClient({ ...LOCAL, sleep: () => Promise.resolve() }).tags(`${down.host}/x:1`)).toEqual({ ok: false, reason: `${down.host}/x:1: HTTP 500` })
    expect(down.hits).toHaveLength(3)
    await Promise.all([fake.close(), down.close()])
  })

  it('follows the tag list page by page (Link: rel="next"), only within the repository', async () => {
    const pages: Record<string, { tags: string[]; next?: string }> = {
      '': { tags: ['1.2.3', '1.2.4'], next: '/v2/x/tags/list?n=2&last=1.2.4' },
      '1.2.4': { tags: ['1.2.10'], next: '/v2/x/tags/list?n=2&last=1.2.10' },
      '1.2.10': { tags: ['1.3.0'] }
    }
    const paged = await faultRegistry((req, res) => {
      const last = new URL(req.url ?? '/', 'http://x').searchParams.get('last') ?? ''
      const page = pages[last] ?? { tags: [] }
      res.writeHead(200, { 'content-type': 'application/json', ...(page.next === undefined ? {} : { link: `<${page.next}>; rel="next"` }) })
      res.end(JSON.stringify({ name: 'x', tags: page.tags }))
    })
    const client = new RegistryClient({ ...LOCAL, tagPageSize: 2 })
    expect(await client.tags(`${paged.host}/x:1.2.3`)).toEqual({ ok: true, tags: ['1.2.3', '1.2.4', '1.2.10', '1.3.0'] })
    expect(paged.hits).toEqual(['GET /v2/x/tags/list?n=2', 'GET /v2/x/tags/list?n=2&last=1.2.4', 'GET /v2/x/tags/list?n=2&last=1.2.10'])
    await paged.close()
  })

  it(`a tag list of 100,000 entries is a reason (more than ${MAX_TAGS.toLocaleString('en-US')} tags), not a crash`, async () => {
    const fake = await faultRegistry(json({ name: 'x', tags: Array.from({ length: 100_000 }, (_, i) => `1.0.${i}`) }))
    expect(await new RegistryClient(LOCAL).tags(`${fake.host}/x:1.0.0`)).toEqual({ ok: false, reason: `${fake.host}/x: the tag list is longer than 20,000 tags` })
    await fake.close()
  })

  it('a tag list that is not JSON, or a page that links to another repository, ends cleanly', async () => {
    const text = await faultRegistry((_req, res) => res.end('<html>nope</html>'))
    expect(await new RegistryClient(LOCAL).tags(`${text.host}/x:1`)).toEqual({ ok: false, reason: `${text.host}/x: the tag list is not JSON` })
    const elsewhere = await faultRegistry(json({ tags: ['1'] }, { link: '</v2/other/tags/list?n=1000&last=1>; rel="next"' }))
    expect(await new RegistryClient(LOCAL).tags(`${elsewhere.host}/x:1`)).toEqual({ ok: true, tags: ['1'] })
    expect(elsewhere.hits).toHaveLength(1)
    await Promise.all([text.close(), elsewhere.close()])
  })

  it('a registry that never answers: manifest, HEAD and tags each end in one generic reason within the deadline', async () => {
    const silent = await faultRegistry(() => {
      // Never answers.
    })
    const client = new RegistryClient({ ...LOCAL, timeoutMs: 300 })
    const [lookup, digest, tags] = await Promise.all([client.lookup(`${silent.host}/x:1`), client.currentDigest(`${silent.host}/x:1`), client.tags(`${silent.host}/x:1`)])
    const reason = `could not reach ${silent.host}`
    expect([lookup, digest, tags]).toEqual([{ ok: false, image: `${silent.host}/x:1`, platform: 'linux/amd64', reason }, { ok: false, reason }, { ok: false, reason }])
    await silent.close()
  })

  it('a config blob served endlessly (a body that never ends) is cut at 4 MiB', async () => {
    const manifest = { schemaVersion: 2, mediaType: 'application/vnd.oci.image.manifest.v1+json', config: { mediaType: 'application/vnd.oci.image.config.v1+json', digest: `sha256:${'c'.repeat(64)}`, size: 1 }, layers: [{ mediaType: 'x', digest: `sha256:${'d'.repeat(64)}`, size: 42 }] }
    const endless = await faultRegistry(
      (_req, res) => {
        res.writeHead(200, { 'content-type': 'application/vnd.oci.image.manifest.v1+json' })
        res.end(JSON.stringify(manifest))
      },
      (_req, res) => {
        res.writeHead(200, { 'content-type': 'application/json' })
        const chunk = Buffer.alloc(64 * 1024, 0x20)
        const write = (): void => {
          while (res.write(chunk)) {
            // Until the socket is full; then wait for it to drain.
          }
          res.once('drain', write)
        }
        res.on('error', () => undefined)
        write()
      }
    )
    const found = await new RegistryClient(LOCAL).lookup(`${endless.host}/x:1`)
    expect(found).toMatchObject({ ok: true, compressedSize: 42, config: null, configProblem: `${endless.host}/x:1: the config is larger than 4 MiB` })
    await endless.close()
  })
})
