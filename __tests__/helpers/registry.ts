/**
 * A real registry for the tests: Debian's `docker-registry` (distribution 2.8) started on
 * 127.0.0.1 with a temporary storage folder, optionally behind a token server of ours that signs
 * JWTs with a key and certificate made here by openssl. Images are pushed through the registry's
 * HTTP API (blob uploads, configs, manifests, indexes), so sizes and digests are exactly known.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process'
import { createHash, createSign, randomUUID } from 'node:crypto'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import { createServer as createNetServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

export const REGISTRY_BINARY = '/usr/bin/docker-registry'

export function registryAvailable(): boolean {
  return existsSync(REGISTRY_BINARY)
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createNetServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      const port = typeof address === 'object' && address !== null ? address.port : 0
      server.close(() => resolve(port))
    })
  })
}

const sha256 = (data: Buffer | string): string => `sha256:${createHash('sha256').update(data).digest('hex')}`
const base64url = (data: Buffer | string): string => Buffer.from(data).toString('base64url')

export interface TokenServer {
  url: string
  /** Requests the token server answered, as `scope` strings, and the Authorization each came with. */
  scopes: string[]
  authorizations: (string | null)[]
  sign(scope: string): string
  close(): Promise<void>
}

/** Signs registry tokens (RS256, x5c header) for any scope asked, as a real auth server would for a public image. */
async function startTokenServer(dir: string, service: string, issuer: string): Promise<TokenServer> {
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem'), '-days', '1', '-subj', '/CN=stagecraft-test-token'], { stdio: 'ignore' })
  const key = readFileSync(join(dir, 'key.pem'), 'utf8')
  const certDer = readFileSync(join(dir, 'cert.pem'), 'utf8').replace(/-----[^-]+-----|\s/g, '')
  const scopes: string[] = []
  const authorizations: (string | null)[] = []
  const sign = (scope: string): string => {
    const access = scope
      .split(' ')
      .filter((s) => s !== '')
      .map((s) => {
        const [type, ...rest] = s.split(':')
        const actions = (rest.pop() ?? '').split(',')
        return { type, name: rest.join(':'), actions }
      })
    const now = Math.floor(Date.now() / 1000)
    const header = base64url(JSON.stringify({ alg: 'RS256', typ: 'JWT', x5c: [certDer] }))
    const claims = base64url(JSON.stringify({ iss: issuer, sub: 'anonymous', aud: service, exp: now + 3600, nbf: now - 60, iat: now, jti: randomUUID(), access }))
    const signature = createSign('RSA-SHA256').update(`${header}.${claims}`).sign(key)
    return `${header}.${claims}.${base64url(signature)}`
  }
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1')
    const scope = url.searchParams.get('scope') ?? ''
    scopes.push(scope)
    authorizations.push(req.headers.authorization ?? null)
    res.setHeader('content-type', 'application/json')
    res.end(JSON.stringify({ token: sign(scope), expires_in: 3600 }))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  const port = typeof address === 'object' && address !== null ? address.port : 0
  return { url: `http://127.0.0.1:${port}/token`, scopes, authorizations, sign, close: () => new Promise((resolve) => server.close(() => resolve())) }
}

export interface LocalRegistry {
  /** `127.0.0.1:PORT`, to write in image references. */
  host: string
  tokens: TokenServer | null
  push(repository: string, image: SyntheticImage): Promise<PushedImage>
  pushIndex(repository: string, tag: string, images: { platform: { os: string; architecture: string; variant?: string }; image: PushedImage }[]): Promise<string>
  /** PUT a raw manifest of any media type under a tag. */
  putManifest(repository: string, tag: string, mediaType: string, body: string): Promise<void>
  close(): Promise<void>
}

export interface SyntheticImage {
  tag: string
  /** Layer contents; their lengths are the compressed sizes the registry reports. */
  layers: Buffer[]
  config: Record<string, unknown>
  /** Config bytes to push as they are, instead of `config` as JSON (for configs that are not JSON). */
  rawConfig?: Buffer
}

export interface PushedImage {
  digest: string
  size: number
  mediaType: string
  layerSizes: number[]
}

export interface RegistryOptions {
  tokenAuth?: boolean
}

