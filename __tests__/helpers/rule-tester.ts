/**
 * A RuleTester in the spirit of ESLint's: for one rule, files it must leave alone and files it
 * must report, with the exact lines (and, when given, severities and message fragments).
 * Only the rule under test is looked at; the whole pipeline runs, as in production.
 */
import { describe, expect, it } from '@jest/globals'
import { buildStageGraph, type TargetRequest } from '../../src/graph/graph.js'
import type { Severity } from '../../src/model/finding.js'
import { parseDockerfile } from '../../src/parse/parse.js'
import { checkFile, type AnalysisOptions } from '../../src/review/analyze.js'
import type { LabelPolicy, OptionValue, Rule } from '../../src/rules/types.js'
import type { BaseFacts, SizeFact } from '../../src/model/image.js'

/** Facts of an image whose config sets nothing, for cases that set one or two fields. */
export const NO_FACTS: BaseFacts = { platform: 'linux/amd64', os: 'linux', user: null, env: [], workdir: null, entrypoint: null, cmd: null, ports: [], healthcheck: null, labels: {}, shell: null, created: null }

export interface Case {
  name: string
  code: string
  target?: string
  /** The builds of the file, as the build definitions give them (GraphOptions.targets); beats `target`. */
  targets?: TargetRequest[]
  buildArgs?: Record<string, string>
  /** Options of the rule under test, by name (as its meta declares them). */
  options?: Record<string, OptionValue>
  /** The .dockerignore text; null for none; leave out for an unknown context. */
  dockerignore?: string | null
  /** The names at the top of the context folder (with dockerignore): leave out for "not listed". */
  contextEntries?: string[]
  /** Image names the repository builds itself (RuleContext.repositoryImages). */
  repositoryImages?: string[]
  /** The label schema (`labels:` in the configuration). */
  labels?: LabelPolicy
  /**
   * What the registry said about base images, by the image a FROM names (as resolved): the
   * rule then sees RuleContext.baseFacts; leave out for "no registry look-up".
   */
  baseFacts?: Record<string, Partial<BaseFacts>>
  /** The shipped image's base size in the version before the change (RuleContext.previousShippedSize). */
  previousShippedSize?: SizeFact | null
  /** The date the rule judges by (RuleContext.today); leave out for today. */
  today?: string
  /** The Dockerfile's path in the repository (RuleContext.path). */
  path?: string
  /** A valid case must parse cleanly unless it says so (a rule must not pass only because the file is broken). */
  parseErrors?: true
}

export interface Expected {
  line: number
  severity?: Severity
  /** A fragment the message must contain. */
  message?: string
}

export interface InvalidCase extends Case {
  errors: Expected[]
}

/** Freezes the model and graph a rule is handed: a rule that writes to them fails its test. */
function deepFreeze<T>(value: T, seen = new Set<unknown>()): T {
  if (value === null || typeof value !== 'object' || seen.has(value)) return value
  seen.add(value)
  for (const key of Reflect.ownKeys(value)) deepFreeze((value as Record<string | symbol, unknown>)[key], seen)
  return Object.freeze(value)
}

export function testRule(rule: Rule, cases: { valid: Case[]; invalid: InvalidCase[] }): void {
  const declared = new Set((rule.meta.options ?? []).map((o) => o.name))
  const run = (c: Case) => {
    const unknown = Object.keys(c.options ?? {}).filter((o) => !declared.has(o))
    if (unknown.length > 0) throw new Error(`${rule.meta.id} declares no option ${unknown.join(', ')}`)
    const model = parseDockerfile(c.code, { buildArgs: c.buildArgs ?? {} })
    const graph = buildStageGraph(model, { target: c.target ?? null, ...(c.targets === undefined ? {} : { targets: c.targets }) })
    deepFreeze(model)
    deepFreeze(graph)
    const options: AnalysisOptions = {
      options: { [rule.meta.id]: c.options ?? {} },
      ...(c.labels === undefined ? {} : { labels: c.labels }),
      ...(c.repositoryImages === undefined ? {} : { repositoryImages: new Set(c.repositoryImages) }),
      ...(c.previousShippedSize === undefined ? {} : { previousShippedSize: c.previousShippedSize }),
      ...(c.today === undefined ? {} : { today: c.today }),
      ...(c.path === undefined ? {} : { path: c.path }),
      ...(c.baseFacts === undefined ? {} : { baseFacts: deepFreeze(model.stages.map((s) => { const f = s.base.kind === 'image' ? c.baseFacts?.[s.base.resolved] : undefined; return f === undefined ? null : { ...NO_FACTS, ...f } })) }),
      ...(c.dockerignore === undefined ? {} : { buildContext: { dockerignore: c.dockerignore, dockerignorePath: '.dockerignore', ...(c.contextEntries === undefined ? {} : { entries: new Set(c.contextEntries) }) } })
    }
    const findings = checkFile(model, graph, options)
    // Rules the engine skips on a file for their needs (RuleMeta.needs) have nothing to say about it:
    // every rule's findings on every case are the same when none is skipped.
    expect(checkFile(model, graph, { ...options, everyRule: true })).toEqual(findings)
    // One finding per cause is how the engine presents repeats; a rule's tests count every line it reports.
    const reported = findings.filter((f) => f.rule === rule.meta.id).flatMap((f) => [f, ...(f.alsoAt ?? []).map((line) => ({ ...f, line, endLine: line }))])
    return { errors: model.errors, findings: reported.sort((a, b) => a.line - b.line) }
  }

  describe(rule.meta.id, () => {
    describe('leaves alone', () => {
      it.each(cases.valid.map((c) => [c.name, c] as const))('%s', (_name, c) => {
        const { errors, findings } = run(c)
        if (c.parseErrors !== true) expect(errors.map((e) => `${e.line}: ${e.message}`)).toEqual([])
        expect(findings.map((f) => `${f.line}: ${f.message}`)).toEqual([])
      })
    })
    describe('reports', () => {
      it.each(cases.invalid.map((c) => [c.name, c] as const))('%s', (_name, c) => {
        const found = run(c).findings
        expect(found.map((f) => f.line)).toEqual(c.errors.map((e) => e.line))
        c.errors.forEach((e, i) => {
          const f = found[i]
          if (e.severity !== undefined) expect(f?.severity).toBe(e.severity)
          if (e.message !== undefined) expect(f?.message).toContain(e.message)
        })
      })
    })
  })
}
