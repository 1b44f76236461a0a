/** Runs rules over one analysed file: scope, severity and the finding's shape are applied here, once. */
import { compareFindings, type Finding, type Severity } from '../model/finding.js'
import { isSuppressed, readSuppressions, shellcheckId, SUPPRESSION_TOOLS, type SuppressionTool } from './suppressions.js'
import { environmentOnlyStages } from '../graph/graph.js'
import type { OptionValue, Rule, RuleContext, RuleReport } from './types.js'
import { endFile } from './file-cache.js'
import { fileFacts, mayReport, type FileFacts } from './needs.js'

export type RuleLevel = Severity | 'off'

/** Configured option values by rule id, then option name (validated by the config loader). */
export type RuleOptions = Readonly<Record<string, Readonly<Record<string, OptionValue>>>>

/** A configured ignore (`suppress:`): these rule ids (or `shellcheck/SC2086`) in the stages it names. */
export interface ScopedIgnore {
  ids: ReadonlySet<string>
  /** Whether a stage (by name, null when unnamed, and index) is covered; null: every stage and the lines before the first FROM. */
  stage: ((name: string | null, index: number) => boolean) | null
}

export interface RunOptions {
  /** Per-rule level from configuration; a missing id keeps the rule's default. */
  levels?: Readonly<Record<string, RuleLevel>>
  options?: RuleOptions
  /** Whose suppression comments count (`allow-suppressions: false` leaves none; `disable-ignore-pragma` drops hadolint's). */
  honoured?: readonly SuppressionTool[]
  ignores?: readonly ScopedIgnore[]
  /** Rules no suppression comment silences (the configuration's `suppressible: false`). */
  unsuppressible?: ReadonlySet<string>
  /** Run every rule, also those whose needs the file does not have (the test that the needs are necessary). */
  everyRule?: boolean
}

const NO_OPTIONS: Readonly<Record<string, OptionValue>> = Object.freeze({})

/** What a rule sees as its options: the declared defaults, overridden by the configured values. */
export function optionsOf(rule: Rule, configured: RuleOptions | undefined): Record<string, OptionValue> {
  const values: Record<string, OptionValue> = {}
  for (const o of rule.meta.options ?? []) values[o.name] = configured?.[rule.meta.id]?.[o.name] ?? o.default
  return values
}

/** `# check=experimental=Name|all` turns BuildKit's experimental checks on, as in BuildKit. */
function experimentalOn(context: FileContext, rule: Rule): boolean {
  const list = context.model.directives.check?.experimental ?? []
  return list === 'all' || (rule.meta.equivalents.buildkit !== null && list.includes(rule.meta.equivalents.buildkit))
}

/** The file as every rule sees it; each rule gets its own options on top. */
export type FileContext = Omit<RuleContext, 'options'>

/** The stage a finding is about: its own, else the stage whose lines hold it (-1 before the first FROM). */
function stageOf(context: FileContext, f: Finding): number {
  if (f.stage !== null) return f.stage
  return context.model.stages.find((s) => f.line >= s.line && f.line <= s.endLine)?.index ?? -1
}

function configuredIgnore(context: FileContext, ignores: readonly ScopedIgnore[]): (f: Finding) => boolean {
  if (ignores.length === 0) return () => false
  return (f) => {
    const code = f.equivalents.hadolint
    const ids = code !== null && code.startsWith('SC') ? [f.rule, shellcheckId(code)] : [f.rule]
    return ignores.some((ignore) => {
      if (!ids.some((id) => ignore.ids.has(id))) return false
      if (ignore.stage === null) return true
      const stage = context.model.stages[stageOf(context, f)]
      return stage !== undefined && ignore.stage(stage.name, stage.index)
    })
  }
}

export function runRules(context: FileContext, options: RunOptions = {}): Finding[] {
  try {
    return checkRules(context, options)
  } finally {
    // What the rules cached about this file goes with it (see file-cache.ts).
    endFile()
  }
}

/**
 * One rule as the loop over a file reads it: the same shape for every rule, worked out once per
 * rule set and levels. Each rule's meta has its own shape, and reading seven of its fields for
 * every rule of every file made those reads megamorphic (a tenth of the engine's time).
 */
interface PlannedRule {
  rule: Rule
  id: string
  /** The configured level; undefined keeps the rule's (or its report's) severity. */
  level: Severity | undefined
  experimental: boolean
  needs: Rule['meta']['needs']
  hasOptions: boolean
  shipsOnly: boolean
  infoInEnvironments: boolean
  severity: Severity
  equivalents: Finding['equivalents']
}

const NO_LEVELS: Readonly<Record<string, RuleLevel>> = Object.freeze({})
const plans = new WeakMap<readonly Rule[], WeakMap<object, readonly PlannedRule[]>>()

