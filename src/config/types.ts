/** The configuration's shape, shared by our own file and hadolint's. */
import type { RuleLevel } from '../rules/engine.js'
import type { OptionValue } from '../rules/types.js'
import type { Severity } from '../model/finding.js'

/** `images:` — what the built images are for, by Dockerfile path and/or target (stage) name. */
export interface ImagePurposeRule {
  /** Glob of Dockerfile paths (repository-relative); absent: every file. */
  path: string | null
  /** Glob of target (stage) names; absent: every target. */
  target: string | null
  purpose: 'runtime' | 'environment'
}

/** The lowest severity that fails the run, or never. */
export type FailOn = Severity | 'never'

/** `suppress:` — rules ignored in some files and/or stages, without a comment in the Dockerfile. */
export interface SuppressRule {
  /** As written: rule ids, hadolint codes, ShellCheck codes. */
  rules: string[]
  /** What they mean: rule ids, and `shellcheck/SC2086` for one ShellCheck code. */
  ids: string[]
  /** Globs of Dockerfile paths; null: every file. */
  paths: string[] | null
  /** Globs of stage names (case-insensitive); null: every stage. */
  stages: string[] | null
}

/** `size-budget:` / `size-delta-budget:` — a size for the Dockerfiles a glob matches (every file when null). */
export interface SizeBudget {
  path: string | null
  bytes: number
  /** As written (`300MB`), for messages. */
  written: string
  /** Where it was set (the configuration file, or the input). */
  origin: string
}

/** hadolint's label types (`label-schema`). */
export const LABEL_TYPES = ['text', 'url', 'email', 'hash', 'rfc3339', 'semver', 'spdx'] as const

export interface Config {
  rules: Record<string, RuleLevel>
  images: ImagePurposeRule[]
  /** Rule options by rule id, then option name. */
  options: Record<string, Record<string, OptionValue>>
  ignore: string[]
  target: string | null
  buildArgs: Record<string, string>
  /** null: the caller's default (error). */
  failOn: FailOn | null
  /** false (a policy repository): no inline suppression comment counts, ours, hadolint's or BuildKit's. */
  allowSuppressions: boolean
  /** false: `# hadolint ignore=` pragmas do not count (hadolint's disable-ignore-pragma). */
  hadolintPragmas: boolean
  suppress: SuppressRule[]
  /** Run ShellCheck over RUN scripts: true when it is on PATH, false never, or the program's path. */
  shellcheck: boolean | string
  /** Labels the shipped image must have, by name, with their type; stored for the label rules. */
  labelSchema: Record<string, string>
  strictLabels: boolean
  /** Internal hosts, addresses and ranges the registry look-ups may ask (`registry-allow`). */
  registryAllow: string[]
  /** The shipped image's compressed size at most, per file glob (first match wins). */
  sizeBudget: SizeBudget[]
  /** How much one change may grow the shipped image, per file glob (first match wins). */
  sizeDeltaBudget: SizeBudget[]
  /** Where each setting that is not a default came from, by setting (`rules.pipefail`, `fail-on`...). */
  origins: Record<string, string>
  /** Settings read but not applied, each with its reason (hadolint codes Stagecraft has no rule for...). */
  notApplied: string[]
}

export const emptyConfig = (): Config => ({
  rules: {},
  images: [],
  options: {},
  ignore: [],
  target: null,
  buildArgs: {},
  failOn: null,
  allowSuppressions: true,
  hadolintPragmas: true,
  suppress: [],
  shellcheck: true,
  labelSchema: {},
  strictLabels: false,
  registryAllow: [],
  sizeBudget: [],
  sizeDeltaBudget: [],
  origins: {},
  notApplied: []
})

export class ConfigError extends Error {}
