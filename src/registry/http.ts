/**
 * One HTTP request for the registry client, on node:http/https rather than fetch, because a
 * look-up a pull request can aim anywhere needs what fetch does not give: the address checked
 * when the socket connects (so DNS cannot answer "public" first and "127.0.0.1" later), no
 * redirects followed on its own, a cap on the body (read until the cap, then dropped) and one
 * deadline for the whole exchange. Failures are generic on purpose: they are published, and an
 * error code such as ECONNREFUSED versus a timeout tells an attacker which ports are open.
 */
import { lookup as dnsLookup, type LookupAddress } from 'node:dns'
import { Agent as HttpAgent, request as httpRequest, type IncomingMessage } from 'node:http'
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https'
import { isIP } from 'node:net'
import { hostName, hostPort, type AllowList } from './address.js'

export interface HttpAnswer {
  status: number
  /** Lower-case names; the first value of a repeated header. */
  headers: Readonly<Record<string, string>>
  body: Buffer
  /** The body was longer than the cap and was cut there. */
  tooLarge: boolean
}

export interface HttpRequest {
  url: string
  method: 'GET' | 'HEAD'
  headers: Readonly<Record<string, string>>
  maxBytes: number
  timeoutMs: number
  /** The registry as written in FROM (`127.0.0.1:5000`), whose allow-list entries apply. */
  allow: AllowList
}

/** A failure whose message may be published as it is. */
export class NetworkError extends Error {}

export type Transport = (request: HttpRequest) => Promise<HttpAnswer>

/** The refusal said for an internal address; the same words whatever the address or port. */
export const REFUSED = 'the host is a loopback, private, link-local or metadata address, which is not asked unless registry-allow lists it'

const REFUSED_CODE = 'EREFUSED_INTERNAL'

/** A lookup that refuses the connection when any address the name resolves to is not allowed. */
function guardedLookup(name: string, port: string | null, allow: AllowList) {
  return (hostname: string, options: { all?: boolean }, callback: (err: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void): void => {
    dnsLookup(hostname, { all: true }, (err, addresses) => {
      if (err !== null) return callback(err, [])
      if (addresses.some((a) => !allow.allows(name, port, a.address))) return callback(Object.assign(new Error('refused'), { code: REFUSED_CODE }), [])
      if (options.all === true) return callback(null, addresses)
      const first = addresses[0] as LookupAddress
      return callback(null, first.address, first.family)
    })
  }
}

/**
 * Kept-alive connections per allow-list and origin, so the token, index, manifest and config of
 * one registry share a connection (and its TLS handshake). Idle sockets do not keep the process alive.
 */
const agents = new WeakMap<AllowList, Map<string, HttpAgent>>()

function agentFor(allow: AllowList, url: URL): HttpAgent {
  let byOrigin = agents.get(allow)
  if (byOrigin === undefined) {
    byOrigin = new Map()
    agents.set(allow, byOrigin)
  }
  const key = `${url.protocol}//${url.host}`
  let agent = byOrigin.get(key)
  if (agent === undefined) {
    const options = { keepAlive: true, maxSockets: 4, lookup: guardedLookup(hostName(url.host), hostPort(url.host), allow) }
    agent = url.protocol === 'https:' ? new HttpsAgent(options) : new HttpAgent(options)
    byOrigin.set(key, agent)
  }
  return agent
}

export const httpTransport: Transport = (req) =>
  new Promise((resolve, reject) => {
    const url = new URL(req.url)
    const host = url.host
    const name = hostName(host)
    const port = hostPort(host)
    // A literal address never reaches the lookup: judge it here.
    if (isIP(name) !== 0 && !req.allow.allows(name, port, name)) {
      reject(new NetworkError(`${host}: ${REFUSED}`))
      return
    }
    const send = url.protocol === 'https:' ? httpsRequest : httpRequest
    let settled = false
    const finish = (fn: () => void): void => {
      if (settled) return
      settled = true
      clearTimeout(timer)
      fn()
    }
    const request = send(url, { method: req.method, headers: req.headers, agent: agentFor(req.allow, url) }, (res: IncomingMessage) => {
      const chunks: Buffer[] = []
      let length = 0
      const headers: Record<string, string> = {}
      for (const [k, v] of Object.entries(res.headers)) if (v !== undefined) headers[k.toLowerCase()] = Array.isArray(v) ? (v[0] ?? '') : v
      res.on('data', (chunk: Buffer) => {
        if (settled) return
        if (length + chunk.length > req.maxBytes) {
          chunks.push(chunk.subarray(0, req.maxBytes - length))
          finish(() => resolve({ status: res.statusCode ?? 0, headers, body: Buffer.concat(chunks), tooLarge: true }))
          // A body cut short cannot leave its socket for the next request.
          request.destroy()
          return
        }
        chunks.push(chunk)
        length += chunk.length
      })
      res.on('end', () => finish(() => resolve({ status: res.statusCode ?? 0, headers, body: Buffer.concat(chunks), tooLarge: false })))
      res.on('error', () => finish(() => reject(new NetworkError(`could not reach ${host}`))))
    })
    const timer = setTimeout(() => {
      finish(() => reject(new NetworkError(`could not reach ${host}`)))
      request.destroy()
    }, req.timeoutMs)
    request.on('error', (err: NodeJS.ErrnoException) => finish(() => reject(new NetworkError(err.code === REFUSED_CODE ? `${host}: ${REFUSED}` : `could not reach ${host}`))))
    request.end()
  })
