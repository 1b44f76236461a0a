/**
 * The only place that builds the GitHub client: octokit from @actions/github (base URL from
 * GITHUB_API_URL), with retries for 5xx and timeouts and the throttling plugin for 429 and
 * secondary rate limits (it honours retry-after).
 */
import { getOctokit } from '@actions/github'
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
}

export function createClient(token: string, options: ClientOptions = {}): GitHubClient {
  const retries = options.retries ?? 3
  const log = options.log ?? (() => undefined)
  return getOctokit(
    token,
    {
      baseUrl: options.baseUrl ?? process.env.GITHUB_API_URL ?? 'https://api.github.com',
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
