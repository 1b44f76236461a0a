/**
 * The only place that builds the GitHub client: octokit from @actions/github (base URL from
 * GITHUB_API_URL), with retries for 5xx and the throttling plugin for 429 and secondary rate
 * limits (it honours retry-after), and a timeout on every request: a call that never answers
 * fails after 30 s (STAGECRAFT_GITHUB_TIMEOUT_MS, for tests) instead of stalling the job, and is
 * not retried.
 */
import { getOctokit } from '@actions/github'
import { defaults } from '@actions/github/lib/utils'
import { retry } from '@octokit/plugin-retry'
import { throttling } from '@octokit/plugin-throttling'

export type GitHubClient = ReturnType<typeof getOctokit>

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

export function createClient(token: string, options: ClientOptions = {}): GitHubClient {
  const retries = options.retries ?? 3
  const log = options.log ?? (() => undefined)
  return getOctokit(
    token,
    {
      baseUrl: options.baseUrl ?? process.env.GITHUB_API_URL ?? 'https://api.github.com',
      request: { ...defaults.request, fetch: withTimeout((defaults.request?.fetch as Fetch | undefined) ?? fetch, options.timeoutMs ?? timeoutFrom(process.env)) },
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
    },
    retry,
    throttling
  )
}
