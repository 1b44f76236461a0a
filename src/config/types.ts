/** The configuration's shape, shared by our own file and hadolint's. */
import type { RuleLevel } from '../rules/engine.js'
import type { OptionValue } from '../rules/types.js'
import type { Severity } from '../model/finding.js'
import type { LabelType } from '../parse/label-values.js'
import { LineCounter, parseDocument } from 'yaml'

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

export { LABEL_TYPES } from '../parse/label-values.js'

/** Presets of `labels:` (the label keys of a standard, typed, the ones tools read required). */
export const LABEL_PRESETS = ['oci'] as const
export type LabelPreset = (typeof LABEL_PRESETS)[number]

/** `size-budget:` / `size-delta-budget:` — a size for the Dockerfiles a glob matches (every file when null). */
export interface SizeBudget {
  path: string | null
  bytes: number
  /** As written (`300MB`), for messages. */
  written: string
  /** Where it was set (the configuration file, or the input). */
  origin: string
}

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
  /** Rules no inline suppression comment silences (`rules: { <id>: { suppressible: false } }`): a policy's own rules. */
  unsuppressible: string[]
  /** false: `# hadolint ignore=` pragmas do not count (hadolint's disable-ignore-pragma). */
  hadolintPragmas: boolean
  suppress: SuppressRule[]
  /** Run ShellCheck over RUN scripts: true when it is on PATH, false never, or the program's path. */
  shellcheck: boolean | string
  /** Labels the shipped image must have, by name, with their type (`labels: schema`, hadolint's label-schema). */
  labelSchema: Record<string, LabelType>
  /** `labels: preset` (oci): its keys typed, the ones tools read required; null for none. */
  labelPreset: LabelPreset | null
  /** A label the schema (or preset) does not name is reported (`labels: strict`, hadolint's strict-labels). */
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
  unsuppressible: [],
  hadolintPragmas: true,
  suppress: [],
  shellcheck: true,
  labelSchema: {},
  labelPreset: null,
  strictLabels: false,
  registryAllow: [],
  sizeBudget: [],
  sizeDeltaBudget: [],
  origins: {},
  notApplied: []
})

export class ConfigError extends Error {
  /** The setting at fault, as a path of keys (`['labels', 'preset']`), for its line in the file. */
  readonly at: readonly (string | number)[] | undefined
  constructor(message: string, at?: readonly (string | number)[]) {
    super(message)
    this.at = at
  }
}

/** A ConfigError that names its setting, with the setting's line put after the file name (`.stagecraft.yml:4: …`). */
export function withLine(err: unknown, text: string, where: string): unknown {
  if (!(err instanceof ConfigError) || err.at === undefined || !err.message.startsWith(`${where}: `)) return err
  const lines = new LineCounter()
  const node = parseDocument(text, { lineCounter: lines }).getIn(err.at, true) as { range?: [number, number, number] } | undefined
  const start = node?.range?.[0]
  if (start === undefined) return err
  return new ConfigError(`${where}:${lines.linePos(start).line}: ${err.message.slice(where.length + 2)}`, err.at)
}
