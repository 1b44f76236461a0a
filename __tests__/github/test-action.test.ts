/**
 * .github/workflows/test-action.yml's expectations, checked here first: the bundled action run
 * as its `fixtures` job runs it (no token, over __tests__/action-samples), then the workflow's
 * own assertion script over the outputs. The workflow's jobs use `uses: ./` with the permissions
 * the README asks for.
 */
import { afterAll, describe, expect, it } from '@jest/globals'
import { spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parse } from 'yaml'
import { ROOT, runBundle } from '../helpers/bundle.js'
import { tempTree } from '../helpers/tmp.js'

const tree = tempTree({ 'output.txt': '' })
afterAll(() => tree.remove())

/** GITHUB_OUTPUT's `name<<delimiter` blocks as an object, as `toJSON(steps.x.outputs)` gives them. */
function outputsOf(text: string): Record<string, string> {
  const out: Record<string, string> = {}
  for (const m of text.matchAll(/^([\w-]+)<<(ghadelimiter_[\w-]+)\n([\s\S]*?)\n\2$/gm)) out[m[1] as string] = m[3] as string
  return out
}

function assertOutputs(which: string, env: Record<string, string>) {
  return spawnSync(process.execPath, [join(ROOT, '__tests__/action-samples/assert-outputs.mjs'), which], { encoding: 'utf8', env: { PATH: process.env.PATH ?? '', ...env } })
}

describe('test-action.yml', () => {
  it('its fixtures job: the review of the fixtures gives the outputs the workflow asserts', () => {
    const output = join(tree.dir, 'output.txt')
    const result = runBundle('dist/index.js', [], {
      cwd: ROOT,
      env: {
        PATH: process.env.PATH ?? '',
        GITHUB_WORKSPACE: ROOT,
        GITHUB_OUTPUT: output,
        GITHUB_EVENT_NAME: 'pull_request',
        'INPUT_GITHUB-TOKEN': '',
        INPUT_DOCKERFILES: '__tests__/action-samples',
        'INPUT_REGISTRY-LOOKUP': 'false',
        'INPUT_SARIF-FILE': join(tree.dir, 'stagecraft.sarif'),
        'INPUT_JSON-FILE': join(tree.dir, 'stagecraft.json')
      }
    })
    expect(result.code).toBe(1)
    const checked = assertOutputs('fixtures', { OUTCOME: 'failure', OUTPUTS: JSON.stringify(outputsOf(readFileSync(output, 'utf8'))) })
    expect([checked.status, checked.stdout]).toEqual([0, 'fixtures: outputs as expected\n'])
  })

  it('its pull-request assertions accept a real run and catch a new comment on the second run', () => {
    const env = { GITHUB_REPOSITORY: 'o/r', GITHUB_SERVER_URL: 'https://github.com', PULL: '7', WRITABLE: 'true', OUTCOME: 'success' }
    const outputs = { conclusion: 'neutral', 'check-run-url': 'https://github.com/o/r/runs/12', 'comment-url': 'https://github.com/o/r/pull/7#issuecomment-99' }
    expect(assertOutputs('pull-request', { ...env, OUTPUTS: JSON.stringify(outputs) }).status).toBe(0)
    expect(assertOutputs('pull-request-again', { ...env, OUTPUTS: JSON.stringify(outputs), PREVIOUS_COMMENT_URL: outputs['comment-url'] }).status).toBe(0)
    const duplicate = assertOutputs('pull-request-again', { ...env, OUTPUTS: JSON.stringify({ ...outputs, 'comment-url': 'https://github.com/o/r/pull/7#issuecomment-100' }), PREVIOUS_COMMENT_URL: outputs['comment-url'] })
    expect([duplicate.status, duplicate.stdout]).toEqual([1, expect.stringContaining("::error::pull-request-again: comment-url should be the first run's") as unknown as string])
    // A fork's read-only token: nothing written, and that is expected.
    expect(assertOutputs('pull-request', { ...env, WRITABLE: 'false', OUTPUTS: JSON.stringify({ conclusion: 'success', 'check-run-url': '', 'comment-url': '' }) }).status).toBe(0)
  })

  it('runs `uses: ./` on pull requests with checks: write and pull-requests: write', () => {
    const workflow = parse(readFileSync(join(ROOT, '.github/workflows/test-action.yml'), 'utf8')) as { on: Record<string, unknown>; jobs: Record<string, { permissions?: Record<string, string>; steps: { uses?: string }[] }> }
    expect(Object.keys(workflow.on)).toContain('pull_request')
    const job = workflow.jobs['pull-request']
    expect(job?.permissions).toEqual({ contents: 'read', checks: 'write', 'pull-requests': 'write' })
    expect(job?.steps.filter((s) => s.uses === './')).toHaveLength(2)
    expect(workflow.jobs.fixtures?.steps.some((s) => s.uses === './')).toBe(true)
  })
})
