/**
 * `stagecraft --explain-config` (or `stagecraft config --explain`): the effective configuration,
 * every setting with where it came from — a default, .stagecraft.yml, hadolint's .hadolint.yaml, or
 * a command-line flag — and what was read but not applied, with why. Pure.
 */
import { documentationOrder } from '../rules/docs.js'
import type { RuleLevel } from '../rules/engine.js'
import type { OptionValue, Rule } from '../rules/types.js'
import type { LoadedConfig } from './config.js'
import type { FailOn } from './types.js'

/** What the command line says, which beats both files. */
export interface ExplainOverrides {
  levels: Readonly<Record<string, RuleLevel>>
  target: string | null
  failOn: FailOn | null
  buildArgs: Readonly<Record<string, string>>
}

function show(value: OptionValue): string {
  if (value === null) return '(unset)'
  if (Array.isArray(value)) return `[${value.join(', ')}]`
  return String(value)
}

function table(rows: string[][]): string[] {
  const widths = rows.reduce<number[]>((w, r) => r.map((c, i) => Math.max(w[i] ?? 0, c.length)), [])
  return rows.map((r) => `  ${r.map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i] as number))).join('  ')}`.trimEnd())
}

export function explainConfig(loaded: LoadedConfig, rules: readonly Rule[], overrides: ExplainOverrides): string {
  const { config } = loaded
  const origin = (key: string): string => config.origins[key] ?? 'default'
  const out: string[] = ['Configuration files:']
  out.push(`  stagecraft: ${loaded.path ?? '(none: .stagecraft.yml, .stagecraft.yaml, .github/stagecraft.yml or .github/stagecraft.yaml)'}`)
  out.push(`  hadolint:   ${loaded.hadolintPath === null ? '(none: .hadolint.yaml or .hadolint.yml)' : `${loaded.hadolintPath} (read under Stagecraft's own file, which wins where both set a thing)`}`)
  out.push('', 'Settings:')
  const failOn = overrides.failOn ?? config.failOn ?? 'error'
  const settings: string[][] = [
    ['fail-on', failOn, overrides.failOn !== null ? '--fail-on' : origin('fail-on')],
    ['target', overrides.target ?? config.target ?? '(the build definitions’ targets, else the last stage)', overrides.target !== null ? '--target' : origin('target')],
    ['allow-suppressions', String(config.allowSuppressions), origin('allow-suppressions')],
    ['hadolint pragmas', config.allowSuppressions && config.hadolintPragmas ? 'honoured' : 'not honoured', config.allowSuppressions ? origin('hadolint-pragmas') : origin('allow-suppressions')],
    ['shellcheck', config.shellcheck === true ? 'when on PATH' : config.shellcheck === false ? 'off' : config.shellcheck, origin('shellcheck')],
    ['ignore (paths)', config.ignore.length === 0 ? '(none)' : config.ignore.join(', '), origin('ignore')]
  ]
  const buildArgs = { ...config.buildArgs, ...overrides.buildArgs }
  for (const name of Object.keys(buildArgs).sort()) settings.push([`build-args.${name}`, '(set)', overrides.buildArgs[name] !== undefined ? '--build-arg' : origin(`build-args.${name}`)])
  const labels = Object.entries(config.labelSchema)
  settings.push(['labels.preset', config.labelPreset ?? '(none)', origin('label-preset')])
  settings.push(['labels.schema', labels.length === 0 ? '(none)' : labels.map(([k, v]) => `${k}: ${v}`).join(', '), origin('label-schema')])
  settings.push(['labels.strict', String(config.strictLabels), origin('strict-labels')])
  out.push(...table(settings))

  if (config.suppress.length > 0) {
    out.push('', `Ignored without a comment (suppress, from ${origin('suppress')}):`)
    for (const s of config.suppress) out.push(`  ${s.rules.join(', ')}${s.stages === null ? '' : ` in stages ${s.stages.join(', ')}`}${s.paths === null ? '' : ` in files ${s.paths.join(', ')}`}`)
  }

  out.push('', 'Rules:')
  const rows: string[][] = [['rule', 'level', 'hadolint', 'from']]
  for (const { meta } of documentationOrder(rules)) {
    const cli = overrides.levels[meta.id]
    const configured = config.rules[meta.id]
    const level = cli ?? configured ?? (meta.experimental === true ? 'off' : meta.severity)
    rows.push([meta.id, level, meta.equivalents.hadolint ?? '-', cli !== undefined ? '--rule' : configured !== undefined ? origin(`rules.${meta.id}`) : meta.experimental === true ? 'default (opt-in rule)' : 'default'])
  }
  out.push(...table(rows))

  const options: string[][] = []
  for (const { meta } of rules) {
    for (const o of meta.options ?? []) {
      const key = `options.${meta.id}.${o.name}`
      const value = config.options[meta.id]?.[o.name]
      if (value !== undefined) options.push([`${meta.id}.${o.name}`, show(value), origin(key)])
    }
  }
  if (options.length > 0) out.push('', 'Rule options:', ...table(options))

  if (config.notApplied.length > 0) out.push('', 'Read but not applied:', ...config.notApplied.map((n) => `  ${n}`))
  return out.join('\n') + '\n'
}
