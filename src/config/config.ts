/**
 * `.stagecraft.yml`: per-rule levels and options, path ignores, the default target and build
 * args. Rule options are declared by the rules themselves (`meta.options`) and may be written
 * under the rule (`rules: { untrusted-registry: { level: error, trusted-registries: [...] } }`)
 * or, as a shortcut, at the top level (`trusted-registries: [...]`). Validated strictly: an
 * unknown key, rule id or option is an error that names it, because a silently ignored setting
 * is the classic linter-config complaint.
 */
import { existsSync, readFileSync, statSync } from 'node:fs'
import { resolve } from 'node:path'
import { parse as parseYaml, YAMLParseError } from 'yaml'
import picomatch from 'picomatch'
import type { RuleLevel, ScopedIgnore } from '../rules/engine.js'
import type { OptionValue, Rule, RuleOption } from '../rules/types.js'
import { SUPPRESSION_TOOLS, type SuppressionTool } from '../rules/suppressions.js'
import { fromHadolintConfig, HADOLINT_CONFIG_FILES } from './hadolint.js'
import { ConfigError, emptyConfig, LABEL_PRESETS, LABEL_TYPES, withLine, type Config, type FailOn, type ImagePurposeRule, type LabelPreset, type SizeBudget, type SuppressRule } from './types.js'
import type { LabelType } from '../parse/label-values.js'
import { OCI_LABELS, OCI_REQUIRED } from '../rules/label-checks.js'
import type { LabelPolicy } from '../rules/types.js'
import { allowEntryProblem, parseSize } from '../parse/settings.js'

export { ConfigError, emptyConfig, HADOLINT_CONFIG_FILES, type Config, type FailOn, type ImagePurposeRule, type SizeBudget, type SuppressRule }

/** Where a config is looked for, in order, when none is given. */
export const CONFIG_FILES: readonly string[] = ['.stagecraft.yml', '.stagecraft.yaml', '.github/stagecraft.yml', '.github/stagecraft.yaml']

const LEVELS: readonly string[] = ['off', 'info', 'warning', 'error']
const KEYS: readonly string[] = ['rules', 'images', 'ignore', 'target', 'build-args', 'fail-on', 'allow-suppressions', 'suppress', 'shellcheck', 'labels', 'label-schema', 'strict-labels', 'registry-allow', 'size-budget', 'size-delta-budget']
const FAIL_ON: readonly string[] = ['error', 'warning', 'info', 'never']

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function stringList(value: unknown, key: string, where: string): string[] {
  if (!Array.isArray(value) || !value.every((v) => typeof v === 'string')) throw new ConfigError(`${where}: "${key}" must be a list of strings`)
  return value
}

function optionValue(option: RuleOption, value: unknown, where: string): OptionValue {
  const ok =
    option.type === 'string-list' ? Array.isArray(value) && value.every((v) => typeof v === 'string') : option.type === 'boolean' ? typeof value === 'boolean' : typeof value === option.type
  if (!ok) throw new ConfigError(`${where}: option "${option.name}" must be ${option.type === 'string-list' ? 'a list of strings' : option.type === 'boolean' ? 'true or false' : `a ${option.type}`}`)
  if (option.choices !== undefined && !option.choices.includes(value as string)) throw new ConfigError(`${where}: option "${option.name}" must be ${option.choices.join(', ')}, not "${String(value)}"`)
  return value as OptionValue
}

function setOption(config: Config, rule: Rule, option: RuleOption, value: unknown, where: string): void {
  config.options[rule.meta.id] = { ...config.options[rule.meta.id], [option.name]: optionValue(option, value, where) }
  config.origins[`options.${rule.meta.id}.${option.name}`] = where
}

const SUPPRESS_KEYS = ['rules', 'paths', 'stages']

