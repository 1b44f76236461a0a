/** How a failed GitHub request ends: a missing permission (a fork's read-only token) or a fault. */

export interface FailedRequest {
  action: 'forbidden' | 'failed'
  message: string
}

/** A 403 is "forbidden" unless it is a (secondary) rate limit, which GitHub also answers with 403. */
export function classifyFailure(err: unknown): FailedRequest {
  const message = err instanceof Error ? err.message : String(err)
  const status = typeof err === 'object' && err !== null && 'status' in err ? (err).status : null
  return { action: status === 403 && !/rate limit|abuse/i.test(message) ? 'forbidden' : 'failed', message }
}
