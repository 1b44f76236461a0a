/**
 * One HTTP request for the registry client, on node:http/https rather than fetch, because a
 * look-up a pull request can aim anywhere needs what fetch does not give: the address checked
 * when the socket connects (so DNS cannot answer "public" first and "127.0.0.1" later), no
 * redirects followed on its own, a cap on the body (read until the cap, then dropped) and one
 * deadline for the whole exchange. Failures are generic on purpose: they are published, and an
 * error code such as ECONNREFUSED versus a timeout tells an attacker which ports are open.
 */
import { lookup as dnsLookup, type LookupAddress } from 'node:dns'
import { request as httpRequest, type IncomingMessage } from 'node:http'
import { request as httpsRequest } from 'node:https'
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

export const httpTransport: Transport = (req) =>
  new Promise((resolve, reject) => {
    const url = new URL(req.url)
    const host = url.host
    const name = hostName(host)
    const port = hostPort(host)
    // A literal address never reaches the lookup below: judge it here.
    if (isIP(name) !== 0 && !req.allow.allows(name, port, name)) {
      reject(new NetworkError(`${host}: ${REFUSED}`))
      return
    }
    let refused = false
    const lookup = (hostname: string, options: { all?: boolean }, callback: (err: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void): void => {
      dnsLookup(hostname, { all: true }, (err, addresses) => {
        if (err !== null) return callback(err, [])
        const bad = addresses.find((a) => !req.allow.allows(name, port, a.address))
        if (bad !== undefined) {
          refused = true
          return callback(Object.assign(new Error('refused'), { code: 'EREFUSED_INTERNAL' }), [])
        }
        if (options.all === true) return callback(null, addresses)
        const first = addresses[0] as LookupAddress
        return callback(null, first.address, first.family)
      })
    }
    const send = url.protocol === 'https:' ? httpsRequest : httpRequest
    let settled = false
    const finish = (fn: () => void): void => {
      if (settled) return
      settled = true
      clearTimeout(timer)
      fn()
    }
    const request = send(url, { method: req.method, headers: req.headers, lookup, agent: false }, (res: IncomingMessage) => {
      const chunks: Buffer[] = []
      let length = 0
      let tooLarge = false
      const headers: Record<string, string> = {}
      for (const [k, v] of Object.entries(res.headers)) if (v !== undefined) headers[k.toLowerCase()] = Array.isArray(v) ? (v[0] ?? '') : v
      res.on('data', (chunk: Buffer) => {
        if (tooLarge) return
        if (length + chunk.length > req.maxBytes) {
          tooLarge = true
          chunks.push(chunk.subarray(0, req.maxBytes - length))
          length = req.maxBytes
          finish(() => resolve({ status: res.statusCode ?? 0, headers, body: Buffer.concat(chunks), tooLarge: true }))
          res.destroy()
          request.destroy()
          return
        }
        chunks.push(chunk)
        length += chunk.length
      })
      res.on('end', () => finish(() => resolve({ status: res.statusCode ?? 0, headers, body: Buffer.concat(chunks), tooLarge })))
      res.on('error', () => finish(() => reject(new NetworkError(`could not reach ${host}`))))
    })
    const timer = setTimeout(() => {
      finish(() => reject(new NetworkError(`could not reach ${host}`)))
      request.destroy()
    }, req.timeoutMs)
    request.on('error', () => finish(() => reject(new NetworkError(refused ? `${host}: ${REFUSED}` : `could not reach ${host}`))))
    request.end()
  })
