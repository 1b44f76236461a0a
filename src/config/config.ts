/**
 * `.stagecraft.yml`: per-rule levels and options, path ignores, the default target and build
 * args. Rule options are declared by the rules themselves (`meta.options`) and may be written
 * under the rule (`rules: { untrusted-registry: { level: error, trusted-registries: [...] } }`)
 * or, as a shortcut, at the top level (`trusted-registries: [...]`). Validated strictly: an
 * unknown key, rule id or option is an error that names it, because a silently ignored setting
 * is the classic linter-config complaint.
 */
import { existsSync, readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { parse as parseYaml, YAMLParseError } from 'yaml'
import picomatch from 'picomatch'
import type { RuleLevel } from '../rules/engine.js'
import type { OptionValue, Rule, RuleOption } from '../rules/types.js'

/** `images:` — what the built images are for, by Dockerfile path and/or target (stage) name. */
export interface ImagePurposeRule {
  /** Glob of Dockerfile paths (repository-relative); absent: every file. */
  path: string | null
  /** Glob of target (stage) names; absent: every target. */
  target: string | null
  purpose: 'runtime' | 'environment'
}

export interface Config {
  rules: Record<string, RuleLevel>
  images: ImagePurposeRule[]
  /** Rule options by rule id, then option name. */
  options: Record<string, Record<string, OptionValue>>
  ignore: string[]
  target: string | null
  buildArgs: Record<string, string>
}

const emptyConfig = (): Config => ({ rules: {}, images: [], options: {}, ignore: [], target: null, buildArgs: {} })

/** Where a config is looked for, in order, when none is given. */
export const CONFIG_FILES: readonly string[] = ['.stagecraft.yml', '.stagecraft.yaml', '.github/stagecraft.yml', '.github/stagecraft.yaml']

export class ConfigError extends Error {}

const LEVELS: readonly string[] = ['off', 'info', 'warning', 'error']
const KEYS: readonly string[] = ['rules', 'images', 'ignore', 'target', 'build-args']

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
  return value as OptionValue
}

function setOption(config: Config, rule: Rule, option: RuleOption, value: unknown, where: string): void {
  config.options[rule.meta.id] = { ...config.options[rule.meta.id], [option.name]: optionValue(option, value, where) }
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
            continue
          }
          for (const [name, v] of Object.entries(setting)) {
            if (name === 'level') {
              config.rules[id] = level(id, v, where)
              continue
            }
            const option = rule.meta.options?.find((o) => o.name === name)
            const known = ['level', ...(rule.meta.options ?? []).map((o) => o.name)]
            if (option === undefined) throw new ConfigError(`${where}: rule "${id}" has no option "${name}" (it takes ${known.join(', ')})`)
            setOption(config, rule, option, v, where)
          }
        }
        break
      }
      case 'ignore':
        config.ignore = stringList(value, key, where)
        break
      case 'images':
        config.images = imageRules(value, where)
        break
      case 'target':
        if (typeof value !== 'string' || value === '') throw new ConfigError(`${where}: "target" must be a stage name`)
        config.target = value
        break
      case 'build-args':
        if (!isRecord(value)) throw new ConfigError(`${where}: "build-args" must map names to values`)
        for (const [name, v] of Object.entries(value)) {
          if (typeof v !== 'string' && typeof v !== 'number' && typeof v !== 'boolean') throw new ConfigError(`${where}: build arg "${name}" must be a string`)
          config.buildArgs[name] = String(v)
        }
        break
      default:
        throw new ConfigError(`${where}: unknown key "${key}" (expected ${keys.join(', ')})`)
    }
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
  return validateConfig(raw, rules, where)
}

/** Reads `explicit` (relative to `root`), or the first of CONFIG_FILES under `root`; defaults when there is none. */
export function loadConfig(root: string, explicit: string | null, rules: readonly Rule[]): { config: Config; path: string | null } {
  const candidates = explicit !== null ? [explicit] : [...CONFIG_FILES]
  for (const name of candidates) {
    const path = resolve(root, name)
    if (!existsSync(path)) {
      if (explicit !== null) throw new ConfigError(`${explicit}: configuration file not found`)
      continue
    }
    return { config: parseConfig(readFileSync(path, 'utf8'), rules, name), path }
  }
  return { config: emptyConfig(), path: null }
}

/** The `images:` rules for one Dockerfile: what a target of that name is for, if the configuration says. */
export function configuredPurpose(config: Config, path: string): ((target: string | null) => 'runtime' | 'environment' | null) | null {
  const rules = config.images.filter((r) => r.path === null || picomatch(r.path, { dot: true })(path))
  if (rules.length === 0) return null
  const matchers = rules.map((r) => ({ purpose: r.purpose, target: r.target === null ? null : picomatch(r.target, { nocase: true }) }))
  // The last matching entry wins, as later lines of a configuration refine earlier ones.
  return (target) => [...matchers].reverse().find((m) => m.target === null || (target !== null && m.target(target)))?.purpose ?? null
}

/** Whether a path is excluded by the configuration's `ignore` globs. */
export function ignoredBy(config: Config): (path: string) => boolean {
  return config.ignore.length > 0 ? picomatch(config.ignore, { dot: true }) : () => false
}
