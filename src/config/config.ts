/**
 * `.stagecraft.yml`: per-rule levels, path ignores, trusted registries, digest pinning, the
 * default target and build args. Validated strictly: an unknown key or rule id is an error that
 * names it, because a silently ignored setting is the classic linter-config complaint.
 */
import { existsSync, readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { parse as parseYaml, YAMLParseError } from 'yaml'
import picomatch from 'picomatch'
import type { RuleLevel } from '../rules/engine.js'

export interface Config {
  rules: Record<string, RuleLevel>
  ignore: string[]
  trustedRegistries: string[] | null
  pinDigests: boolean
  target: string | null
  buildArgs: Record<string, string>
}

export const DEFAULT_CONFIG: Config = Object.freeze({
  rules: {},
  ignore: [],
  trustedRegistries: null,
  pinDigests: false,
  target: null,
  buildArgs: {}
})

/** Where a config is looked for, in order, when none is given. */
export const CONFIG_FILES: readonly string[] = ['.stagecraft.yml', '.stagecraft.yaml', '.github/stagecraft.yml', '.github/stagecraft.yaml']

export class ConfigError extends Error {}

const LEVELS: readonly string[] = ['off', 'info', 'warning', 'error']
const KEYS: readonly string[] = ['rules', 'ignore', 'trusted-registries', 'pin-digests', 'target', 'build-args']

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function stringList(value: unknown, key: string, where: string): string[] {
  if (!Array.isArray(value) || !value.every((v) => typeof v === 'string')) throw new ConfigError(`${where}: "${key}" must be a list of strings`)
  return value
}

/** Validates parsed YAML against the schema; `knownRules` are the ids `rules:` may name. */
export function validateConfig(raw: unknown, knownRules: readonly string[], where: string): Config {
  if (raw === null || raw === undefined) return { ...DEFAULT_CONFIG, rules: {}, buildArgs: {} }
  if (!isRecord(raw)) throw new ConfigError(`${where}: the configuration must be a mapping of keys (${KEYS.join(', ')})`)
  const config: Config = { ...DEFAULT_CONFIG, rules: {}, ignore: [], buildArgs: {} }
  for (const [key, value] of Object.entries(raw)) {
    switch (key) {
      case 'rules': {
        if (!isRecord(value)) throw new ConfigError(`${where}: "rules" must map rule ids to off, info, warning or error`)
        for (const [id, level] of Object.entries(value)) {
          if (!knownRules.includes(id)) throw new ConfigError(`${where}: unknown rule "${id}" in "rules" (stagecraft --list-rules shows the ids)`)
          const text = level === false ? 'off' : String(level)
          if (!LEVELS.includes(text)) throw new ConfigError(`${where}: rule "${id}" must be off, info, warning or error, not "${text}"`)
          config.rules[id] = text as RuleLevel
        }
        break
      }
      case 'ignore':
        config.ignore = stringList(value, key, where)
        break
      case 'trusted-registries':
        config.trustedRegistries = stringList(value, key, where)
        break
      case 'pin-digests':
        if (typeof value !== 'boolean') throw new ConfigError(`${where}: "pin-digests" must be true or false`)
        config.pinDigests = value
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
        throw new ConfigError(`${where}: unknown key "${key}" (expected ${KEYS.join(', ')})`)
    }
  }
  return config
}

export function parseConfig(text: string, knownRules: readonly string[], where: string): Config {
  let raw: unknown
  try {
    raw = parseYaml(text)
  } catch (err) {
    const line = err instanceof YAMLParseError ? err.linePos?.[0]?.line : undefined
    throw new ConfigError(`${where}${line === undefined ? '' : `:${line}`}: not valid YAML (${(err as Error).message.split('\n')[0] ?? ''})`)
  }
  return validateConfig(raw, knownRules, where)
}

/** Reads `explicit` (relative to `root`), or the first of CONFIG_FILES under `root`; defaults when there is none. */
export function loadConfig(root: string, explicit: string | null, knownRules: readonly string[]): { config: Config; path: string | null } {
  const candidates = explicit !== null ? [explicit] : [...CONFIG_FILES]
  for (const name of candidates) {
    const path = resolve(root, name)
    if (!existsSync(path)) {
      if (explicit !== null) throw new ConfigError(`${explicit}: configuration file not found`)
      continue
    }
    return { config: parseConfig(readFileSync(path, 'utf8'), knownRules, name), path }
  }
  return { config: { ...DEFAULT_CONFIG, rules: {}, buildArgs: {} }, path: null }
}

/** Whether a path is excluded by the configuration's `ignore` globs. */
export function ignoredBy(config: Config): (path: string) => boolean {
  return config.ignore.length > 0 ? picomatch(config.ignore, { dot: true }) : () => false
}
