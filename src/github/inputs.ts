/** The action's inputs, read and validated once; a bad value fails with its name and the choices. */
import * as core from './runner.js'
import type { RegistryCredentials } from '../model/image.js'
import type { AnnotateMode, FailOn } from '../review/policy.js'
import type { Severity } from '../model/finding.js'
import type { SizeBudget } from '../config/types.js'
import { allowEntryProblem, parseSize } from '../parse/settings.js'

export interface ActionInputs {
  token: string
  dockerfiles: string[]
  config: string | null
  target: string | null
  /**
   * The build-args input, each value not listed in build-args-public withheld: replaced by the
   * text `${NAME}`, so it is never analysed, shown or sent to a registry (it may be a secret).
   */
  buildArgs: Record<string, string>
  annotate: AnnotateMode
  /** null: the configuration's fail-on (or .hadolint.yaml's failure-threshold), else error. */
  failOn: FailOn | null
  /** hadolint's configuration file, when the input names one. */
  hadolintConfig: string | null
  /** ShellCheck: true (when on PATH), false, or the program's path; null: the configuration's. */
  shellcheck: boolean | string | null
  comment: 'always' | 'on-findings' | 'never'
  /** With on-findings: the PR's findings below this never create a comment (an existing one is still updated). */
  commentMinSeverity: Severity
  commentKey: string
  /** Inline review comments with ```suggestion blocks for mechanical fixes on the PR's changed lines. */
  suggestions: boolean
  checkRun: boolean
  checkName: string
  sarifFile: string | null
  jsonFile: string | null
  registryLookup: boolean
  /** By registry host (`docker.io` for Docker Hub). */
  registryCredentials: Record<string, RegistryCredentials>
  registryTimeoutMs: number
  /** Images the workflow built: `ref`, or `path=ref` per Dockerfile. */
  images: string[]
  /** Internal hosts, addresses and ranges the registry look-ups may ask. */
  registryAllow: string[]
  /** Over the configuration's: `300MB`, or lines `glob=300MB`. */
  sizeBudget: SizeBudget[]
  sizeDeltaBudget: SizeBudget[]
}

export class InputError extends Error {}

function choice<T extends string>(name: string, allowed: readonly T[], fallback: T): T {
  const value = core.getInput(name).trim() || fallback
  if (!(allowed as readonly string[]).includes(value)) throw new InputError(`input ${name} must be one of ${allowed.join(', ')}, not "${value}"`)
  return value as T
}

export function readInputs(): ActionInputs {
  const shown = new Set(core.getInput('build-args-public').split(/[\s,]+/).filter((n) => n !== ''))
  const buildArgs: Record<string, string> = {}
  core.getMultilineInput('build-args').forEach((line, i) => {
    const eq = line.indexOf('=')
    // Never echo the line: its value may be a secret.
    if (eq <= 0) throw new InputError(`input build-args: line ${i + 1} is not NAME=value`)
    const name = line.slice(0, eq).trim()
    buildArgs[name] = shown.has(name) ? line.slice(eq + 1) : withheld(name)
  })
  const checkRun = boolean('check-run', true)
  const registryCredentials: Record<string, RegistryCredentials> = {}
  core.getMultilineInput('registry-credentials').forEach((line, i) => {
    // Never echo the line: it holds a password.
    const m = /^\s*([^=\s]+)\s*=\s*([^:]+):(.+)$/.exec(line)
    if (m === null) throw new InputError(`input registry-credentials: line ${i + 1} is not host=username:password`)
    const password = (m[3] as string).trim()
    core.setSecret(password)
    registryCredentials[m[1] as string] = { username: (m[2] as string).trim(), password }
  })
  const timeout = Number(core.getInput('registry-timeout').trim() || '10')
  if (!Number.isFinite(timeout) || timeout <= 0) throw new InputError(`input registry-timeout must be a number of seconds, not "${core.getInput('registry-timeout')}"`)
  return {
    token: core.getInput('github-token'),
    dockerfiles: core.getMultilineInput('dockerfiles').filter((p) => p.trim() !== ''),
    config: core.getInput('config').trim() || null,
    target: core.getInput('target').trim() || null,
    buildArgs,
    annotate: choice('annotate', ['changed-lines', 'changed-files', 'all'] as const, 'changed-lines'),
    failOn: core.getInput('fail-on').trim() === '' ? null : choice('fail-on', ['error', 'warning', 'info', 'never'] as const, 'error'),
    hadolintConfig: core.getInput('hadolint-config').trim() || null,
    shellcheck: shellcheckInput(core.getInput('shellcheck').trim()),
    comment: choice('comment', ['always', 'on-findings', 'never'] as const, 'on-findings'),
    commentMinSeverity: choice('comment-min-severity', ['error', 'warning', 'info'] as const, 'warning'),
    commentKey: core.getInput('comment-key').trim(),
    suggestions: boolean('suggestions', false),
    checkRun,
    checkName: core.getInput('check-name').trim() || 'Stagecraft',
    sarifFile: core.getInput('sarif-file').trim() || null,
    jsonFile: core.getInput('json-file').trim() || null,
    registryLookup: boolean('registry-lookup', true),
    registryCredentials,
    registryTimeoutMs: Math.round(timeout * 1000),
    images: core.getMultilineInput('image').filter((l) => l.trim() !== ''),
    registryAllow: registryAllowInput(),
    sizeBudget: budgetInput('size-budget'),
    sizeDeltaBudget: budgetInput('size-delta-budget')
  }
}

/**
 * What a withheld build arg expands to: its own reference, which no image reference, path or
 * URL check accepts as a value, so `FROM evil.example/x:${TOKEN}` (or an `ARG X=${TOKEN}` alias)
 * shows `${TOKEN}` and is never looked up.
 */
export function withheld(name: string): string {
  return `\${${name}}`
}

function registryAllowInput(): string[] {
  const entries = core
    .getMultilineInput('registry-allow')
    .flatMap((l) => l.split(','))
    .map((e) => e.trim())
    .filter((e) => e !== '')
  for (const e of entries) {
    const problem = allowEntryProblem(e)
    if (problem !== null) throw new InputError(`input registry-allow: ${problem}`)
  }
  return entries
}

/** `300MB` for every file, or one `glob=size` per line. */
function budgetInput(name: string): SizeBudget[] {
  return core
    .getMultilineInput(name)
    .filter((l) => l.trim() !== '')
    .map((line) => {
      const eq = line.lastIndexOf('=')
      const path = eq > 0 ? line.slice(0, eq).trim() : null
      const written = (eq > 0 ? line.slice(eq + 1) : line).trim()
      const bytes = parseSize(written)
      if (bytes === null || bytes <= 0 || /^\d+(?:\.\d+)?$/.test(written)) throw new InputError(`input ${name}: "${line.trim()}" is not a size such as 300MB (or glob=300MB)`)
      return { path, bytes, written, origin: `input ${name}` }
    })
}

function shellcheckInput(value: string): boolean | string | null {
  return value === '' ? null : value === 'true' ? true : value === 'false' ? false : value
}

function boolean(name: string, fallback: boolean): boolean {
  const value = core.getInput(name).trim() || String(fallback)
  if (value !== 'true' && value !== 'false') throw new InputError(`input ${name} must be true or false, not "${value}"`)
  return value === 'true'
}
