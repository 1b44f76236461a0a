/**
 * ShellCheck in the review: one process per core per batch of files (a wrapper counts the starts), the
 * findings of every file, and a note in the summary when it is missing or fails.
 */
import { afterAll, expect, it } from '@jest/globals'
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { availableParallelism } from 'node:os'
import { join } from 'node:path'
import { runCli } from '../../src/cli/run.js'
import type { JsonReport } from '../../src/report/json.js'
import { df } from '../helpers/dockerfile.js'
import { describeShellcheck, SHELLCHECK_PATH } from '../helpers/shellcheck.js'
import { runBundle } from '../helpers/bundle.js'
import { tempTree } from '../helpers/tmp.js'

const BROKEN = (n: number): string => df('FROM debian:12', `RUN echo "$unset_${n}"`, 'RUN cd /tmp \\', '  && echo "$also_unset"', 'RUN <<EOF', 'echo "$in_heredoc"', 'EOF')

const files: Record<string, string> = {}
for (let i = 0; i < 70; i++) files[`svc${i}/Dockerfile`] = BROKEN(i)
const tree = tempTree({ ...files, 'failing/shellcheck': '#!/bin/sh\ncase "$1" in --version) echo "version: 0.9.0" ;; *) echo "boom" >&2; exit 3 ;; esac\n' })
afterAll(() => tree.remove())

async function cli(args: string[], config: string): Promise<{ code: number; stdout: string; stderr: string }> {
  writeFileSync(join(tree.dir, '.stagecraft.yml'), config)
  let stdout = ''
  let stderr = ''
  const code = await runCli(args, { cwd: tree.dir, stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), isTty: false })
  return { code, stdout, stderr }
}

const shellcheckFindings = (stdout: string): string[] => (JSON.parse(stdout) as JsonReport).files.flatMap((f) => f.findings.filter((x) => x.rule === 'shellcheck').map((x) => `${f.path}:${x.line}`))

describeShellcheck('ShellCheck in the review', () => {
  it('starts ShellCheck per batch of 64 files, one process per core, each script given once, and reports every RUN of every file', async () => {
    const log = join(tree.dir, 'starts.log')
    const wrapper = join(tree.dir, 'counting-shellcheck')
    // Logs the first argument and how many scripts it was given (the arguments past the three options).
    writeFileSync(wrapper, `#!/bin/sh\necho "$1 $(($# - 3))" >> '${log}'\nexec '${SHELLCHECK_PATH ?? 'shellcheck'}' "$@"\n`)
    chmodSync(wrapper, 0o755)
    writeFileSync(log, '')
    const { stdout, stderr } = await cli(['--format', 'json', '--fail-on', 'never', 'svc*/Dockerfile'], `shellcheck: ${wrapper}\n`)
    expect(stderr).toBe('')
    // One start to read the version, then per batch one per core (at least 8 scripts each): 70 files of 3 RUNs are batches of 192 and 18 scripts.
    const starts = readFileSync(log, 'utf8').trim().split('\n')
    const perBatch = (scripts: number) => Math.max(1, Math.min(availableParallelism(), Math.floor(scripts / 8)))
    expect(starts[0]).toBe('--version -2')
    expect(starts.slice(1).map((s) => s.split(' ')[0])).toEqual(Array(perBatch(192) + perBatch(18)).fill('--format=json1'))
    expect(starts.slice(1).reduce((n, s) => n + Number(s.split(' ')[1]), 0)).toBe(70 * 3)
    const found = shellcheckFindings(stdout)
    expect(found).toHaveLength(70 * 3)
    expect(found.slice(0, 3)).toEqual(['svc0/Dockerfile:2', 'svc0/Dockerfile:4', 'svc0/Dockerfile:6'])
  })

  it('gives ShellCheck no script longer than 32 KB, and says so', async () => {
    mkdirSync(join(tree.dir, 'huge'), { recursive: true })
    writeFileSync(join(tree.dir, 'huge/Dockerfile'), df('FROM debian:12', `RUN apt-get install -y ${Array.from({ length: 5000 }, (_, i) => `pkg${i}`).join(' ')} && echo "$unset_var"`, 'RUN echo "$small_unset"'))
    const { stdout, stderr } = await cli(['--format', 'json', '--fail-on', 'never', 'huge/Dockerfile'], '')
    expect(shellcheckFindings(stdout)).toEqual(['huge/Dockerfile:3'])
    expect(stderr).toBe('stagecraft: One RUN script is longer than 32 KB and was not given to ShellCheck.\n')
  })

  it('starts nothing with shellcheck: false or the rule off', async () => {
    for (const config of ['shellcheck: false\n', 'rules:\n  shellcheck: off\n']) {
      const { stdout, stderr } = await cli(['--format', 'json', '--fail-on', 'never', 'svc1'], config)
      expect([shellcheckFindings(stdout), stderr]).toEqual([[], ''])
    }
  })

  it('says so when the configured ShellCheck is missing, or fails', async () => {
    const missing = await cli(['--fail-on', 'never', 'svc1'], 'shellcheck: /nonexistent/shellcheck\n')
    expect(missing.stderr).toBe('stagecraft: ShellCheck was not found at /nonexistent/shellcheck, so the RUN scripts were not checked with it.\n')
    chmodSync(join(tree.dir, 'failing/shellcheck'), 0o755)
    const failing = await cli(['--fail-on', 'never', 'svc1'], `shellcheck: ${join(tree.dir, 'failing/shellcheck')}\n`)
    expect(failing.stderr).toBe('stagecraft: ShellCheck failed (ShellCheck gave no report (exit 3: boom)); its checks of RUN scripts are left out.\n')
  })
})

it('says once, in the bundled CLI, that ShellCheck is not installed when it is not on PATH', () => {
  writeFileSync(join(tree.dir, '.stagecraft.yml'), '')
  const result = runBundle('dist/cli/index.js', ['--fail-on', 'never', 'svc1/Dockerfile', 'svc2/Dockerfile'], { cwd: tree.dir, env: { PATH: join(tree.dir, 'svc1') } })
  expect(result.stderr).toBe('stagecraft: ShellCheck is not installed (no shellcheck on PATH), so the RUN scripts were not checked with it; install it (apt-get install shellcheck) or set shellcheck: false.\n')
})
