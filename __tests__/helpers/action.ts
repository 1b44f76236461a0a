/**
 * Runs the bundled action as a runner runs it: `node dist/index.js` with INPUT_*, GITHUB_*, an
 * event payload file, GITHUB_OUTPUT and GITHUB_STEP_SUMMARY, against the fake GitHub API.
 * Asynchronous, because the fake server lives in the test's process.
 */
import { spawn } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { ROOT } from './bundle.js'
import type { FakeGitHub } from './fake-github.js'

export interface RunResult {
  code: number | null
  stdout: string
  outputs: string
  summary: string
  /** Milliseconds the process ran. */
  ms: number
  /** The process was killed after `killAfterMs`: it hung. */
  killed: boolean
}

export const PR_PAYLOAD = { pull_request: { number: 7, head: { sha: 'headsha', repo: { full_name: 'o/r' } }, base: { sha: 'basesha' } }, repository: { full_name: 'o/r' } }

export function runAction(fake: FakeGitHub, dir: string, event: string, inputs: Record<string, string> = {}, payload: object = PR_PAYLOAD, extraEnv: NodeJS.ProcessEnv = {}, killAfterMs = 60_000): Promise<RunResult> {
  const eventPath = join(dir, 'event.json')
  writeFileSync(eventPath, JSON.stringify(payload))
  const outputs = join(dir, 'output.txt')
  const summary = join(dir, 'summary.md')
  writeFileSync(outputs, '')
  writeFileSync(summary, '')
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH ?? '',
    STAGECRAFT_TODAY: process.env.STAGECRAFT_TODAY,
    GITHUB_API_URL: fake.url,
    GITHUB_REPOSITORY: 'o/r',
    GITHUB_EVENT_NAME: event,
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_SHA: 'mergesha',
    GITHUB_WORKFLOW: 'ci',
    GITHUB_JOB: 'lint',
    GITHUB_WORKSPACE: join(dir, 'ws'),
    GITHUB_OUTPUT: outputs,
    GITHUB_STEP_SUMMARY: summary,
    'INPUT_GITHUB-TOKEN': 'test-token',
    // Registries are not reachable from tests; the registry tests turn it on against a local one.
    'INPUT_REGISTRY-LOOKUP': 'false',
    ...Object.fromEntries(Object.entries(inputs).map(([k, v]) => [`INPUT_${k.toUpperCase()}`, v])),
    ...extraEnv
  }
  const started = performance.now()
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(ROOT, 'dist/index.js')], { cwd: dir, env })
    let stdout = ''
    let killed = false
    const timer = setTimeout(() => {
      killed = true
      child.kill('SIGKILL')
    }, killAfterMs)
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()))
    child.on('close', (code) => {
      clearTimeout(timer)
      resolve({ code, stdout, outputs: readFileSync(outputs, 'utf8'), summary: readFileSync(summary, 'utf8'), ms: performance.now() - started, killed })
    })
  })
}

/** A step output as @actions/core writes it to GITHUB_OUTPUT (a heredoc per value). */
export const output = (text: string, name: string): string | undefined => new RegExp(`^${name}<<(ghadelimiter_[\\w-]+)\\n([\\s\\S]*?)\\n\\1$`, 'm').exec(text)?.[2]
