/** The analysis options a configuration and the caller's overrides give, shared by the CLI and the action. */
import { labelPolicy, type Config } from '../config/config.js'
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
