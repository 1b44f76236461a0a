/** Rules whose findings the stage graph already computed while resolving references. */

import type { Rule, RuleMeta } from './types.js'
import type { GraphProblemKind } from '../model/graph.js'

export function graphProblemRule(meta: RuleMeta & { id: GraphProblemKind }): Rule {
  return {
    meta,
    check: ({ graph }) => graph.problems.filter((p) => p.kind === meta.id).map((p) => ({ line: p.line, message: p.message, stage: p.stage }))
  }
}
