/**
 * A rule is metadata plus a pure check over the model and the stage graph (like an ESLint rule
 * module). The engine applies the rule's scope, its severity (or the configured one) and the
 * suppressions, so a check only says where and what.
 */

import type { Equivalents, Severity } from '../model/finding.js'
import type { DockerfileModel, PackageManager } from '../model/dockerfile.js'
import type { BuildContext } from '../model/analysis.js'
import type { StageGraph } from '../model/graph.js'
import type { ShellcheckComment } from '../model/shellcheck.js'
import type { LabelType } from '../parse/label-values.js'
import type { BaseFacts, SizeFact } from '../model/image.js'

export type Category = 'correctness' | 'structure' | 'size' | 'security' | 'cache' | 'style'

/**
 * `all`: every stage. `ships`: only stages whose content is in the shipped image; what a rule
 * reports in a build or unused stage is dropped, because waste there never reaches users.
 */
export type RuleScope = 'all' | 'ships'

export interface RuleMeta {
  /** kebab-case; the docs page is docs/rules/<id>.md. */
  id: string
  title: string
  severity: Severity
  category: Category
  scope: RuleScope
  equivalents: Equivalents
  /** Off unless turned on by level in the configuration (like BuildKit's experimental checks). */
  experimental?: boolean
  /**
   * `file`: the finding is about the file as a whole (stage graph, shipped image), so a PR that
   * changes the file owns it even when its line did not change. Default: about its own lines.
   */
  about?: 'file'
  options?: readonly RuleOption[]
  /**
   * `info`: in the stages of a build, dev, CI or test environment the finding is info (a masked
   * failure or a floating base there costs a rebuild, not a broken deployment).
   */
  inEnvironments?: 'info'
  /**
   * What a file must have for the rule to report anything on it (any one of the listed things):
   * the engine skips the rule on other files (see needs.ts). A necessary condition, never a
   * guess: leave it out when the rule can report on a file without any of them.
   */
  needs?: RuleNeeds
}

/** A rule's needs, in terms of the model (see needs.ts); at least one list. */
export interface RuleNeeds {
  /** A RUN runs one of these programs (ShellCommand.program of RunDetails.commands). */
  programs?: readonly string[]
  /** A RUN installs packages with one of these managers (RunDetails.installs). */
  managers?: readonly PackageManager[]
  /** An instruction with one of these keywords (upper case). */
  keywords?: readonly string[]
}

export interface RuleReport {
  line: number
  endLine?: number
  message: string
  /** The stage the report is about; required for `ships`-scoped rules to be filtered. */
  stage: number | null
  /** Overrides the rule's default severity for this report (e.g. info in a dead build stage). */
  severity?: Severity
  /**
   * Other lines whose suppression comments also cover this report: a finding shown at the ARG
   * whose default a FROM uses is still silenced by an ignore comment above that FROM.
   */
  alsoSuppressedAt?: readonly number[]
  /** Overrides the rule's equivalents for this report: the shellcheck rule names each finding's SC code here. */
  equivalents?: Equivalents
}

export type OptionValue = boolean | string | number | readonly string[] | null

/** A setting a rule reads, declared with the rule; the config loader validates it against this. */
export interface RuleOption {
  /** kebab-case, as written in the configuration (`rules: { <id>: { <name>: … } }`, or top level). */
  name: string
  type: 'boolean' | 'string' | 'number' | 'string-list'
  default: OptionValue
  /** For a string option: the values it may take (the config loader rejects others). */
  choices?: readonly string[]
  /** One sentence for the docs and `--list-rules`. */
  doc: string
}

export interface RuleContext {
  /** The build context's .dockerignore; undefined when unknown (rules about it stay silent). */
  buildContext?: BuildContext | undefined
  /**
   * Image names this repository builds itself (the folders and `<name>.Dockerfile` files its
   * Dockerfiles live in), when the repository could be listed: `r.j3ss.co/wine` next to `wine/Dockerfile`.
   */
  repositoryImages?: ReadonlySet<string> | undefined
  model: DockerfileModel
  graph: StageGraph
  /** The Dockerfile's path in the repository (ESLint's `filename`), for advice that depends on where the file lives; undefined when the caller has none. */
  path?: string | undefined
  /** The rules this run knows, for rules about rules (suppression comments). */
  rules: readonly Rule[]
  /** This rule's options: the configured values over the defaults its meta declares. */
  options: Readonly<Record<string, OptionValue>>
  /** What ShellCheck said about the RUN scripts, when the review ran it (the shellcheck rule reads it). */
  shellcheck?: readonly ShellcheckComment[] | undefined
  /** The labels the shipped image must have and their types (`labels:`); undefined: no label checks. */
  labels?: LabelPolicy | undefined
  /**
   * By stage index: what the registry said about the image that stage's FROM names (its config's
   * user, ENV names, healthcheck, …); null for a stage, scratch or a look-up that failed.
   * Undefined without registry look-ups: rules then judge from the Dockerfile alone, as before.
   */
  baseFacts?: readonly (BaseFacts | null)[] | undefined
  /** By stage index: the compressed size of the image that stage's FROM names (registry, else estimate); null when unknown. */
  baseSizes?: readonly (SizeFact | null)[] | undefined
  /**
   * The shipped image's base size in the version before the change: null when that version
   * ships nothing known, undefined when there is no version before (a new file, or no diff).
   */
  previousShippedSize?: SizeFact | null | undefined
  /** The date the review runs on (`YYYY-MM-DD`), for dated tables; default: today. */
  today?: string | undefined
}

/** What the configuration says of the shipped image's labels (`labels:`, hadolint's `label-schema`). */
export interface LabelPolicy {
  /** Labels with a type: a literal value is checked against it; under `strict`, the only labels allowed. */
  types: Readonly<Record<string, LabelType>>
  /** Labels the shipped image must have. */
  required: readonly string[]
  /** hadolint's strict-labels: a label the schema does not name is reported. */
  strict: boolean
}

export interface Rule {
  meta: RuleMeta
  check(context: RuleContext): RuleReport[]
}
