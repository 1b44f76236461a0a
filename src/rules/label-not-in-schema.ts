/** With strict labels, the shipped image carries a label the schema does not name (a typo, or metadata that should not leak). */
import { labelsConfigured, shippedLabelInstructions, shown } from './label-checks.js'
import { listNames } from './run-helpers.js'
import type { Rule } from './types.js'

export const labelNotInSchema: Rule = {
  meta: {
    id: 'label-not-in-schema',
    title: 'With strict labels, a label the schema does not name',
    severity: 'warning',
    category: 'correctness',
    scope: 'ships',
    equivalents: { hadolint: 'DL3050', buildkit: null }
  },
  check: ({ model, graph, labels }) => {
    if (!labelsConfigured(labels) || !labels.strict) return []
    return shippedLabelInstructions(model, graph).flatMap(({ instruction, pairs }) => {
      const extra = [...new Set(pairs.filter((p) => !p.keyVariable && labels.types[p.key] === undefined).map((p) => shown(p.key)))]
      if (extra.length === 0) return []
      const none = Object.keys(labels.types).length === 0
      return [
        {
          line: instruction.line,
          endLine: instruction.endLine,
          message: `label${extra.length > 1 ? 's' : ''} ${listNames(extra)} ${extra.length > 1 ? 'are' : 'is'} not in the label schema, and strict labels allow ${none ? 'no label at all (the schema is empty)' : 'no other'}: remove ${extra.length > 1 ? 'them' : 'it'}, or add ${extra.length > 1 ? 'them' : 'it'} to labels: schema in .stagecraft.yml`,
          stage: instruction.stage
        }
      ]
    })
  }
}