export async function startRegistry(options: RegistryOptions = {}): Promise<LocalRegistry> {
  const dir = mkdtempSync(join(tmpdir(), 'stagecraft-registry-'))
  const port = await freePort()
  const service = 'stagecraft-test-registry'
  const issuer = 'stagecraft-test-issuer'
  const tokens = options.tokenAuth === true ? await startTokenServer(dir, service, issuer) : null
  const auth = tokens === null ? '' : `auth:\n  token:\n    realm: ${tokens.url}\n    service: ${service}\n    issuer: ${issuer}\n    rootcertbundle: ${join(dir, 'cert.pem')}\n`
  writeFileSync(join(dir, 'config.yml'), `version: 0.1\nlog:\n  level: error\n  accesslog:\n    disabled: true\nstorage:\n  filesystem:\n    rootdirectory: ${join(dir, 'data')}\n  delete:\n    enabled: true\nhttp:\n  addr: 127.0.0.1:${port}\n${auth}`)
  const child: ChildProcess = spawn(REGISTRY_BINARY, ['serve', join(dir, 'config.yml')], { stdio: ['ignore', 'ignore', 'pipe'] })
  let stderr = ''
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()))
  const base = `http://127.0.0.1:${port}`
  for (let i = 0; ; i++) {
    try {
      const r = await fetch(`${base}/v2/`)
      if (r.status === 200 || r.status === 401) break
    } catch {
      // Not listening yet.
    }
    if (i > 100 || child.exitCode !== null) throw new Error(`docker-registry did not start: ${stderr}`)
    await new Promise((resolve) => setTimeout(resolve, 50))
  }

  const headers = (repository: string): Record<string, string> => (tokens === null ? {} : { authorization: `Bearer ${tokens.sign(`repository:${repository}:pull,push`)}` })
  const uploadBlob = async (repository: string, data: Buffer): Promise<string> => {
    const digest = sha256(data)
    const start = await fetch(`${base}/v2/${repository}/blobs/uploads/`, { method: 'POST', headers: headers(repository) })
    if (start.status !== 202) throw new Error(`upload start: ${start.status} ${await start.text()}`)
    const location = new URL(start.headers.get('location') ?? '', base)
    location.searchParams.set('digest', digest)
    const put = await fetch(location, { method: 'PUT', headers: { ...headers(repository), 'content-type': 'application/octet-stream' }, body: data })
    if (put.status !== 201) throw new Error(`upload: ${put.status} ${await put.text()}`)
    return digest
  }
  const putManifest = async (repository: string, tag: string, mediaType: string, body: string): Promise<void> => {
    const r = await fetch(`${base}/v2/${repository}/manifests/${tag}`, { method: 'PUT', headers: { ...headers(repository), 'content-type': mediaType }, body })
    if (r.status !== 201) throw new Error(`manifest: ${r.status} ${await r.text()}`)
  }
  return {
    host: `127.0.0.1:${port}`,
    tokens,
    async push(repository, image) {
      const layers = []
      for (const data of image.layers) layers.push({ mediaType: 'application/vnd.oci.image.layer.v1.tar+gzip', digest: await uploadBlob(repository, data), size: data.length })
      const config = image.rawConfig ?? Buffer.from(JSON.stringify(image.config))
      const manifest = JSON.stringify({ schemaVersion: 2, mediaType: 'application/vnd.oci.image.manifest.v1+json', config: { mediaType: 'application/vnd.oci.image.config.v1+json', digest: await uploadBlob(repository, config), size: config.length }, layers })
      await putManifest(repository, image.tag, 'application/vnd.oci.image.manifest.v1+json', manifest)
      return { digest: sha256(manifest), size: Buffer.byteLength(manifest), mediaType: 'application/vnd.oci.image.manifest.v1+json', layerSizes: image.layers.map((l) => l.length) }
    },
    async pushIndex(repository, tag, images) {
      const index = JSON.stringify({ schemaVersion: 2, mediaType: 'application/vnd.oci.image.index.v1+json', manifests: images.map((i) => ({ mediaType: i.image.mediaType, digest: i.image.digest, size: i.image.size, platform: i.platform })) })
      await putManifest(repository, tag, 'application/vnd.oci.image.index.v1+json', index)
      return sha256(index)
    },
    putManifest,
    async close() {
      child.kill('SIGTERM')
      await new Promise((resolve) => (child.exitCode !== null ? resolve(null) : child.once('exit', resolve)))
      await tokens?.close()
      rmSync(dir, { recursive: true, force: true })
    }
  }
}

/** An image for linux/amd64 and linux/arm64 (tags `<tag>-amd64`, `<tag>-arm64`) behind one index tag. */
export async function pushTwoPlatforms(registry: LocalRegistry, repository: string, tag: string, amd64: Buffer[], arm64: Buffer[]): Promise<void> {
  const amd = await registry.push(repository, { tag: `${tag}-amd64`, layers: amd64, config: { architecture: 'amd64', os: 'linux' } })
  const arm = await registry.push(repository, { tag: `${tag}-arm64`, layers: arm64, config: { architecture: 'arm64', os: 'linux', variant: 'v8' } })
  await registry.pushIndex(repository, tag, [
    { platform: { os: 'linux', architecture: 'amd64' }, image: amd },
    { platform: { os: 'linux', architecture: 'arm64', variant: 'v8' }, image: arm }
  ])
}

/** Deterministic bytes of a given length (a stand-in for a gzipped layer). */
export function bytes(length: number, seed = 1): Buffer {
  const out = Buffer.alloc(length)
  let state = seed
  for (let i = 0; i < length; i++) {
    state = (Math.imul(state, 1103515245) + 12345) & 0x7fffffff
    out[i] = state & 0xff
  }
  return out
}
