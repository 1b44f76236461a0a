/**
 * A rule's needs (RuleMeta.needs) let the engine skip it on a file; they must be necessary
 * conditions, or a finding is lost. Proved here on every corpus file: a rule whose needs a file
 * does not have reports nothing on it when run anyway, and the engine's findings are the same with
 * and without the skip. The rule tester checks the same on every spec case (rule-tester.ts).
 */
import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { buildStageGraph } from '../../src/graph/graph.js'
import { parseDockerfile } from '../../src/parse/parse.js'
import { checkFile } from '../../src/review/analyze.js'
import { optionsOf } from '../../src/rules/engine.js'
import { endFile } from '../../src/rules/file-cache.js'
import { fileFacts, mayReport } from '../../src/rules/needs.js'
import { RULES } from '../../src/rules/registry.js'
import { aptListsLeft } from '../../src/rules/apt-lists-left.js'
import type { Rule } from '../../src/rules/types.js'
import type { DockerfileModel } from '../../src/model/dockerfile.js'
import type { StageGraph } from '../../src/model/graph.js'
import { corpusAvailable, readManifest } from '../helpers/corpus.js'

const TODAY = '2026-06-01'

/** The rules with needs that the file does not have, yet report something on it when run: each a lost finding. */
function wrongNeeds(rules: readonly Rule[], model: DockerfileModel, graph: StageGraph): { skipped: number; wrong: string[] } {
  const facts = fileFacts(model)
  let skipped = 0
  const wrong: string[] = []
  for (const rule of rules) {
    if (mayReport(rule.meta.needs, facts)) continue
    skipped++
    const reports = rule.check({ model, graph, rules: RULES, options: optionsOf(rule, {}), today: TODAY })
    if (reports.length > 0) wrong.push(`${rule.meta.id} (line ${reports[0]?.line ?? '?'}: ${reports[0]?.message ?? ''})`)
  }
  endFile()
  return { skipped, wrong }
}

const analysed = (code: string): { model: DockerfileModel; graph: StageGraph } => {
  const model = parseDockerfile(code)
  return { model, graph: buildStageGraph(model, {}) }
}

describe('file facts', () => {
  it('are the programs the parser split from each RUN (wrappers dropped, heredoc scripts too), the install managers and the keywords', () => {
    const { model } = analysed('ARG A=1\nFROM debian\nrun sudo -u app apt-get install -y curl && /usr/bin/pip3 install x\nRUN <<EOF\nzypper in y\nEOF\nmaintainer me\n')
    const facts = fileFacts(model)
    expect([...facts.programs].sort()).toEqual(['apt-get', 'pip3', 'zypper'])
    expect([...facts.managers].sort()).toEqual(['apt', 'pip'])
    expect([...facts.keywords].sort()).toEqual(['ARG', 'FROM', 'MAINTAINER', 'RUN'])
  })

  it('do not expand variables: `$PM install` runs the program `$PM`, as the rules read it', () => {
    const facts = fileFacts(analysed('FROM fedora\nARG PM=dnf\nRUN $PM install x\n').model)
    expect(facts.programs.has('dnf')).toBe(false)
    expect(facts.programs.has('$PM')).toBe(true)
  })
})

describe('mayReport', () => {
  const facts = fileFacts(analysed('FROM alpine\nRUN apk add x\nEXPOSE 80\n').model)
  it('is true for a rule without needs and when any one need is met', () => {
    expect(mayReport(undefined, facts)).toBe(true)
    expect(mayReport({ programs: ['apt-get', 'apk'] }, facts)).toBe(true)
    expect(mayReport({ programs: ['yum'], keywords: ['EXPOSE'] }, facts)).toBe(true)
    expect(mayReport({ managers: ['apk'] }, facts)).toBe(true)
  })
  it('is false when no need is met', () => {
    expect(mayReport({ programs: ['yum'], managers: ['pip'], keywords: ['MAINTAINER'] }, facts)).toBe(false)
    expect(mayReport({ programs: [] }, facts)).toBe(false)
  })
})

describe('declared needs', () => {
  it('each name at least one thing, keywords in upper case', () => {
    const bad = RULES.filter((r) => r.meta.needs !== undefined).filter((r) => {
      const n = r.meta.needs ?? {}
      const all = [...(n.programs ?? []), ...(n.managers ?? []), ...(n.keywords ?? [])]
      return all.length === 0 || (n.keywords ?? []).some((k) => k !== k.toUpperCase())
    })
    expect(bad.map((r) => r.meta.id)).toEqual([])
  })

  it('a need that is not necessary is caught: apt-lists-left said to need zypper reports on a file without it', () => {
    const wrongly: Rule = { ...aptListsLeft, meta: { ...aptListsLeft.meta, needs: { programs: ['zypper'] } } }
    const { model, graph } = analysed('FROM debian\nRUN apt-get update && apt-get install -y curl\n')
    expect(wrongNeeds([wrongly], model, graph)).toEqual({ skipped: 1, wrong: [expect.stringContaining('apt-lists-left (line 2')] })
    expect(wrongNeeds([aptListsLeft], model, graph)).toEqual({ skipped: 0, wrong: [] })
  })
})

const describeCorpus = corpusAvailable() ? describe : describe.skip

describeCorpus('needs on the shared corpus', () => {
  const entries = corpusAvailable() ? readManifest() : []
  const files = entries.map((e) => ({ file: e.file, text: readFileSync(e.path, 'utf8') }))

  it('are necessary: no rule the engine would skip on a file reports anything on it', () => {
    let skipped = 0
    const wrong: string[] = []
    for (const { file, text } of files) {
      const { model, graph } = analysed(text)
      const found = wrongNeeds(RULES, model, graph)
      skipped += found.skipped
      wrong.push(...found.wrong.map((w) => `${file}: ${w}`))
    }
    expect(wrong).toEqual([])
    // The skip is not idle: most files lack most package managers.
    expect(skipped).toBeGreaterThan(files.length * 5)
  })

  it('leave the findings as they are: the same with and without the skip, on every file', () => {
    const differ: string[] = []
    for (const { file, text } of files) {
      const { model, graph } = analysed(text)
      const skipping = checkFile(model, graph, { today: TODAY })
      const everyRule = checkFile(model, graph, { today: TODAY, everyRule: true })
      if (JSON.stringify(skipping) !== JSON.stringify(everyRule)) differ.push(file)
    }
    expect(differ).toEqual([])
  })
})
