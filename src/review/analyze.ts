/** One file through the pipeline: text → model → stage graph → findings. Pure. */
import type { BuildContext } from '../model/analysis.js'
import { buildStageGraph, type GraphOptions, type TargetRequest } from '../graph/graph.js'
import { compareFindings, NO_EQUIVALENTS, type Finding } from '../model/finding.js'
import { parseDockerfile } from '../parse/parse.js'

import { runRules, type RuleLevel, type RuleOptions, type ScopedIgnore } from '../rules/engine.js'
import type { SuppressionTool } from '../rules/suppressions.js'
import type { LabelPolicy } from '../rules/types.js'
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
  /** Rules no suppression comment silences (the configuration's `suppressible: false`). */
  unsuppressible?: ReadonlySet<string>
  /** The configuration's ignores that apply to this file (`suppress:`). */
  ignores?: readonly ScopedIgnore[]
  /** What ShellCheck said about this file's RUN scripts, when the review ran it. */
  shellcheck?: readonly ShellcheckComment[]
  /** The label schema (`labels:`); the label rules are off without one. */
  labels?: LabelPolicy
  /** By stage index, the registry's facts about the image each FROM names (RuleContext.baseFacts); default: from `registry`. */
  baseFacts?: readonly (BaseFacts | null)[]
  /** The registry's answers for this file's base images, by `sizeKey`, when it was asked before the rules ran. */
  registry?: ReadonlyMap<string, ImageLookup>
  /** The shipped image's base size in the version before the change (RuleContext.previousShippedSize). */
  previousShippedSize?: SizeFact | null
  /** The date to judge dated tables by (`YYYY-MM-DD`); default: today. */
  today?: string
  /** The file's path in the repository, for the rules (RuleContext.path); analyzeDockerfile sets it. */
  path?: string
  /** Run every rule, also those whose needs the file does not have (RunOptions.everyRule). */
  everyRule?: boolean
  /** Every build of the file is kept for old setups (FileBuilds.retired): only what breaks its build stays above info. */
  retired?: boolean
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
export function dayFromEnvironment(): string | undefined {
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
      path: options.path,
      rules: RULES,
      buildContext: options.buildContext,
      repositoryImages: options.repositoryImages,
      shellcheck: options.shellcheck,
      labels: options.labels,
      baseFacts,
      baseSizes: baseSizesByStage(model, options.registry),
      previousShippedSize: options.previousShippedSize,
      today: options.today ?? dayFromEnvironment()
    },
    { ...(options.levels === undefined ? {} : { levels: options.levels }), ...(options.options === undefined ? {} : { options: options.options }), ...(options.honoured === undefined ? {} : { honoured: options.honoured }), ...(options.ignores === undefined ? {} : { ignores: options.ignores }), ...(options.unsuppressible === undefined ? {} : { unsuppressible: options.unsuppressible }), ...(options.everyRule === true ? { everyRule: true } : {}) }
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

/** What gave a generator's input away; `fillable` when the rest of the file is a Dockerfile (see fillTemplate). */
export interface TemplateEvidence {
  line: number
  what: string
  fillable: boolean
}

/**
 * A file named like a Dockerfile that is the input of a generator, not a Dockerfile: template
 * syntax (`{{ }}`, `{% %}`), a placeholder base image, a fragment with instructions and no FROM;
 * or one whose gaps are easy to fill (`${templateOption:…}` placeholders, a preprocessor
 * `INCLUDE`). Its line and what gave it away, the unfillable kind first; null for a Dockerfile.
 */