function planOf(rules: readonly Rule[], levels: Readonly<Record<string, RuleLevel>>): readonly PlannedRule[] {
  let byLevels = plans.get(rules)
  if (byLevels === undefined) plans.set(rules, (byLevels = new WeakMap()))
  let plan = byLevels.get(levels)
  if (plan === undefined) {
    plan = rules.flatMap((rule): PlannedRule[] => {
      const { meta } = rule
      const level = levels[meta.id]
      if (level === 'off') return []
      return [{ rule, id: meta.id, level, experimental: meta.experimental === true && level === undefined, needs: meta.needs, hasOptions: (meta.options?.length ?? 0) > 0, shipsOnly: meta.scope === 'ships', infoInEnvironments: meta.inEnvironments === 'info', severity: meta.severity, equivalents: meta.equivalents }]
    })
    byLevels.set(levels, plan)
  }
  return plan
}

/** The file's context with a rule's own options: every field listed, so each such context has one shape. */
function withOptions(c: FileContext, options: Readonly<Record<string, OptionValue>>): RuleContext {
  const context: { [K in keyof Required<RuleContext>]: RuleContext[K] } = {
    buildContext: c.buildContext,
    repositoryImages: c.repositoryImages,
    model: c.model,
    graph: c.graph,
    path: c.path,
    rules: c.rules,
    options,
    shellcheck: c.shellcheck,
    labels: c.labels,
    baseFacts: c.baseFacts,
    baseSizes: c.baseSizes,
    previousShippedSize: c.previousShippedSize,
    today: c.today
  }
  return context
}

function checkRules(context: FileContext, options: RunOptions): Finding[] {
  const rules = context.rules
  const findings: Finding[] = []
  const lastLine = context.model.lineCount
  const suppressions = readSuppressions(context.model, rules)
  const everyTool = options.honoured ?? SUPPRESSION_TOOLS
  const unsuppressible = options.unsuppressible
  const honouredFor = (rule: string): readonly SuppressionTool[] => (unsuppressible?.has(rule) === true ? [] : everyTool)
  let environmentOnly: boolean[] | undefined
  const inEnvironment = (stage: number): boolean => (environmentOnly ??= environmentOnlyStages(context.graph, context.model.stages))[stage] === true
  // Most rules have no options: they share one context per file instead of a copy each.
  const shared = withOptions(context, NO_OPTIONS)
  const roles = context.graph.roles
  let facts: FileFacts | undefined
  for (const planned of planOf(rules, options.levels ?? NO_LEVELS)) {
    const { rule, id, level } = planned
    if (planned.experimental && !experimentalOn(context, rule)) continue
    // A rule whose needs the file does not have has nothing to say about it.
    if (planned.needs !== undefined && options.everyRule !== true && !mayReport(planned.needs, (facts ??= fileFacts(context.model)))) continue
    const reports = rule.check(planned.hasOptions ? withOptions(context, optionsOf(rule, options.options)) : shared)
    for (let r = 0; r < reports.length; r++) {
      const report = reports[r] as RuleReport
      if (planned.shipsOnly && report.stage !== null && roles[report.stage] !== 'ships') continue
      const line = Math.min(Math.max(1, report.line), lastLine)
      if (report.alsoSuppressedAt !== undefined && report.alsoSuppressedAt.some((at) => isSuppressed(suppressions, { rule: id, line: at }, honouredFor(id)))) continue
      findings.push({
        rule: id,
        severity: level ?? (planned.infoInEnvironments && report.stage !== null && inEnvironment(report.stage) ? 'info' : (report.severity ?? planned.severity)),
        line,
        endLine: Math.min(Math.max(line, report.endLine ?? line), lastLine),
        message: report.message,
        stage: report.stage,
        equivalents: report.equivalents ?? planned.equivalents
      })
    }
  }
  const ignored = configuredIgnore(context, options.ignores ?? [])
  const kept = findings.filter((f) => !isSuppressed(suppressions, f, honouredFor(f.rule)) && !ignored(f))
  if (suppressions.buildkitErrors) {
    // `# check=error=true`: BuildKit fails the build on its checks, so they are errors here too.
    for (const f of kept) if (f.equivalents.buildkit !== null) f.severity = 'error'
  }
  return oneFindingPerCause(kept.sort(compareFindings))
}

/**
 * The same rule saying the same thing on many lines of a file is one cause: one finding at the
 * first line that lists the others (`alsoAt`), not 34 annotations. Findings arrive sorted by line.
 */
export function oneFindingPerCause(findings: Finding[]): Finding[] {
  const first = new Map<string, Finding>()
  const out: Finding[] = []
  for (const f of findings) {
    const key = `${f.rule}\u0000${f.severity}\u0000${f.message}`
    const seen = first.get(key)
    if (seen === undefined) {
      first.set(key, f)
      out.push(f)
    } else (seen.alsoAt ??= []).push(f.line)
  }
  return out
}
