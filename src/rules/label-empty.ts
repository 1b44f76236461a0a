/** A label the schema names is set to an empty value: the image has the key and says nothing. */
import { CONFIGURED, EXAMPLE, labelsConfigured, shippedAssignments, shown } from './label-checks.js'
import type { Rule } from './types.js'

export const labelEmpty: Rule = {
  meta: {
    id: 'label-empty',
    title: 'A label the schema requires is empty',
    severity: 'warning',
    category: 'correctness',
    scope: 'ships',
    equivalents: { hadolint: 'DL3051', buildkit: null }
  },
  check: ({ model, graph, labels }) => {
    if (!labelsConfigured(labels)) return []
    return shippedAssignments(model, graph)
      .filter((p) => labels.types[p.key] !== undefined && !p.variable && p.value.trim() === '')
      .map((p) => ({
        line: p.instruction.line,
        endLine: p.instruction.endLine,
        message: `label ${shown(p.key)} is empty in the shipped image, and ${CONFIGURED} asks for a value: e.g. ${shown(p.key)}="${EXAMPLE[labels.types[p.key] ?? 'text']}"`,
        stage: p.stage
      }))
  }
}