/** What a name in `suppress: rules` means: a rule id, a hadolint code (every rule with it), or a ShellCheck code. */
function suppressedIds(name: string, rules: readonly Rule[], at: string): string[] {
  if (/^SC\d{4}$/i.test(name)) return [`shellcheck/${name.toUpperCase()}`]
  if (rules.some((r) => r.meta.id === name)) return [name]
  const byCode = rules.filter((r) => r.meta.equivalents.hadolint === name.toUpperCase() || r.meta.equivalents.buildkit === name)
  if (byCode.length === 0) throw new ConfigError(`${at}: "${name}" is not a Stagecraft rule, nor a hadolint or BuildKit code of one (stagecraft --list-rules shows them)`)
  return byCode.map((r) => r.meta.id)
}

/** `suppress: [{ rules: [root-user, DL3008], stages: ["dev*"], paths: ["ci/**"] }]` */
function suppressRules(value: unknown, rules: readonly Rule[], where: string): SuppressRule[] {
  if (!Array.isArray(value)) throw new ConfigError(`${where}: "suppress" must be a list of { rules, stages, paths }`)
  return value.map((entry, i) => {
    const at = `${where}: suppress[${i}]`
    if (!isRecord(entry)) throw new ConfigError(`${at} must be a mapping with rules, and stages and/or paths`)
    const unknown = Object.keys(entry).filter((k) => !SUPPRESS_KEYS.includes(k))
    if (unknown.length > 0) throw new ConfigError(`${at}: unknown key "${unknown[0] as string}" (expected ${SUPPRESS_KEYS.join(', ')})`)
    const names = stringList(entry.rules, 'rules', at)
    if (names.length === 0) throw new ConfigError(`${at}: "rules" must name at least one rule`)
    const globs = (key: 'paths' | 'stages'): string[] | null => (entry[key] === undefined || entry[key] === null ? null : stringList(entry[key], key, at))
    return { rules: names, ids: names.flatMap((n) => suppressedIds(n, rules, at)), paths: globs('paths'), stages: globs('stages') }
  })
}

const IMAGE_KEYS = ['path', 'target', 'purpose']

/** `images: [{ path: "ci/**", purpose: environment }, { target: "dev*", purpose: environment }]` */
function imageRules(value: unknown, where: string): ImagePurposeRule[] {
  if (!Array.isArray(value)) throw new ConfigError(`${where}: "images" must be a list of { path, target, purpose }`)
  return value.map((entry, i) => {
    const at = `${where}: images[${i}]`
    if (!isRecord(entry)) throw new ConfigError(`${at} must be a mapping with purpose and a path and/or target`)
    const unknown = Object.keys(entry).filter((k) => !IMAGE_KEYS.includes(k))
    if (unknown.length > 0) throw new ConfigError(`${at}: unknown key "${unknown[0] as string}" (expected ${IMAGE_KEYS.join(', ')})`)
    const glob = (key: 'path' | 'target'): string | null => {
      const v = entry[key]
      if (v === undefined || v === null) return null
      if (typeof v !== 'string' || v === '') throw new ConfigError(`${at}: "${key}" must be a glob`)
      return v
    }
    const purpose = entry.purpose
    if (purpose !== 'runtime' && purpose !== 'environment') throw new ConfigError(`${at}: "purpose" must be runtime or environment`)
    const rule = { path: glob('path'), target: glob('target'), purpose } as const
    if (rule.path === null && rule.target === null) throw new ConfigError(`${at} needs a path or a target (or both)`)
    return rule
  })
}

function labelSchema(value: unknown, key: string, where: string): Record<string, LabelType> {
  const at = key.split('.')
  if (!isRecord(value)) throw new ConfigError(`${where}: "${key}" must map label names to ${LABEL_TYPES.join(', ')}`, at)
  const schema: Record<string, LabelType> = {}
  for (const [label, type] of Object.entries(value)) {
    if (typeof type !== 'string' || !(LABEL_TYPES as readonly string[]).includes(type)) throw new ConfigError(`${where}: "${key}": label "${label}" must be one of ${LABEL_TYPES.join(', ')}, not ${JSON.stringify(type)}`, [...at, label])
    schema[label] = type as LabelType
  }
  return schema
}

