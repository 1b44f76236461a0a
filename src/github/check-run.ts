/**
 * The check run: on the PR's head SHA, with annotations in batches of 50 (the API's limit), one
 * request per batch, the last one completing the run with its conclusion. 120 annotations are
 * 3 requests; none is 1.
 */
import { batches, type CheckAnnotation } from './annotations.js'
import type { GitHubClient } from './client.js'
import { classifyFailure } from './errors.js'
import type { RepoRef } from './pull-request.js'

export interface CheckRunInput {
  name: string
  headSha: string
  conclusion: 'success' | 'neutral' | 'failure'
  title: string
  /** Markdown; clipped to the API's 65,535 characters. */
  summary: string
  annotations: readonly CheckAnnotation[]
}

export type CheckRunOutcome = { action: 'created'; url: string; requests: number } | { action: 'forbidden' | 'failed'; url: null; message: string; requests: number }

const SUMMARY_LIMIT = 65535

function clip(text: string): string {
  return text.length <= SUMMARY_LIMIT ? text : `${text.slice(0, SUMMARY_LIMIT - 40)}\n\n…(shortened: see the job summary)`
}

export async function publishCheckRun(client: GitHubClient, ref: RepoRef, input: CheckRunInput): Promise<CheckRunOutcome> {
  const chunks = batches(input.annotations)
  if (chunks.length === 0) chunks.push([])
  const output = (annotations: readonly CheckAnnotation[]) => ({ title: input.title, summary: clip(input.summary), annotations: [...annotations] })
  const done = { status: 'completed' as const, conclusion: input.conclusion, completed_at: new Date().toISOString() }
  let requests = 0
  try {
    const first = chunks[0] ?? []
    const last = chunks.length === 1
    requests++
    const { data } = await client.rest.checks.create({ ...ref, name: input.name, head_sha: input.headSha, ...(last ? done : { status: 'in_progress' as const }), output: output(first) })
    for (let i = 1; i < chunks.length; i++) {
      requests++
      await client.rest.checks.update({ ...ref, check_run_id: data.id, ...(i === chunks.length - 1 ? done : {}), output: output(chunks[i] ?? []) })
    }
    return { action: 'created', url: data.html_url ?? '', requests }
  } catch (err) {
    return { ...classifyFailure(err), url: null, requests }
  }
}