export function templateEvidence(text: string): TemplateEvidence | null {
  // Read line by line by position: most lines need a look at their first characters only, so no line is copied unless one of the patterns may match it.
  let lines: string[] | null = null
  const allLines = (): string[] => (lines ??= text.split('\n'))
  const mayHaveOption = text.includes('${templateOption:')
  let instructions = 0
  let from = false
  let fillable: TemplateEvidence | null = null
  for (let start = 0, i = 0; start <= text.length; i++) {
    let end = text.indexOf('\n', start)
    if (end < 0) end = text.length
    // Where line.trimStart() starts (the same white space as \s).
    let at = start
    while (at < end) {
      const c = text.charCodeAt(at)
      if (c === 32 || (c >= 9 && c <= 13) || (c >= 128 && /\s/.test(text.charAt(at)))) at++
      else break
    }
    const c0 = at < end ? text.charCodeAt(at) : NaN
    const c1 = at + 1 < end ? text.charCodeAt(at + 1) : NaN
    // Template tags that shape the file: a line that is a tag, or a FROM built from one. Braces
    // inside a command (`go list -f '{{.Dir}}'`) are the command's own business.
    if (c0 === 123 && c1 === 123) return { line: i + 1, what: 'template syntax {{ … }}', fillable: false }
    const first = c0 | 32
    if (first === 102 /* f */) {
      const line = text.slice(start, end)
      const trimmed = text.slice(at, end)
      if (/^FROM\s.*\{\{/i.test(trimmed) && line.includes('}}')) return { line: i + 1, what: 'template syntax {{ … }}', fillable: false }
    }
    if (c0 === 123 && c1 === 37) return { line: i + 1, what: 'template syntax {% … %}', fillable: false }
    if (mayHaveOption && text.slice(start, end).includes('${templateOption:')) fillable ??= { line: i + 1, what: 'a ${templateOption:…} placeholder', fillable: true }
    if (first === 102) {
      // Image names are lower case: `FROM REPLACE-ME` or `FROM <base-image>` is a blank to fill in.
      const placeholder = /^FROM\s+(?:--\S+\s+)*([A-Z][A-Z0-9_-]{2,}|<[^>\s]+>)\s*(?:$|\s)/i.exec(text.slice(at, end))?.[1]
      if (placeholder !== undefined && (placeholder.startsWith('<') || (placeholder === placeholder.toUpperCase() && /[A-Z]/.test(placeholder))) && !namesStage(allLines(), placeholder)) return { line: i + 1, what: `the placeholder image "${placeholder}"`, fillable: false }
    }
    // A line that starts with a word (letters, then no letter, digit or `_`) counts as an instruction.
    if (first >= 97 && first <= 122) {
      let q = at + 1
      while (q < end && ((text.charCodeAt(q) | 32) >= 97 && (text.charCodeAt(q) | 32) <= 122)) q++
      const next = q < end ? text.charCodeAt(q) : NaN
      const boundary = !(next === 95 || (next >= 48 && next <= 57))
      if (boundary) {
        const length = q - at
        const word = length === 7 || length === 4 ? text.slice(at, q).toUpperCase() : ''
        if (word === 'INCLUDE') fillable ??= { line: i + 1, what: 'a preprocessor INCLUDE', fillable: true }
        if (word === 'FROM') from = true
        instructions++
      }
    }
    start = end + 1
  }
  const fragment = !from && instructions > 0 && !allLines().some((l) => /^\s*(?:FROM|ARG)\b/i.test(l)) && allLines().some((l) => /^\s*(?:RUN|COPY|ENV|WORKDIR)\b/i.test(l))
  return fragment ? { line: 1, what: 'instructions but no FROM (a fragment another file includes)', fillable: false } : fillable
}

/**
 * The Dockerfile a fillable template stands for, line for line: `INCLUDE` lines become comments
 * (the fragments they pull in are reviewed on their own), and a `${templateOption:x}` placeholder
 * becomes the option's name in lower case (a value the template fills in, not an empty default;
 * lower case, because it may stand for an image name).
 */
export function fillTemplate(text: string): string {
  return text
    .split('\n')
    .map((line) => (/^\s*INCLUDE\b/i.test(line) ? `# ${line}` : line.includes('${templateOption:') ? line.replace(/\$\{templateOption:([^}]*)\}/g, (_, name: string) => name.toLowerCase()) : line))
    .join('\n')
}

/** `FROM BUILD` after `FROM golang AS BUILD` names a stage (names ignore case), not a blank. */
function namesStage(lines: readonly string[], name: string): boolean {
  const lower = name.toLowerCase()
  return lines.some((l) => /^\s*FROM\s/i.test(l) && l.trim().toLowerCase().split(/\s+/).slice(-2).join(' ') === `as ${lower}`)
}

/** Test inputs kept next to the tests: often wrong on purpose, never built as images. */
const FIXTURE_FOLDER = /(?:^|\/)(?:testdata|fixtures?|__fixtures__|test-fixtures)\//i

/** The images of a test suite (test projects, workloads): built by tests, never shipped. */
const TEST_FOLDER = /(?:^|\/)(?:tests?|__tests__)\//i

/** What still matters in a test suite's image: what breaks its build. Its credentials are test data. */
const MATTERS_IN_TESTS: ReadonlySet<string> = new Set(['correctness', 'structure'])
const categoryOf = new Map(RULES.map((r) => [r.meta.id, r.meta.category]))

export function analyzeDockerfile(path: string, text: string, options: AnalysisOptions = {}, parsed?: ReturnType<typeof parseForAnalysis>): FileAnalysis {
  const template = templateEvidence(text)
  const note = (said: string): Finding => ({ rule: 'parse-error', severity: 'info', line: template?.line ?? 1, endLine: template?.line ?? 1, message: said, stage: null, equivalents: NO_EQUIVALENTS })
  if (template !== null && !template.fillable) {
    const finding = note(`this looks like the input of a generator, not a Dockerfile (${template.what}): it is not reviewed; review the Dockerfiles generated from it`)
    return { path, model: { ...parseDockerfile(''), errors: [], lineCount: Math.max(1, text.split('\n').length) }, graph: emptyGraph(), findings: [finding] }
  }
  const analysis = template === null ? analyzeParsed(path, text, options, parsed) : analyzeParsed(path, fillTemplate(text), options, undefined)
  if (template !== null) {
    analysis.findings.push(note(`this is the input of a generator (${template.what}): it is reviewed with the template's parts left out (INCLUDEd fragments, placeholder values); review the generated Dockerfiles too`))
    analysis.findings.sort(compareFindings)
  }
  // A fixture is an input of a test: what is wrong in it is often the point.
  if (FIXTURE_FOLDER.test(path)) for (const f of analysis.findings) f.severity = 'info'
  // In a test suite's own images, and in a file only old setups build, style, size and cache advice is not worth a warning.
  else if (TEST_FOLDER.test(path) || options.retired === true) for (const f of analysis.findings) if (!MATTERS_IN_TESTS.has(categoryOf.get(f.rule) ?? 'correctness')) f.severity = 'info'
  return analysis
}

function analyzeParsed(path: string, text: string, options: AnalysisOptions, parsed: ReturnType<typeof parseForAnalysis> | undefined): FileAnalysis {
  try {
    if (parsed !== undefined && !parsed.ok) throw parsed.error
    const model = parsed?.model ?? parseDockerfile(text, { buildArgs: options.buildArgs ?? {} })
    const graph = buildStageGraph(model, { target: options.target ?? null, path, ...(options.targets === undefined ? {} : { targets: options.targets }), anyTarget: options.anyTarget === true, ...(options.configuredPurpose === undefined ? {} : { configuredPurpose: options.configuredPurpose }) })
    return { path, model, graph, findings: withTargets(checkFile(model, graph, { ...options, path }), model, graph) }
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
