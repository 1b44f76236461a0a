/**
 * Rules whose problems the stage graph found while resolving references. The graph records the
 * facts; each rule says them in its own words.
 */
import type { DockerfileModel } from '../model/dockerfile.js'
import type { GraphProblem, GraphProblemKind } from '../model/graph.js'
import type { Rule, RuleMeta } from './types.js'

export function graphProblemRule<K extends GraphProblemKind>(meta: RuleMeta & { id: K }, word: (problem: Extract<GraphProblem, { kind: K }>, model: DockerfileModel) => string): Rule {
  return {
    meta,
    check: ({ graph, model }) =>
      graph.problems.filter((p): p is Extract<GraphProblem, { kind: K }> => p.kind === meta.id).map((p) => ({ line: p.line, message: word(p, model), stage: p.stage }))
  }
}

/** A stage as messages name it: `"builder"`, or its index when it has no name. */
export function stageName(model: DockerfileModel, index: number): string {
  const stage = model.stages[index]
  return stage === undefined || stage.name === null ? `${index}` : `"${stage.name}"`
}
