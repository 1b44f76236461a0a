/**
 * The only place that builds the GitHub client: octokit with the REST methods and pagination, as
 * @actions/github builds it (base URL from GITHUB_API_URL), with retries for 5xx and the
 * throttling plugin for 429 and secondary rate limits (it honours retry-after), and a timeout on
 * every request: a call that never answers fails after 30 s (STAGECRAFT_GITHUB_TIMEOUT_MS, for
 * tests) instead of stalling the job, and is not retried.
 *
 * Requests go through Node's own fetch. Behind a proxy (https_proxy and friends, as
 * @actions/http-client reads them) the client takes @actions/github's fetch, which knows proxies;
 * that module, with the HTTP client it bundles (undici, ≈ 50 ms to load), is loaded only then.
 */
import { getProxyUrl } from '@actions/http-client/lib/proxy'
import { Octokit } from '@octokit/core'
import { paginateRest } from '@octokit/plugin-paginate-rest'
import { restEndpointMethods } from '@octokit/plugin-rest-endpoint-methods'
import { retry } from '@octokit/plugin-retry'
import { throttling } from '@octokit/plugin-throttling'

const StagecraftOctokit = Octokit.plugin(restEndpointMethods, paginateRest, retry, throttling)

export type GitHubClient = InstanceType<typeof StagecraftOctokit>

export interface ClientOptions {
  /** The REST API root; GITHUB_API_URL when not given (read now, not when the module loaded). */
  baseUrl?: string
  /** Retries after a rate limit or a server error. */
  retries?: number
  /** Milliseconds before the first retry of a server error (tests shorten the wait, not the logic). */
  retryAfterMs?: number
  log?: (message: string) => void
  /** Milliseconds a request may take, answer included; STAGECRAFT_GITHUB_TIMEOUT_MS, else 30 s. */
  timeoutMs?: number
}

/** A write that must not be sent twice by the retry plugin: the caller looks for it before trying again. */
export const NO_RETRY = { retries: 0 }

const DEFAULT_TIMEOUT_MS = 30_000

function timeoutFrom(env: NodeJS.ProcessEnv): number {
  const ms = Number(env.STAGECRAFT_GITHUB_TIMEOUT_MS)
  return Number.isFinite(ms) && ms > 0 ? ms : DEFAULT_TIMEOUT_MS
}

type Fetch = typeof fetch

/**
 * The runner's fetch (with its proxy), cut off after `ms`. The error is an AbortError, which
 * octokit passes on as it is and the retry plugin does not retry: a call that hung once is a
 * fault to degrade from, not one to wait for four times.
 */
function withTimeout(inner: Fetch, ms: number): Fetch {
  return async (url, init) => {
    const timer = AbortSignal.timeout(ms)
    const signal = init?.signal === undefined || init.signal === null ? timer : AbortSignal.any([init.signal, timer])
    try {
      return await inner(url, { ...init, signal })
    } catch (err) {
      if (timer.aborted) throw Object.assign(new Error(`GitHub did not answer within ${ms / 1000} s`), { name: 'AbortError' })
      throw err
    }
  }
}

/** The runner's orchestration id in the user agent, as @actions/github adds it (GitHub ties the calls to the job with it). */
function userAgent(env: NodeJS.ProcessEnv): string | undefined {
  const id = env.ACTIONS_ORCHESTRATION_ID?.trim()
  return id === undefined || id === '' ? undefined : `actions_orchestration_id/${id.replace(/[^a-z0-9_.-]/gi, '_')}`
}

/** Node's fetch, or @actions/github's proxy-aware one when a proxy applies to the API (loaded at the first request). */
function fetchFor(baseUrl: string): Fetch {
  if (getProxyUrl(new URL(baseUrl)) === undefined) return fetch
  let proxied: Promise<Fetch> | undefined
  return async (url, init) => {
    proxied ??= import('@actions/github/lib/utils').then(({ defaults }) => (defaults.request?.fetch as Fetch | undefined) ?? fetch)
    return (await proxied)(url, init)
  }
}

export function createClient(token: string, options: ClientOptions = {}): GitHubClient {
  const retries = options.retries ?? 3
  const log = options.log ?? (() => undefined)
  const baseUrl = options.baseUrl ?? process.env.GITHUB_API_URL ?? 'https://api.github.com'
  const agent = userAgent(process.env)
  return new StagecraftOctokit({
      auth: `token ${token}`,
      baseUrl,
      ...(agent === undefined ? {} : { userAgent: agent }),
      request: { fetch: withTimeout(fetchFor(baseUrl), options.timeoutMs ?? timeoutFrom(process.env)) },
      retry: { retries, doNotRetry: [400, 401, 403, 404, 422, 451], retryAfterBaseValue: options.retryAfterMs ?? 1000 },
      throttle: {
        onRateLimit: (retryAfter: number, request: { method: string; url: string }, _octokit: unknown, retryCount: number) => {
          log(`rate limited on ${request.method} ${request.url}; retrying in ${retryAfter}s`)
          return retryCount < retries
        },
        onSecondaryRateLimit: (retryAfter: number, request: { method: string; url: string }, _octokit: unknown, retryCount: number) => {
          log(`secondary rate limit on ${request.method} ${request.url}; retrying in ${retryAfter}s`)
          return retryCount < retries
        }
      }
    })
}
