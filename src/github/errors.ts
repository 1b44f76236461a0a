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

/**
 * Whether a failed write may still have been made: a server error or no answer at all (a
 * timeout, a dropped connection), as opposed to a refusal (4xx). Such a write is looked for
 * before it is sent again, so a comment or a check run is never made twice.
 */
export function maybeApplied(err: unknown): boolean {
  const status = typeof err === 'object' && err !== null && 'status' in err ? Number(err.status) : NaN
  return !(status >= 400 && status < 500)
}
