/**
 * The check run: on the PR's head SHA, with annotations in batches of 50 (the API's limit), one
 * request per batch, the last one completing the run with its conclusion. 120 annotations are
 * 3 requests; none is 1.
 *
 * A run is never left in progress (it would block a required check forever): when a batch of
 * annotations is refused, a last PATCH completes the run with its conclusion and says what is
 * missing. The create is not retried blindly after a server error (GitHub may have made the run
 * and failed to answer): the head SHA's runs are listed first, and a run with this attempt's
 * external_id is the one made.
 */
import { batches, type CheckAnnotation } from './annotations.js'
import { NO_RETRY, type GitHubClient } from './client.js'
import { classifyFailure, maybeApplied } from './errors.js'
import type { RepoRef } from './pull-request.js'

export interface CheckRunInput {
  name: string
  headSha: string
  conclusion: 'success' | 'neutral' | 'failure'
  title: string
  /** Markdown; clipped to the API's 65,535 characters. */
  summary: string
  annotations: readonly CheckAnnotation[]
  /** Tells this attempt's run apart when the head SHA's runs are listed again (a create that may have been applied). */
  externalId?: string
}

export type CheckRunOutcome =
  | { action: 'created'; url: string; requests: number; /** Set when the run was completed without some of its annotations. */ incomplete?: string }
  | { action: 'forbidden' | 'failed'; url: null; message: string; requests: number }

const SUMMARY_LIMIT = 65535

function clip(text: string, room = SUMMARY_LIMIT): string {
  return text.length <= room ? text : `${text.slice(0, room - 40)}\n\n…(shortened: see the job summary)`
}

export async function publishCheckRun(client: GitHubClient, ref: RepoRef, input: CheckRunInput): Promise<CheckRunOutcome> {
  const chunks = batches(input.annotations)
  if (chunks.length === 0) chunks.push([])
  const output = (annotations: readonly CheckAnnotation[]) => ({ title: input.title, summary: clip(input.summary), annotations: [...annotations] })
  const done = { status: 'completed' as const, conclusion: input.conclusion, completed_at: new Date().toISOString() }
  const externalId = input.externalId ?? `stagecraft-${process.pid}-${Date.now()}`
  let requests = 0
  const first = chunks[0] ?? []
  const last = chunks.length === 1
  const body = { ...ref, name: input.name, head_sha: input.headSha, external_id: externalId, ...(last ? done : { status: 'in_progress' as const }), output: output(first) }
  let created: { id: number; html_url: string | null }
  try {
    requests++
    created = (await client.rest.checks.create({ ...body, request: NO_RETRY })).data
  } catch (err) {
    if (!maybeApplied(err)) return { ...classifyFailure(err), url: null, requests }
    try {
      requests++
      const { data } = await client.rest.checks.listForRef({ ...ref, ref: input.headSha, check_name: input.name, filter: 'all', per_page: 100 })
      const made = data.check_runs.find((r) => r.external_id === externalId)
      requests++
      created = made ?? (await client.rest.checks.create({ ...body, request: NO_RETRY })).data
    } catch (again) {
      return { ...classifyFailure(again), url: null, requests }
    }
  }
  const url = created.html_url ?? ''
  let refused: string | null = null
  for (let i = 1; i < chunks.length; i++) {
    const completes = i === chunks.length - 1
    try {
      requests++
      await client.rest.checks.update({ ...ref, check_run_id: created.id, ...(completes ? done : {}), output: output(chunks[i] ?? []) })
    } catch (err) {
      refused = `${input.annotations.length - 50 * i} of ${input.annotations.length} annotations could not be added (${classifyFailure(err).message})`
      break
    }
  }
  if (refused === null) return { action: 'created', url, requests }
  // Complete the run anyway, with its conclusion and a word on what is missing.
  const note = `> **${refused}.** The findings are all in the job summary and the reports; the conclusion stands.\n\n`
  try {
    requests++
    await client.rest.checks.update({ ...ref, check_run_id: created.id, ...done, output: { title: input.title, summary: note + clip(input.summary, SUMMARY_LIMIT - note.length) } })
    return { action: 'created', url, requests, incomplete: refused }
  } catch (err) {
    return { action: 'created', url, requests, incomplete: `${refused}, and the run could not be completed (${classifyFailure(err).message})` }
  }
}
