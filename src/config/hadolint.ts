/**
 * hadolint's configuration (`.hadolint.yaml`, `.hadolint.yml`, or `--hadolint-config`), read so a
 * team switching keeps its settings: `ignored`, `override`, `failure-threshold`, `no-fail`,
 * `trustedRegistries`, `label-schema`, `strict-labels` and `disable-ignore-pragma`, each mapped to
 * the Stagecraft setting it means. Codes of checks Stagecraft does not have, and keys that are
 * about hadolint's own output (`format`, `no-color`, `verbose`), are listed as not applied rather
 * than failing the run. Pure: text in, settings out.
 */
import { parse as parseYaml, YAMLParseError } from 'yaml'
import type { Severity } from '../model/finding.js'
import type { Rule } from '../rules/types.js'
import type { LabelType } from '../parse/label-values.js'
import { emptyConfig, ConfigError, LABEL_TYPES, withLine, type Config, type FailOn } from './types.js'

/** Where hadolint looks in the working directory, in order (it also looks in $HOME, which a CI run does not share). */
export const HADOLINT_CONFIG_FILES: readonly string[] = ['.hadolint.yaml', '.hadolint.yml']

const THRESHOLDS: Readonly<Record<string, FailOn>> = { error: 'error', warning: 'warning', info: 'info', style: 'info', ignore: 'never', none: 'never' }
const LEVELS = ['error', 'warning', 'info', 'style'] as const
/** hadolint's style level is below info; ours stops at info. */
const LEVEL: Readonly<Record<(typeof LEVELS)[number], Severity>> = { error: 'error', warning: 'warning', info: 'info', style: 'info' }
const OUTPUT_KEYS = new Set(['format', 'output-format', 'no-color', 'verbose', 'file-path-in-report'])

function codes(value: unknown, key: string, where: string): string[] {
  if (value === null || value === undefined) return []
  if (typeof value === 'string') return [value]
  if (!Array.isArray(value) || !value.every((v) => typeof v === 'string')) throw new ConfigError(`${where}: "${key}" must be a list of rule codes`)
  return value.map((v) => v.trim().toUpperCase())
}

const SHELLCHECK = /^SC\d{4}$/

/**
 * The Stagecraft settings a hadolint configuration means. `where` names the file in messages and
 * in each setting's origin (`--explain-config` prints them).
 */
export function fromHadolintConfig(text: string, rules: readonly Rule[], where: string): Config {
  try {
    return hadolintSettings(text, rules, where)
  } catch (err) {
    throw withLine(err, text, where)
  }
}

