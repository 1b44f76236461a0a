/** One file through the pipeline: text → model → stage graph → findings. Pure. */
import type { BuildContext } from '../model/analysis.js'
import { buildStageGraph, type GraphOptions, type TargetRequest } from '../graph/graph.js'
import { NO_EQUIVALENTS, type Finding } from '../model/finding.js'
import { parseDockerfile } from '../parse/parse.js'

import { runRules, type RuleLevel, type RuleOptions, type ScopedIgnore } from '../rules/engine.js'
import type { SuppressionTool } from '../rules/suppressions.js'
import type { ShellcheckComment } from '../model/shellcheck.js'
import { RULES } from '../rules/registry.js'
import type { DockerfileModel } from '../model/dockerfile.js'
import type { StageGraph } from '../model/graph.js'
import type { FileAnalysis } from '../model/analysis.js'

export interface AnalysisOptions {
  target?: string | null
  buildArgs?: Readonly<Record<string, string>>
  /** Per-rule levels (`off` turns a rule off). */
  levels?: Readonly<Record<string, RuleLevel>>
  /** The builds of this file (from build definitions or configuration); beats `target`. */
  targets?: readonly TargetRequest[]
  /** A build asks for a target we cannot resolve: any stage may be built. */
  anyTarget?: boolean
  /** What the configuration (`images:`) says a target is for. */
  configuredPurpose?: GraphOptions['configuredPurpose']
  /** Rule options by rule id (declared in each rule's meta). */
  options?: RuleOptions
  /** The build context's .dockerignore, when the caller could look (the CLI and the action do). */
  buildContext?: BuildContext
  /** Whose suppression comments count; default all (the configuration's allow-suppressions and disable-ignore-pragma). */
  honoured?: readonly SuppressionTool[]
  /** The configuration's ignores that apply to this file (`suppress:`). */
  ignores?: readonly ScopedIgnore[]
  /** What ShellCheck said about this file's RUN scripts, when the review ran it. */
  shellcheck?: readonly ShellcheckComment[]
}

export const INTERNAL_ERROR = 'internal-error'

/** The rules over a parsed file: the last step of analyzeDockerfile (the rule tester calls it on a frozen model). */
export function checkFile(model: DockerfileModel, graph: StageGraph, options: AnalysisOptions = {}): Finding[] {
  return runRules(
    { model, graph, rules: RULES, buildContext: options.buildContext, shellcheck: options.shellcheck },
    { levels: options.levels ?? {}, options: options.options ?? {}, ...(options.honoured === undefined ? {} : { honoured: options.honoured }), ...(options.ignores === undefined ? {} : { ignores: options.ignores }) }
  )
}

/** The parse analyzeDockerfile starts with, for a caller that reads the model first (the review, for ShellCheck). */
export function parseForAnalysis(text: string, options: AnalysisOptions = {}): { ok: true; model: DockerfileModel } | { ok: false; error: unknown } {
  try {
    return { ok: true, model: parseDockerfile(text, { buildArgs: options.buildArgs ?? {} }) }
  } catch (error) {
    return { ok: false, error }
  }
}

export function analyzeDockerfile(path: string, text: string, options: AnalysisOptions = {}, parsed?: ReturnType<typeof parseForAnalysis>): FileAnalysis {
  try {
    if (parsed !== undefined && !parsed.ok) throw parsed.error
    const model = parsed?.model ?? parseDockerfile(text, { buildArgs: options.buildArgs ?? {} })
    const graph = buildStageGraph(model, { target: options.target ?? null, path, ...(options.targets === undefined ? {} : { targets: options.targets }), anyTarget: options.anyTarget === true, ...(options.configuredPurpose === undefined ? {} : { configuredPurpose: options.configuredPurpose }) })
    return { path, model, graph, findings: checkFile(model, graph, options) }
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
    return { path, model: { ...model, errors: [] }, graph: { edges: [], external: [], target: null, targets: [], anyTarget: false, roles: [], problems: [] }, findings: [finding] }
  }
}
