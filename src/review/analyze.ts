/** One file through the pipeline: text → model → stage graph → findings. Pure. */
import type { BuildContext } from '../model/analysis.js'
import { buildStageGraph } from '../graph/graph.js'
import { NO_EQUIVALENTS, type Finding } from '../model/finding.js'
import { parseDockerfile } from '../parse/parse.js'

import { runRules, type RuleLevel } from '../rules/engine.js'
import { RULES } from '../rules/registry.js'
import { DEFAULT_SETTINGS, type RuleSettings } from '../rules/types.js'
import type { FileAnalysis } from '../model/analysis.js'


export interface AnalysisOptions {
  target?: string | null
  buildArgs?: Readonly<Record<string, string>>
  /** Per-rule levels (`off` turns a rule off). */
  levels?: Readonly<Record<string, RuleLevel>>
  settings?: RuleSettings
  /** The build context's .dockerignore, when the caller could look (the CLI and the action do). */
  buildContext?: BuildContext
}

export const INTERNAL_ERROR = 'internal-error'

export function analyzeDockerfile(path: string, text: string, options: AnalysisOptions = {}): FileAnalysis {
  try {
    const model = parseDockerfile(text, { buildArgs: options.buildArgs ?? {} })
    const graph = buildStageGraph(model, { target: options.target ?? null })
    const findings = runRules({ model, graph, rules: RULES, settings: options.settings ?? DEFAULT_SETTINGS, buildContext: options.buildContext }, { levels: options.levels ?? {} })
    return { path, model, graph, findings }
  } catch (err) {
    // A bug of ours must not hide the file: say so on the file, keep going with the others.
    const message = err instanceof Error ? err.message : String(err)
    const model = parseDockerfile('')
    const finding: Finding = {
      rule: INTERNAL_ERROR,
      severity: 'error',
      line: 1,
      endLine: 1,
      message: `Stagecraft failed on this file (${message}); please report it with the file attached`,
      stage: null,
      equivalents: NO_EQUIVALENTS
    }
    return { path, model: { ...model, errors: [] }, graph: { edges: [], external: [], target: null, roles: [], problems: [] }, findings: [finding] }
  }
}
