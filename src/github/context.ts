/**
 * What the runner says about the event, from its environment: its name and payload
 * (GITHUB_EVENT_NAME, GITHUB_EVENT_PATH) and the commit. Read here rather than
 * through @actions/github's `context`, whose module loads a whole HTTP client (undici, ≈ 50 ms of
 * start-up) the action only needs behind a proxy.
 */
import { existsSync, readFileSync } from 'node:fs'

export interface RunnerContext {
  eventName: string
  payload: Record<string, unknown>
  sha: string
  /** Why the payload file could not be read, when there is one and it could not. */
  payloadError?: string
}

/** The event payload: the file's JSON object; {} when there is none (a local run), with the reason when the file is there and unreadable. */
function payloadAt(path: string | undefined): { payload: Record<string, unknown>; error?: string } {
  if (path === undefined || path === '') return { payload: {} }
  if (!existsSync(path)) return { payload: {}, error: `the event file ${path} does not exist` }
  try {
    const value: unknown = JSON.parse(readFileSync(path, 'utf8'))
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) return { payload: value as Record<string, unknown> }
    return { payload: {}, error: `the event file ${path} holds no JSON object` }
  } catch (err) {
    return { payload: {}, error: `the event file ${path} could not be read (${err instanceof Error ? err.message : String(err)})` }
  }
}

export function runnerContext(env: NodeJS.ProcessEnv = process.env): RunnerContext {
  const { payload, error } = payloadAt(env.GITHUB_EVENT_PATH)
  return { eventName: env.GITHUB_EVENT_NAME ?? '', payload, sha: env.GITHUB_SHA ?? '', ...(error === undefined ? {} : { payloadError: error }) }
}