const LABELS_KEYS = ['preset', 'schema', 'strict']

/** `labels: { preset: oci, schema: { com.example.team: text }, strict: false }` */
function readLabels(config: Config, value: unknown, where: string): void {
  if (!isRecord(value)) throw new ConfigError(`${where}: "labels" must be a mapping with preset, schema and/or strict`, ['labels'])
  const unknown = Object.keys(value).filter((k) => !LABELS_KEYS.includes(k))
  if (unknown.length > 0) throw new ConfigError(`${where}: "labels" has no key "${unknown[0] as string}" (expected ${LABELS_KEYS.join(', ')})`, ['labels', unknown[0] as string])
  if (value.preset !== undefined && value.preset !== null) {
    if (typeof value.preset !== 'string' || !(LABEL_PRESETS as readonly string[]).includes(value.preset)) throw new ConfigError(`${where}: "labels.preset" must be ${LABEL_PRESETS.join(' or ')}, not ${JSON.stringify(value.preset)}`, ['labels', 'preset'])
    config.labelPreset = value.preset as LabelPreset
    config.origins['label-preset'] = `${where} (labels.preset)`
  }
  if (value.schema !== undefined && value.schema !== null) {
    config.labelSchema = labelSchema(value.schema, 'labels.schema', where)
    config.origins['label-schema'] = `${where} (labels.schema)`
  }
  if (value.strict !== undefined) {
    if (typeof value.strict !== 'boolean') throw new ConfigError(`${where}: "labels.strict" must be true or false`, ['labels', 'strict'])
    config.strictLabels = value.strict
    config.origins['strict-labels'] = `${where} (labels.strict)`
  }
}

/**
 * What the label rules check: the preset's keys typed and the ones tools read required, then the
 * schema's labels, each required and typed (a schema entry wins over the preset's type).
 */
export function labelPolicy(config: Config): LabelPolicy {
  const preset = config.labelPreset === 'oci'
  const types: Record<string, LabelType> = { ...(preset ? OCI_LABELS : {}), ...config.labelSchema }
  const required = [...new Set([...(preset ? OCI_REQUIRED : []), ...Object.keys(config.labelSchema)])]
  return { types, required, strict: config.strictLabels }
}

/** `size-budget: 300MB`, or `size-budget: { "services/**": 150MB, "**": 500MB }` (first match wins). */
export function sizeBudgets(value: unknown, key: string, where: string): SizeBudget[] {
  const one = (text: unknown, path: string | null): SizeBudget => {
    const at = path === null ? `"${key}"` : `"${key}" for "${path}"`
    if (typeof text === 'number') throw new ConfigError(`${where}: ${at} needs a unit: write ${text}MB (or kB, GB, MiB)`)
    const bytes = typeof text === 'string' ? parseSize(text) : null
    if (bytes === null || bytes <= 0) throw new ConfigError(`${where}: ${at} must be a size such as 300MB, not ${JSON.stringify(text)}`)
    return { path, bytes, written: (text as string).trim(), origin: where }
  }
  if (isRecord(value)) return Object.entries(value).map(([glob, size]) => one(size, glob))
  return [one(value, null)]
}

function level(id: string, value: unknown, where: string): RuleLevel {
  const text = value === false ? 'off' : String(value)
  if (!LEVELS.includes(text)) throw new ConfigError(`${where}: rule "${id}" must be off, info, warning or error, not "${text}"`)
  return text as RuleLevel
}

