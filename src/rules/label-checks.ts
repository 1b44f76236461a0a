/**
 * What the label rules share: the label policy a configuration gives (`labels:` in .stagecraft.yml,
 * hadolint's `label-schema` and `strict-labels`), the OCI preset, the LABEL instructions read as
 * key/value pairs, and the labels each shipped image ends up with. Labels are judged on the
 * shipped images only: a label on a build stage is never seen by anyone.
 */
import { stageChain } from '../graph/image.js'
import { canonicalRepository, parseImageReference } from '../parse/image-ref.js'
import { LABEL_TYPES, valueIsOfType, type LabelType } from '../parse/label-values.js'
import { expandWord, referencedNames } from '../parse/variables.js'
import { unquote } from '../parse/words.js'
import type { DockerfileModel, Instruction, Stage } from '../model/dockerfile.js'
import type { StageGraph } from '../model/graph.js'
import type { LabelPolicy, Rule, RuleMeta } from './types.js'

export { LABEL_TYPES, type LabelType }

export const OCI_PREFIX = 'org.opencontainers.image.'

/** The OCI image-spec's annotation keys (annotations.md) with the type each value has. */
export const OCI_LABELS: Readonly<Record<string, LabelType>> = {
  'org.opencontainers.image.created': 'rfc3339',
  'org.opencontainers.image.authors': 'text',
  'org.opencontainers.image.url': 'url',
  'org.opencontainers.image.documentation': 'url',
  'org.opencontainers.image.source': 'url',
  'org.opencontainers.image.version': 'text',
  'org.opencontainers.image.revision': 'hash',
  'org.opencontainers.image.vendor': 'text',
  'org.opencontainers.image.licenses': 'spdx',
  'org.opencontainers.image.ref.name': 'text',
  'org.opencontainers.image.title': 'text',
  'org.opencontainers.image.description': 'text',
  'org.opencontainers.image.base.digest': 'text',
  'org.opencontainers.image.base.name': 'text'
}

export const BASE_NAME = 'org.opencontainers.image.base.name'
export const BASE_DIGEST = 'org.opencontainers.image.base.digest'

/**
 * The OCI keys the preset requires, each read by a tool: GHCR links a package to its repository
 * by `source` and shows `licenses`; Docker Scout's base-image policies need `base.name` and
 * `base.digest`; `revision` ties the image to its commit. The other OCI keys are typed, not required.
 */
export const OCI_REQUIRED: readonly string[] = ['org.opencontainers.image.source', 'org.opencontainers.image.revision', 'org.opencontainers.image.licenses', BASE_NAME, BASE_DIGEST]

export const NO_LABELS: LabelPolicy = { types: {}, required: [], strict: false }

/** Whether the configuration asks for any label check (they are all off otherwise). */
export function labelsConfigured(policy: LabelPolicy | undefined): policy is LabelPolicy {
  return policy !== undefined && (policy.strict || policy.required.length > 0 || Object.keys(policy.types).length > 0)
}

export interface LabelPair {
  /** The key after quote removal and expansion. */
  key: string
  /** The value as written. */
  raw: string
  /** The value after quote removal and expansion. */
  value: string
  /** The key or value uses a variable: it is decided at build time (`--build-arg`), not here. */
  variable: boolean
  keyVariable: boolean
  instruction: Instruction
  stage: number
}

/** The first `=` outside quotes, or -1. */
function separator(word: string): number {
  let quote = ''
  for (let i = 0; i < word.length; i++) {
    const c = word[i] as string
    if (quote !== '') {
      if (c === quote) quote = ''
      else if (c === '\\' && quote === '"') i++
    } else if (c === '"' || c === "'") quote = c
    else if (c === '\\') i++
    else if (c === '=') return i
  }
  return -1
}

const pairsCache = new WeakMap<Instruction, LabelPair[]>()

/** The key/value pairs of a LABEL (`LABEL a=1 "b c"="d"`, or the legacy `LABEL key some value`), read once per instruction for all the label rules. */
export function labelPairs(model: DockerfileModel, instruction: Instruction): LabelPair[] {
  if (instruction.keyword !== 'LABEL' || instruction.args.length === 0) return []
  let pairs = pairsCache.get(instruction)
  if (pairs === undefined) {
    pairs = readPairs(model, instruction)
    pairsCache.set(instruction, pairs)
  }
  return pairs
}

function readPairs(model: DockerfileModel, instruction: Instruction): LabelPair[] {
  const escape = model.directives.escape?.value ?? '\\'
  const pair = (keyRaw: string, raw: string): LabelPair => {
    const keyVariable = referencedNames(keyRaw).length > 0
    return {
      key: keyVariable ? expandWord(keyRaw, instruction.scope, escape).value : unquote(keyRaw),
      raw,
      value: expandWord(raw, instruction.scope, escape).value,
      variable: keyVariable || referencedNames(raw).length > 0,
      keyVariable,
      instruction,
      stage: instruction.stage
    }
  }
  const first = instruction.args[0] as string
  if (separator(first) < 0) return [pair(first, instruction.args.slice(1).join(' '))]
  return instruction.args.flatMap((word) => {
    const eq = separator(word)
    return eq <= 0 ? [] : [pair(word.slice(0, eq), word.slice(eq + 1))]
  })
}

/** Every LABEL pair of a stage, in order. */
export function stageLabels(model: DockerfileModel, stage: Stage): LabelPair[] {
  return stage.instructions.flatMap((i) => labelPairs(model, i))
}

