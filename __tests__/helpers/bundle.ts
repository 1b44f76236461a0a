/** Runs a bundled entry point of dist/ as its own process, the way a user or a runner does. */
import { spawnSync } from 'node:child_process'
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..')

export interface ProcessResult {
  code: number | null
  stdout: string
  stderr: string
}

export function runBundle(entry: string, args: string[], options: { cwd: string; env?: NodeJS.ProcessEnv }): ProcessResult {
  const result = spawnSync(process.execPath, [resolve(ROOT, entry), ...args], {
    cwd: options.cwd,
    // A minimal environment, so the runner's own GITHUB_* variables never leak into a test.
    env: { STAGECRAFT_TODAY: process.env.STAGECRAFT_TODAY, ...(options.env ?? { PATH: process.env.PATH ?? '' }) },
    encoding: 'utf8',
    timeout: 30000
  })
  return { code: result.status, stdout: result.stdout, stderr: result.stderr }
}