/** Validates parsed YAML against the schema; `rules` are the rules `rules:` may name, with their options. */
export function validateConfig(raw: unknown, rules: readonly Rule[], where: string): Config {
  const config = emptyConfig()
  if (raw === null || raw === undefined) return config
  // Top-level shortcuts: every option name a rule declares.
  // One name may be an option of several rules (pin-packages): the shortcut sets it on each.
  const shortcuts = new Map<string, { rule: Rule; option: RuleOption }[]>()
  for (const r of rules) for (const o of r.meta.options ?? []) shortcuts.set(o.name, [...(shortcuts.get(o.name) ?? []), { rule: r, option: o }])
  const keys = [...KEYS, ...shortcuts.keys()]
  if (!isRecord(raw)) throw new ConfigError(`${where}: the configuration must be a mapping of keys (${keys.join(', ')})`)
  for (const [key, value] of Object.entries(raw)) {
    const shortcut = shortcuts.get(key)
    if (shortcut !== undefined) {
      for (const { rule, option } of shortcut) setOption(config, rule, option, value, where)
      continue
    }
    switch (key) {
      case 'rules': {
        if (!isRecord(value)) throw new ConfigError(`${where}: "rules" must map rule ids to off, info, warning or error (or to { level, options })`)
        for (const [id, setting] of Object.entries(value)) {
          const rule = rules.find((r) => r.meta.id === id)
          if (rule === undefined) throw new ConfigError(`${where}: unknown rule "${id}" in "rules" (stagecraft --list-rules shows the ids)`)
          if (!isRecord(setting)) {
            config.rules[id] = level(id, setting, where)
            config.origins[`rules.${id}`] = where
            continue
          }
          for (const [name, v] of Object.entries(setting)) {
            if (name === 'level') {
              config.rules[id] = level(id, v, where)
              config.origins[`rules.${id}`] = where
              continue
            }
            if (name === 'suppressible') {
              if (typeof v !== 'boolean') throw new ConfigError(`${where}: rule "${id}": "suppressible" must be true or false`)
              config.unsuppressible = v ? config.unsuppressible.filter((u) => u !== id) : [...new Set([...config.unsuppressible, id])]
              config.origins[`rules.${id}.suppressible`] = where
              continue
            }
            const option = rule.meta.options?.find((o) => o.name === name)
            const known = ['level', 'suppressible', ...(rule.meta.options ?? []).map((o) => o.name)]
            if (option === undefined) throw new ConfigError(`${where}: rule "${id}" has no option "${name}" (it takes ${known.join(', ')})`)
            setOption(config, rule, option, v, where)
          }
        }
        break
      }
      case 'ignore':
        config.ignore = stringList(value, key, where)
        config.origins.ignore = where
        break
      case 'images':
        config.images = imageRules(value, where)
        config.origins.images = where
        break
      case 'target':
        if (typeof value !== 'string' || value === '') throw new ConfigError(`${where}: "target" must be a stage name`)
        config.target = value
        config.origins.target = where
        break
      case 'build-args':
        if (!isRecord(value)) throw new ConfigError(`${where}: "build-args" must map names to values`)
        for (const [name, v] of Object.entries(value)) {
          if (typeof v !== 'string' && typeof v !== 'number' && typeof v !== 'boolean') throw new ConfigError(`${where}: build arg "${name}" must be a string`)
          config.buildArgs[name] = String(v)
          config.origins[`build-args.${name}`] = where
        }
        break
      case 'fail-on':
        if (typeof value !== 'string' || !FAIL_ON.includes(value)) throw new ConfigError(`${where}: "fail-on" must be error, warning, info or never`)
        config.failOn = value as FailOn
        config.origins['fail-on'] = where
        break
      case 'allow-suppressions':
        if (typeof value !== 'boolean') throw new ConfigError(`${where}: "allow-suppressions" must be true or false`)
        config.allowSuppressions = value
        config.origins['allow-suppressions'] = where
        break
      case 'suppress':
        config.suppress = suppressRules(value, rules, where)
        config.origins.suppress = where
        break
      case 'shellcheck':
        if (typeof value !== 'boolean' && (typeof value !== 'string' || value.trim() === '')) throw new ConfigError(`${where}: "shellcheck" must be true, false or the path of the shellcheck program`)
        config.shellcheck = value
        config.origins.shellcheck = where
        break
      case 'labels':
        readLabels(config, value, where)
        break
      case 'label-schema':
        config.labelSchema = labelSchema(value, 'label-schema', where)
        config.origins['label-schema'] = where
        break
      case 'strict-labels':
        if (typeof value !== 'boolean') throw new ConfigError(`${where}: "strict-labels" must be true or false`, ['strict-labels'])
        config.strictLabels = value
        config.origins['strict-labels'] = where
        break
      case 'registry-allow': {
        const entries = stringList(value, key, where)
        for (const e of entries) {
          const problem = allowEntryProblem(e)
          if (problem !== null) throw new ConfigError(`${where}: "registry-allow": ${problem}`)
        }
        config.registryAllow = entries
        config.origins['registry-allow'] = where
        break
      }
      case 'size-budget':
      case 'size-delta-budget': {
        const budgets = sizeBudgets(value, key, where)
        if (key === 'size-budget') config.sizeBudget = budgets
        else config.sizeDeltaBudget = budgets
        config.origins[key] = where
        break
      }
      default:
        throw new ConfigError(`${where}: unknown key "${key}" (expected ${keys.join(', ')})`)
    }
  }
  // The budget rules' options are strings that must be sizes.
  for (const [rule, option] of [['size-budget', 'max-size'], ['size-delta-budget', 'max-growth']] as const) {
    const value = config.options[rule]?.[option]
    if (typeof value === 'string' && (parseSize(value) === null || /^\s*\d+(?:\.\d+)?\s*$/.test(value))) throw new ConfigError(`${where}: option "${option}" must be a size such as 300MB, not "${value}"`)
  }
  return config
}

