/** The analysis options a configuration and the caller's overrides give, shared by the CLI and the action. */
import { budgetFor, labelPolicy, type Config, type SizeBudget } from '../config/config.js'
import type { RuleOptions } from '../rules/engine.js'
import type { RuleLevel } from '../rules/engine.js'
import type { AnalysisOptions } from './analyze.js'

/** What the caller says beats the configuration: --target, --build-arg, --rule (or the action's inputs). */
export interface Overrides {
  target: string | null
  buildArgs: Readonly<Record<string, string>>
  levels?: Readonly<Record<string, RuleLevel>>
}

/** The analysis options a configuration and the caller's overrides give, shared by the CLI and the action. */
export function analysisOptions(config: Config, overrides: Overrides): AnalysisOptions {
  return {
    target: overrides.target ?? config.target,
    buildArgs: { ...config.buildArgs, ...overrides.buildArgs },
    levels: { ...config.rules, ...overrides.levels },
    options: config.options,
    labels: labelPolicy(config)
  }
}

/**
 * The size budgets of one Dockerfile as the two budget rules' options: the caller's (inputs)
 * first, then the configuration's `size-budget:`/`size-delta-budget:`, first matching glob wins;
 * none leaves a `max-size`/`max-growth` set under `rules:` as it is.
 */
export function withBudgets(options: RuleOptions | undefined, config: Config, callers: { size?: readonly SizeBudget[]; delta?: readonly SizeBudget[] } | undefined, path: string): RuleOptions | undefined {
  const size = budgetFor([...(callers?.size ?? []), ...config.sizeBudget], path)
  const delta = budgetFor([...(callers?.delta ?? []), ...config.sizeDeltaBudget], path)
  if (size === null && delta === null) return options
  return {
    ...options,
    ...(size === null ? {} : { 'size-budget': { ...options?.['size-budget'], 'max-size': size.written } }),
    ...(delta === null ? {} : { 'size-delta-budget': { ...options?.['size-delta-budget'], 'max-growth': delta.written } })
  }
}