/** The runtime images this file builds: their stages (the last of each FROM chain). */
export function shippedTargets(graph: StageGraph): number[] {
  return graph.targets.filter((t) => t.purpose === 'runtime').map((t) => t.stage)
}

/** The labels one shipped image ends up with: each key's last assignment along its FROM chain. */
export function imageLabels(model: DockerfileModel, target: number): Map<string, LabelPair> {
  const labels = new Map<string, LabelPair>()
  for (const stage of stageChain(model, target)) for (const p of stageLabels(model, stage)) labels.set(p.key, p)
  return labels
}

/** The assignments that reach a shipped image (an earlier assignment of the same key is overwritten), each once. */
export function shippedAssignments(model: DockerfileModel, graph: StageGraph): LabelPair[] {
  const seen = new Set<LabelPair>()
  for (const target of shippedTargets(graph)) for (const p of imageLabels(model, target).values()) seen.add(p)
  return [...seen].sort((a, b) => a.instruction.line - b.instruction.line)
}

/** Every LABEL instruction in a stage that ships, with its pairs. */
export function shippedLabelInstructions(model: DockerfileModel, graph: StageGraph): { instruction: Instruction; pairs: LabelPair[] }[] {
  return model.stages
    .filter((s) => graph.roles[s.index] === 'ships')
    .flatMap((s) => s.instructions.filter((i) => i.keyword === 'LABEL').map((instruction) => ({ instruction, pairs: labelPairs(model, instruction) })))
}

/** Where a label's rule comes from, for messages. */
export const CONFIGURED = 'the label schema (labels: in .stagecraft.yml, or label-schema in .hadolint.yaml)'

/** A value as a message quotes it: a long one is cut. */
export function shown(value: string): string {
  return value.length > 60 ? `${value.slice(0, 57)}...` : value
}

/** What a value of the type looks like, for messages. */
export const EXAMPLE: Readonly<Record<LabelType, string>> = {
  text: '…',
  url: 'https://github.com/org/repo',
  email: 'team@example.com',
  hash: 'the commit, e.g. from ARG REVISION and --build-arg REVISION=$(git rev-parse HEAD)',
  rfc3339: 'the build time, e.g. from ARG CREATED and --build-arg CREATED=$(date -u +%Y-%m-%dT%H:%M:%SZ)',
  semver: '1.2.3',
  spdx: 'Apache-2.0'
}

export interface LabelValueSpec {
  id: string
  hadolint: string
  type: Exclude<LabelType, 'text'>
  /** What the type is, for the title and the message: `a URL`. */
  what: string
  /** Why the value is not of the type, when a common mistake explains it (`v1.2.3`: drop the v). */
  hint?: (value: string) => string | null
}

/**
 * The rules that check a label's value against its type in the schema (DL3052–DL3056, DL3058):
 * one check, each with its type. A value from a variable is decided at build time and is not
 * judged; an empty value is label-empty's.
 */
export function labelValueRule(spec: LabelValueSpec): Rule {
  const meta: RuleMeta = {
    id: spec.id,
    title: `A label the schema types ${spec.type} is not ${spec.what}`,
    severity: 'warning',
    category: 'correctness',
    scope: 'ships',
    equivalents: { hadolint: spec.hadolint, buildkit: null }
  }
  return {
    meta,
    check: ({ model, graph, labels }) => {
      if (!labelsConfigured(labels)) return []
      return shippedAssignments(model, graph)
        .filter((p) => labels.types[p.key] === spec.type && !p.variable && p.value.trim() !== '' && !valueIsOfType(spec.type, p.value.trim()))
        .map((p) => {
          const hint = spec.hint?.(p.value.trim()) ?? null
          return {
            line: p.instruction.line,
            endLine: p.instruction.endLine,
            message: `label ${shown(p.key)}="${shown(p.value)}" is not ${spec.what}, as ${CONFIGURED} requires${hint === null ? '' : ` (${hint})`}: e.g. ${p.key}="${EXAMPLE[spec.type]}"`,
            stage: p.stage
          }
        })
    }
  }
}

/** What the FROM chain says the shipped image is built on, for base.name and base.digest. */
export interface DerivedBase {
  /** The root FROM is scratch: there is no base image to name. */
  scratch: boolean
  /** The fully qualified reference (`docker.io/library/node:20-slim`), or null when the FROM uses a variable with no value. */
  name: string | null
  /** The FROM's digest, or null when it names none. */
  digest: string | null
  /** The image as the root FROM writes it. */
  written: string
  line: number
}

/** The image a shipped stage's FROM chain starts from. */
export function derivedBase(model: DockerfileModel, target: number): DerivedBase | null {
  const root = stageChain(model, target)[0]
  if (root === undefined || root.base.kind === 'stage') return null
  const base = { scratch: root.base.kind === 'scratch', written: root.base.raw, line: root.line }
  const ref = root.base.unresolved.length > 0 ? null : parseImageReference(root.base.resolved)
  if (ref === null) return { ...base, name: null, digest: null }
  return { ...base, name: `${canonicalRepository(ref)}:${ref.tag ?? 'latest'}`, digest: ref.digest }
}

/** A base.name value in the same form as derivedBase's, to compare them; null when it is no image reference. */
export function canonicalImage(value: string): string | null {
  const ref = parseImageReference(value)
  return ref === null ? null : `${canonicalRepository(ref)}:${ref.tag ?? 'latest'}`
}