export function parseConfig(text: string, rules: readonly Rule[], where: string): Config {
  let raw: unknown
  try {
    raw = parseYaml(text)
  } catch (err) {
    const line = err instanceof YAMLParseError ? err.linePos?.[0]?.line : undefined
    throw new ConfigError(`${where}${line === undefined ? '' : `:${line}`}: not valid YAML (${(err as Error).message.split('\n')[0] ?? ''})`)
  }
  try {
    return validateConfig(raw, rules, where)
  } catch (err) {
    throw withLine(err, text, where)
  }
}


/**
 * hadolint's settings under ours: where both set the same thing, ours wins (a rule's level, an
 * option, fail-on, the label schema); lists of ignores add up.
 */
export function layerConfigs(hadolint: Config, ours: Config): Config {
  const merged: Config = { ...hadolint, ...ours }
  merged.rules = { ...hadolint.rules, ...ours.rules }
  merged.options = { ...hadolint.options }
  for (const [id, values] of Object.entries(ours.options)) merged.options[id] = { ...hadolint.options[id], ...values }
  merged.buildArgs = { ...hadolint.buildArgs, ...ours.buildArgs }
  merged.failOn = ours.failOn ?? hadolint.failOn
  merged.hadolintPragmas = hadolint.hadolintPragmas && ours.hadolintPragmas
  merged.suppress = [...hadolint.suppress, ...ours.suppress]
  merged.unsuppressible = [...new Set([...hadolint.unsuppressible, ...ours.unsuppressible])]
  merged.labelSchema = ours.origins['label-schema'] !== undefined ? ours.labelSchema : hadolint.labelSchema
  merged.strictLabels = ours.origins['strict-labels'] !== undefined ? ours.strictLabels : hadolint.strictLabels
  merged.labelPreset = ours.labelPreset ?? hadolint.labelPreset
  merged.origins = { ...hadolint.origins, ...ours.origins }
  if (hadolint.origins.suppress !== undefined && ours.origins.suppress !== undefined) merged.origins.suppress = `${hadolint.origins.suppress}, ${ours.origins.suppress}`
  merged.notApplied = [...hadolint.notApplied, ...ours.notApplied]
  return merged
}

export interface LoadedConfig {
  config: Config
  /** Our configuration file, when there is one. */
  path: string | null
  /** hadolint's configuration file, when there is one. */
  hadolintPath: string | null
}

