/**
 * The OCI base-image labels name another image than the FROM chain starts from: a base bumped
 * without its label, and Docker Scout judges the wrong base.
 */
import { BASE_DIGEST, BASE_NAME, canonicalImage, derivedBase, imageLabels, labelsConfigured, shippedTargets, shown } from './label-checks.js'
import type { Rule, RuleReport } from './types.js'

export const labelBaseMismatch: Rule = {
  meta: {
    id: 'label-base-mismatch',
    title: 'An OCI base-image label names another image than the FROM',
    severity: 'warning',
    category: 'correctness',
    scope: 'ships',
    equivalents: { hadolint: null, buildkit: null }
  },
  check: ({ model, graph, labels }) => {
    if (!labelsConfigured(labels)) return []
    const seen = new Set<string>()
    return shippedTargets(graph).flatMap((target) => {
      const base = derivedBase(model, target)
      if (base === null || base.scratch) return []
      const present = imageLabels(model, target)
      const out: RuleReport[] = []
      const name = present.get(BASE_NAME)
      if (labels.types[BASE_NAME] !== undefined && name !== undefined && !name.variable && base.name !== null) {
        const labelled = canonicalImage(name.value.trim())
        if (labelled !== null && labelled !== base.name) out.push({ line: name.instruction.line, endLine: name.instruction.endLine, message: `label ${BASE_NAME}="${shown(name.value)}" names another image than the FROM on line ${base.line} (${shown(base.written)}): set it to "${base.name}"`, stage: name.stage })
      }
      const digest = present.get(BASE_DIGEST)
      if (labels.types[BASE_DIGEST] !== undefined && digest !== undefined && !digest.variable && base.digest !== null && digest.value.trim() !== base.digest) {
        out.push({ line: digest.instruction.line, endLine: digest.instruction.endLine, message: `label ${BASE_DIGEST}="${shown(digest.value)}" is not the digest the FROM on line ${base.line} pins: set it to "${base.digest}"`, stage: digest.stage })
      }
      return out.filter((r) => !seen.has(`${r.line}\u0000${r.message}`) && seen.add(`${r.line}\u0000${r.message}`) !== undefined)
    })
  }
}
