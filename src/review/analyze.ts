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
import type { BaseFacts, ImageLookup, SizeFact } from '../model/image.js'
import { baseFactsByStage, baseSizesByStage } from '../enrich/base-facts.js'

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
  /** Image names the repository builds itself (see RuleContext.repositoryImages). */
  repositoryImages?: ReadonlySet<string>
  /** Whose suppression comments count; default all (the configuration's allow-suppressions and disable-ignore-pragma). */
  honoured?: readonly SuppressionTool[]
  /** The configuration's ignores that apply to this file (`suppress:`). */
  ignores?: readonly ScopedIgnore[]
  /** What ShellCheck said about this file's RUN scripts, when the review ran it. */
  shellcheck?: readonly ShellcheckComment[]
  /** By stage index, the registry's facts about the image each FROM names (RuleContext.baseFacts); default: from `registry`. */
  baseFacts?: readonly (BaseFacts | null)[]
  /** The registry's answers for this file's base images, by `sizeKey`, when it was asked before the rules ran. */
  registry?: ReadonlyMap<string, ImageLookup>
  /** The shipped image's base size in the version before the change (RuleContext.previousShippedSize). */
  previousShippedSize?: SizeFact | null
  /** The date to judge dated tables by (`YYYY-MM-DD`); default: today. */
  today?: string
}

export const INTERNAL_ERROR = 'internal-error'

const emptyGraph = (): StageGraph => ({ edges: [], external: [], target: null, targets: [], anyTarget: false, roles: [], problems: [] })

/** With several built targets, each finding about a stage names the targets that need that stage. */
function withTargets(findings: Finding[], model: DockerfileModel, graph: StageGraph): Finding[] {
  if (graph.targets.length < 2) return findings
  const label = (stage: number): string => model.stages[stage]?.name ?? `stage ${stage}`
  for (const f of findings) {
    if (f.stage === null) continue
    const stage = f.stage
    const targets = graph.targets.filter((t) => (t.needs ?? [t.stage]).includes(stage)).map((t) => label(t.stage))
    if (targets.length > 0) f.targets = targets
  }
  return findings
}

/**
 * `STAGECRAFT_TODAY=YYYY-MM-DD` judges dated tables (end of life) as of that day: for reproducible
 * runs and the test suite, which pins it so findings do not change as the calendar moves.
 */
function dayFromEnvironment(): string | undefined {
  const day = process.env.STAGECRAFT_TODAY
  return day !== undefined && /^\d{4}-\d{2}-\d{2}$/.test(day) ? day : undefined
}

/** The rules over a parsed file: the last step of analyzeDockerfile (the rule tester calls it on a frozen model). */
export function checkFile(model: DockerfileModel, graph: StageGraph, options: AnalysisOptions = {}): Finding[] {
  const baseFacts = options.baseFacts ?? (options.registry === undefined ? undefined : baseFactsByStage(model, options.registry))
  return runRules(
    {
      model,
      graph,
      rules: RULES,
      buildContext: options.buildContext,
      repositoryImages: options.repositoryImages,
      shellcheck: options.shellcheck,
      baseFacts,
      baseSizes: baseSizesByStage(model, options.registry),
      previousShippedSize: options.previousShippedSize,
      today: options.today ?? dayFromEnvironment()
    },
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

/**
 * A file named like a Dockerfile that is the input of a generator, not a Dockerfile: template
 * syntax (`{{ }}`, `{% %}`, `${templateOption:…}`), a preprocessor `INCLUDE`, or a fragment with
 * instructions and no FROM. Its line and what gave it away; null for a Dockerfile.
 */
export function templateEvidence(text: string): { line: number; what: string } | null {
  const lines = text.split('\n')
  let instructions = 0
  let from = false
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string
    // Template tags that shape the file: a line that is a tag, or a FROM built from one. Braces
    // inside a command (`go list -f '{{.Dir}}'`) are the command's own business.
    const trimmed = line.trimStart()
    if (trimmed.startsWith('{{') || (/^FROM\s.*\{\{/i.test(trimmed) && line.includes('}}'))) return { line: i + 1, what: 'template syntax {{ … }}' }
    if (trimmed.startsWith('{%')) return { line: i + 1, what: 'template syntax {% … %}' }
    if (line.includes('${templateOption:')) return { line: i + 1, what: 'a ${templateOption:…} placeholder' }
    const word = /^\s*([A-Za-z]+)\b/.exec(line)?.[1]?.toUpperCase()
    if (word === 'INCLUDE') return { line: i + 1, what: 'a preprocessor INCLUDE' }
    if (word === 'FROM') from = true
    if (word !== undefined && !line.trimStart().startsWith('#')) instructions++
  }
  return !from && instructions > 0 && !lines.some((l) => /^\s*(?:FROM|ARG)\b/i.test(l)) && lines.some((l) => /^\s*(?:RUN|COPY|ENV|WORKDIR)\b/i.test(l)) ? { line: 1, what: 'instructions but no FROM (a fragment another file includes)' } : null
}

/** Test inputs kept next to the tests: often wrong on purpose, never built as images. */
const FIXTURE_FOLDER = /(?:^|\/)(?:testdata|fixtures?|__fixtures__|test-fixtures)\//i

export function analyzeDockerfile(path: string, text: string, options: AnalysisOptions = {}, parsed?: ReturnType<typeof parseForAnalysis>): FileAnalysis {
  const template = templateEvidence(text)
  if (template !== null) {
    const finding: Finding = {
      rule: 'parse-error',
      severity: 'info',
      line: template.line,
      endLine: template.line,
      message: `this looks like the input of a generator, not a Dockerfile (${template.what}): it is not reviewed; review the Dockerfiles generated from it`,
      stage: null,
      equivalents: NO_EQUIVALENTS
    }
    return { path, model: { ...parseDockerfile(''), errors: [], lineCount: Math.max(1, text.split('\n').length) }, graph: emptyGraph(), findings: [finding] }
  }
  const analysis = analyzeParsed(path, text, options, parsed)
  // A fixture is an input of a test: what is wrong in it is often the point.
  if (FIXTURE_FOLDER.test(path)) for (const f of analysis.findings) f.severity = 'info'
  return analysis
}

function analyzeParsed(path: string, text: string, options: AnalysisOptions, parsed: ReturnType<typeof parseForAnalysis> | undefined): FileAnalysis {
  try {
    if (parsed !== undefined && !parsed.ok) throw parsed.error
    const model = parsed?.model ?? parseDockerfile(text, { buildArgs: options.buildArgs ?? {} })
    const graph = buildStageGraph(model, { target: options.target ?? null, path, ...(options.targets === undefined ? {} : { targets: options.targets }), anyTarget: options.anyTarget === true, ...(options.configuredPurpose === undefined ? {} : { configuredPurpose: options.configuredPurpose }) })
    return { path, model, graph, findings: withTargets(checkFile(model, graph, options), model, graph) }
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
    return { path, model: { ...model, errors: [] }, graph: emptyGraph(), findings: [finding] }
  }
}
