/**
 * A rule's `needs` (RuleMeta.needs): what a file must have for the rule to report anything on it,
 * like an ESLint selector. The engine reads these facts once per file and skips a rule whose
 * needs the file does not have, so the many rules about one package manager or one instruction
 * cost a set look-up on the files that never use it. The facts are read from the model the rules
 * see (the parser's split of each RUN, its package installs, the instructions' keywords), never
 * from the text, so variables, case, heredocs and continuations mean to them what they mean to
 * the rules. A need must be a necessary condition: __tests__/rules/needs.test.ts runs every rule
 * on every corpus file and the rule tester on every spec case, with and without the skip.
 */
import type { DockerfileModel } from '../model/dockerfile.js'
import type { RuleNeeds } from './types.js'

/** What a file has, in the terms rules state their needs in. */
export interface FileFacts {
  /** The program of every command of every RUN (RunDetails.commands: the parser's split, wrappers such as sudo dropped). */
  programs: ReadonlySet<string>
  /** The manager of every package install of every RUN (RunDetails.installs). */
  managers: ReadonlySet<string>
  /** The keyword (upper case) of every instruction, the preamble's too. */
  keywords: ReadonlySet<string>
}

export function fileFacts(model: DockerfileModel): FileFacts {
  const programs = new Set<string>()
  const managers = new Set<string>()
  const keywords = new Set<string>()
  for (const ins of model.instructions) {
    keywords.add(ins.keyword)
    const run = ins.run
    if (run === undefined) continue
    for (const c of run.commands) programs.add(c.program)
    for (const p of run.installs) managers.add(p.manager)
  }
  return { programs, managers, keywords }
}

const hasAny = (have: ReadonlySet<string>, wanted: readonly string[] | undefined): boolean => wanted !== undefined && wanted.some((w) => have.has(w))

/** Whether a file with these facts has one of the things the rule needs (any of them will do); true for a rule that needs nothing. */
export function mayReport(needs: RuleNeeds | undefined, facts: FileFacts): boolean {
  if (needs === undefined) return true
  return hasAny(facts.programs, needs.programs) || hasAny(facts.managers, needs.managers) || hasAny(facts.keywords, needs.keywords)
}