function hadolintSettings(text: string, rules: readonly Rule[], where: string): Config {
  let raw: unknown
  try {
    raw = parseYaml(text)
  } catch (err) {
    const line = err instanceof YAMLParseError ? err.linePos?.[0]?.line : undefined
    throw new ConfigError(`${where}${line === undefined ? '' : `:${line}`}: not valid YAML (${(err as Error).message.split('\n')[0] ?? ''})`)
  }
  const config = emptyConfig()
  if (raw === null || raw === undefined) return config
  if (typeof raw !== 'object' || Array.isArray(raw)) throw new ConfigError(`${where}: hadolint's configuration must be a mapping (ignored, override, trustedRegistries...)`)
  const entries = Object.entries(raw as Record<string, unknown>)
  const byCode = (code: string): Rule[] => rules.filter((r) => r.meta.equivalents.hadolint === code)
  const notApplied = (text: string): void => {
    config.notApplied.push(`${where}: ${text}`)
  }

  // Levels first, then ignores, as in hadolint an ignored rule stays ignored whatever its level.
  const override = entries.find(([k]) => k === 'override')?.[1]
  if (override !== undefined && override !== null) {
    if (typeof override !== 'object' || Array.isArray(override)) throw new ConfigError(`${where}: "override" must map error, warning, info and style to lists of rule codes`)
    for (const [level, list] of Object.entries(override as Record<string, unknown>)) {
      if (!(LEVELS as readonly string[]).includes(level)) throw new ConfigError(`${where}: "override" has no level "${level}" (expected error, warning, info or style)`)
      for (const code of codes(list, `override.${level}`, where)) {
        const matches = byCode(code)
        if (matches.length === 0) notApplied(`override.${level}: ${code} — ${SHELLCHECK.test(code) ? 'ShellCheck findings keep ShellCheck’s level' : 'no Stagecraft rule has this code'}`)
        for (const r of matches) {
          config.rules[r.meta.id] = LEVEL[level as (typeof LEVELS)[number]]
          config.origins[`rules.${r.meta.id}`] = `${where} (override.${level}: ${code})`
        }
      }
    }
  }
  for (const [key, value] of entries) {
    switch (key) {
      case 'override':
        break
      case 'ignored':
        for (const code of codes(value, key, where)) {
          if (SHELLCHECK.test(code)) {
            config.suppress.push({ rules: [code], ids: [`shellcheck/${code}`], paths: null, stages: null })
            config.origins.suppress = `${where} (ignored)`
            continue
          }
          const matches = byCode(code)
          if (matches.length === 0) notApplied(`ignored: ${code} — no Stagecraft rule has this code, nothing to turn off`)
          for (const r of matches) {
            config.rules[r.meta.id] = 'off'
            config.origins[`rules.${r.meta.id}`] = `${where} (ignored: ${code})`
          }
        }
        break
      case 'failure-threshold': {
        const threshold = typeof value === 'string' ? THRESHOLDS[value.toLowerCase()] : undefined
        if (threshold === undefined) throw new ConfigError(`${where}: "failure-threshold" must be error, warning, info, style, ignore or none`)
        // no-fail beats the threshold, as in hadolint.
        if (config.failOn !== 'never') {
          config.failOn = threshold
          config.origins['fail-on'] = `${where} (failure-threshold: ${String(value)})`
        }
        break
      }
      case 'no-fail':
        if (typeof value !== 'boolean') throw new ConfigError(`${where}: "no-fail" must be true or false`)
        if (value) {
          config.failOn = 'never'
          config.origins['fail-on'] = `${where} (no-fail: true)`
        }
        break
      case 'trustedRegistries':
      case 'trusted-registries': {
        const registries = typeof value === 'string' ? [value] : value
        if (!Array.isArray(registries) || !registries.every((r) => typeof r === 'string')) throw new ConfigError(`${where}: "${key}" must be a registry or a list of registries`)
        config.options['untrusted-registry'] = { ...config.options['untrusted-registry'], 'trusted-registries': registries }
        config.origins['options.untrusted-registry.trusted-registries'] = `${where} (${key})`
        break
      }
      case 'label-schema': {
        if (value === null || typeof value !== 'object' || Array.isArray(value)) throw new ConfigError(`${where}: "label-schema" must map label names to text, url, email, hash, rfc3339, semver or spdx`, ['label-schema'])
        for (const [label, type] of Object.entries(value as Record<string, unknown>)) {
          if (typeof type !== 'string' || !(LABEL_TYPES as readonly string[]).includes(type)) throw new ConfigError(`${where}: label "${label}" must be one of ${LABEL_TYPES.join(', ')}`, ['label-schema', label])
          config.labelSchema[label] = type as LabelType
        }
        config.origins['label-schema'] = `${where} (label-schema)`
        break
      }
      case 'strict-labels':
        if (typeof value !== 'boolean') throw new ConfigError(`${where}: "strict-labels" must be true or false`, ['strict-labels'])
        config.strictLabels = value
        config.origins['strict-labels'] = `${where} (strict-labels)`
        break
      case 'disable-ignore-pragma':
        if (typeof value !== 'boolean') throw new ConfigError(`${where}: "disable-ignore-pragma" must be true or false`)
        config.hadolintPragmas = !value
        config.origins['hadolint-pragmas'] = `${where} (disable-ignore-pragma: ${String(value)})`
        break
      default:
        notApplied(OUTPUT_KEYS.has(key) ? `${key} — about hadolint's own output; use stagecraft's options (--format, FORCE_COLOR/NO_COLOR)` : `${key} — not a setting Stagecraft knows from hadolint`)
    }
  }
  return config
}
