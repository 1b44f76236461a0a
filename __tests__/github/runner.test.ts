/**
 * src/github/runner.ts against @actions/core, its oracle: the same stdout for the same workflow
 * commands, the same GITHUB_OUTPUT entries and job summary, the same inputs.
 */
import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals'
import * as core from '@actions/core'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import * as runner from '../../src/github/runner.js'

/** What a call writes to stdout. */
function stdoutOf(call: () => void): string {
  const chunks: string[] = []
  const spy = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    chunks.push(String(chunk))
    return true
  })
  try {
    call()
  } finally {
    spy.mockRestore()
  }
  return chunks.join('')
}

const MESSAGES = ['plain', 'a: b, c', '100% sure\r\nsecond line\nthird', '', '::warning::injected']
const PLACES: runner.AnnotationProperties[] = [{}, { title: 'pipefail (warning)', file: 'a, b/Dock:erfile', startLine: 3, endLine: 5 }, { file: 'x', startLine: 0, startColumn: 2, endColumn: 9 }, { title: '' }]

describe('workflow commands', () => {
  it('writes annotations as @actions/core does, escapes included', () => {
    for (const kind of ['error', 'warning', 'notice'] as const) {
      for (const message of MESSAGES) {
        for (const at of PLACES) expect(stdoutOf(() => runner[kind](message, at))).toBe(stdoutOf(() => core[kind](message, at)))
      }
    }
  })

  it('masks, logs and fails as @actions/core does', () => {
    for (const message of MESSAGES) {
      expect(stdoutOf(() => runner.setSecret(message))).toBe(stdoutOf(() => core.setSecret(message)))
      expect(stdoutOf(() => runner.info(message))).toBe(stdoutOf(() => core.info(message)))
    }
    const before = process.exitCode
    try {
      process.exitCode = 0
      expect(stdoutOf(() => runner.setFailed('stagecraft: findings'))).toBe(stdoutOf(() => core.setFailed('stagecraft: findings')))
      expect(process.exitCode).toBe(1)
    } finally {
      process.exitCode = before
    }
  })
})

describe('inputs', () => {
  const saved = { ...process.env }
  afterEach(() => {
    process.env = { ...saved }
  })

  it('reads single and multi-line inputs as @actions/core does', () => {
    process.env.INPUT_FAIL_ON = '  warning \n'
    process.env['INPUT_BUILD-ARGS'] = 'A=1\n\n  B = 2  \n\n'
    process.env.INPUT_SOME_NAME = ' x '
    for (const name of ['fail_on', 'build-args', 'some name', 'missing']) {
      expect(runner.getInput(name)).toBe(core.getInput(name))
      expect(runner.getMultilineInput(name)).toEqual(core.getMultilineInput(name))
    }
  })
})

describe('output and summary files', () => {
  let dir: string
  const saved = { ...process.env }
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'stagecraft-runner-'))
  })
  afterEach(() => {
    process.env = { ...saved }
    rmSync(dir, { recursive: true, force: true })
  })

  /** An output file's entries with the random delimiters named by their order. */
  const entries = (file: string): string => {
    const text = readFileSync(file, 'utf8')
    let n = 0
    const names = new Map<string, string>()
    return text.replace(/ghadelimiter_[0-9a-f-]+/g, (d) => names.get(d) ?? (names.set(d, `D${n++}`), names.get(d) as string))
  }

  it('appends outputs to GITHUB_OUTPUT as @actions/core does', () => {
    const ours = join(dir, 'ours')
    const theirs = join(dir, 'theirs')
    writeFileSync(ours, '')
    writeFileSync(theirs, '')
    const values: unknown[] = ['success', 3, 0, '', 'two\nlines', null, { a: 1 }]
    process.env.GITHUB_OUTPUT = ours
    values.forEach((v, i) => runner.setOutput(`out${i}`, v))
    process.env.GITHUB_OUTPUT = theirs
    values.forEach((v, i) => core.setOutput(`out${i}`, v))
    expect(entries(ours)).toBe(entries(theirs))
  })

  it('without GITHUB_OUTPUT, writes the old set-output command as @actions/core does', () => {
    delete process.env.GITHUB_OUTPUT
    expect(stdoutOf(() => runner.setOutput('conclusion', 'failure'))).toBe(stdoutOf(() => core.setOutput('conclusion', 'failure')))
  })

  it('appends the job summary as @actions/core does, and fails as it does without the file', async () => {
    const ours = join(dir, 'ours.md')
    const theirs = join(dir, 'theirs.md')
    writeFileSync(ours, 'before\n')
    writeFileSync(theirs, 'before\n')
    process.env.GITHUB_STEP_SUMMARY = ours
    await runner.appendSummary('## Stagecraft\n\n| a | b |\n')
    process.env.GITHUB_STEP_SUMMARY = theirs
    await core.summary.addRaw('## Stagecraft\n\n| a | b |\n').write()
    expect(readFileSync(ours, 'utf8')).toBe(readFileSync(theirs, 'utf8'))
    delete process.env.GITHUB_STEP_SUMMARY
    await expect(runner.appendSummary('x')).rejects.toThrow('$GITHUB_STEP_SUMMARY')
  })
})
