/**
 * Reproducible bases: a tag or a digest. ARG defaults are resolved first, and a finding that
 * comes from an ARG default points at that ARG. Distroless `-debianNN` names are pinned enough:
 * distroless publishes no version tags.
 */
import { parseImageReference } from '../parse/image-ref.js'
import { argBehindFrom, builtByThisRepository, distroless, fromOrArg, pinAdvice } from './helpers.js'
import { installsFromAlpineEdge } from './base-image-latest.js'
import { programOf, runs, runSimpleCommands } from './run-helpers.js'
import type { Stage } from '../model/dockerfile.js'
import type { Rule } from './types.js'

/** Programs that move files and print text: what they do is the same in every version of a base. */
const FILE_MOVES: ReadonlySet<string> = new Set(['mkdir', 'cp', 'mv', 'cat', 'ln', 'chmod', 'chown', 'rm', 'touch', 'echo', 'printf', 'test', '[', 'set', 'true', 'false', 'basename', 'dirname'])

/** A stage whose RUNs only move files (docker-credential-helpers' releaser: mkdir, cat, cp): its base's version changes nothing it makes. */
function onlyMovesFiles(stage: Stage): boolean {
  const stageRuns = runs(stage)
  return stageRuns.length > 0 && stageRuns.every((run) => run.form !== 'json' && runSimpleCommands(run).every((c) => c.words.length === 0 || FILE_MOVES.has(programOf(c))))
}

export const baseImageUntagged: Rule = {
  meta: {
    id: 'base-image-untagged',
    title: 'A base image has no tag',
    severity: 'warning',
    category: 'correctness',
    scope: 'all',
    equivalents: { hadolint: 'DL3006', buildkit: null },
    inEnvironments: 'info'
  },
  check: ({ model, graph, repositoryImages }) =>
    model.stages
      .filter((s) => s.base.kind === 'image' && s.base.image !== null && s.base.tag === null && s.base.digest === null && s.base.unresolved.length === 0)
      .filter((s) => distroless(s.base.image as string)?.pinsRelease !== true && !installsFromAlpineEdge(s))
      // A sibling image this repository builds itself, chained on its own latest on purpose.
      .filter((s) => !builtByThisRepository(s.base.image ?? s.base.resolved, repositoryImages))
      .map((s) => {
        // The ARG holds the whole reference (`ARG BASE=node`, `FROM $BASE`); otherwise the FROM line lacks the tag.
        const arg = argBehindFrom(model, s, (value) => {
          const ref = parseImageReference(value)
          return ref !== null && ref.tag === null && ref.digest === null && value === s.base.resolved
        })
        const { subject, ...at } = fromOrArg(s, arg)
        const message = `${subject} has no tag, so it means :latest and changes under you; ${pinAdvice(s.base.image as string)}`
        // A build stage (its files are copied out, its image is not shipped) that only moves files.
        if (graph.roles[s.index] === 'build' && onlyMovesFiles(s)) return { ...at, message: `${message} (this build stage only moves files, so what it makes does not depend on the base's version)`, stage: s.index, severity: 'info' as const }
        return { ...at, message, stage: s.index }
      })
}