function firstExisting(root: string, explicit: string | null, defaults: readonly string[]): string | null {
  if (explicit !== null) {
    if (!existsSync(resolve(root, explicit))) throw new ConfigError(`${explicit}: configuration file not found`)
    return explicit
  }
  return defaults.find((name) => existsSync(resolve(root, name))) ?? null
}

/** A configuration is a few KB; the repository (a pull request) may have put a FIFO or a device there, which would block the read. */
const MAX_CONFIG_BYTES = 1024 * 1024

function readConfigFile(root: string, path: string): string {
  const file = resolve(root, path)
  const stat = statSync(file)
  if (!stat.isFile()) throw new ConfigError(`${path}: not a regular file, so it was not read`)
  if (stat.size > MAX_CONFIG_BYTES) throw new ConfigError(`${path}: ${stat.size} bytes, too large for a configuration (the limit is ${MAX_CONFIG_BYTES})`)
  return readFileSync(file, 'utf8')
}

/**
 * Reads `explicit` (relative to `root`), or the first of CONFIG_FILES under `root`, over hadolint's
 * `.hadolint.yaml`/`.hadolint.yml` (or `hadolintExplicit`) when there is one; defaults when there is none.
 */
export function loadConfig(root: string, explicit: string | null, rules: readonly Rule[], hadolintExplicit: string | null = null): LoadedConfig {
  const path = firstExisting(root, explicit, CONFIG_FILES)
  const hadolintPath = firstExisting(root, hadolintExplicit, HADOLINT_CONFIG_FILES)
  const ours = path === null ? emptyConfig() : parseConfig(readConfigFile(root, path), rules, path)
  const theirs = hadolintPath === null ? null : fromHadolintConfig(readConfigFile(root, hadolintPath), rules, hadolintPath)
  return { config: theirs === null ? ours : layerConfigs(theirs, ours), path, hadolintPath }
}

/** Whose suppression comments count under a configuration. */
export function honouredSuppressions(config: Config): SuppressionTool[] {
  if (!config.allowSuppressions) return []
  return SUPPRESSION_TOOLS.filter((t) => t !== 'hadolint' || config.hadolintPragmas)
}

/** The configuration's `suppress:` entries that apply to one Dockerfile, ready for the rule engine. */
export function ignoresFor(config: Config, path: string): ScopedIgnore[] {
  return config.suppress
    .filter((s) => s.paths === null || picomatch(s.paths, { dot: true })(path))
    .map((s) => {
      const matches = s.stages === null ? null : picomatch(s.stages, { nocase: true })
      return { ids: new Set(s.ids), stage: matches === null ? null : (name: string | null, index: number) => matches(name ?? String(index)) }
    })
}

/** The `images:` rules for one Dockerfile: what a target of that name is for, if the configuration says. */
export function configuredPurpose(config: Config, path: string): ((target: string | null) => 'runtime' | 'environment' | null) | null {
  const rules = config.images.filter((r) => r.path === null || picomatch(r.path, { dot: true })(path))
  if (rules.length === 0) return null
  const matchers = rules.map((r) => ({ purpose: r.purpose, target: r.target === null ? null : picomatch(r.target, { nocase: true }) }))
  // The last matching entry wins, as later lines of a configuration refine earlier ones.
  return (target) => [...matchers].reverse().find((m) => m.target === null || (target !== null && m.target(target)))?.purpose ?? null
}

/** The budget that applies to a Dockerfile: the first entry whose glob matches it (or that has none). */
export function budgetFor(budgets: readonly SizeBudget[], path: string): SizeBudget | null {
  return budgets.find((b) => b.path === null || picomatch(b.path, { dot: true })(path)) ?? null
}

/** Whether a path is excluded by the configuration's `ignore` globs. */
export function ignoredBy(config: Config): (path: string) => boolean {
  return config.ignore.length > 0 ? picomatch(config.ignore, { dot: true }) : () => false
}
