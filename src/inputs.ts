/** The action's inputs, read and validated once; a bad value fails with its name and the choices. */
import * as core from '@actions/core'
import type { AnnotateMode, FailOn } from './report/annotations.js'

export interface ActionInputs {
  token: string
  dockerfiles: string[]
  config: string | null
  target: string | null
  buildArgs: Record<string, string>
  annotate: AnnotateMode
  failOn: FailOn
  comment: 'always' | 'on-findings' | 'never'
  commentKey: string
  checkRun: boolean
  checkName: string
  sarifFile: string | null
  jsonFile: string | null
}

export class InputError extends Error {}

function choice<T extends string>(name: string, allowed: readonly T[], fallback: T): T {
  const value = core.getInput(name).trim() || fallback
  if (!(allowed as readonly string[]).includes(value)) throw new InputError(`input ${name} must be one of ${allowed.join(', ')}, not "${value}"`)
  return value as T
}

export function readInputs(): ActionInputs {
  const buildArgs: Record<string, string> = {}
  for (const line of core.getMultilineInput('build-args')) {
    const eq = line.indexOf('=')
    if (eq <= 0) throw new InputError(`input build-args: "${line}" is not K=V`)
    buildArgs[line.slice(0, eq).trim()] = line.slice(eq + 1)
  }
  const checkRun = core.getInput('check-run').trim() || 'true'
  if (checkRun !== 'true' && checkRun !== 'false') throw new InputError(`input check-run must be true or false, not "${checkRun}"`)
  return {
    token: core.getInput('github-token'),
    dockerfiles: core.getMultilineInput('dockerfiles').filter((p) => p.trim() !== ''),
    config: core.getInput('config').trim() || null,
    target: core.getInput('target').trim() || null,
    buildArgs,
    annotate: choice('annotate', ['changed-lines', 'changed-files', 'all'] as const, 'changed-lines'),
    failOn: choice('fail-on', ['error', 'warning', 'info', 'never'] as const, 'error'),
    comment: choice('comment', ['always', 'on-findings', 'never'] as const, 'on-findings'),
    commentKey: core.getInput('comment-key').trim(),
    checkRun: checkRun === 'true',
    checkName: core.getInput('check-name').trim() || 'Stagecraft',
    sarifFile: core.getInput('sarif-file').trim() || null,
    jsonFile: core.getInput('json-file').trim() || null
  }
}
