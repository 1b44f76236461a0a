/**
 * A shipped image lacks a label the schema requires. For the OCI base-image labels the message
 * gives the value the FROM chain says (Docker Scout's base-image policies read them).
 */
import { BASE_DIGEST, BASE_NAME, CONFIGURED, derivedBase, EXAMPLE, imageLabels, labelsConfigured, shippedTargets, shown, type DerivedBase } from './label-checks.js'
import type { Rule } from './types.js'

/** The LABEL line to add for one missing key, or null when there is nothing to label (base.* of a scratch image). */
function suggestion(key: string, example: string, base: DerivedBase | null): string | null {
  if (key === BASE_NAME || key === BASE_DIGEST) {
    if (base === null || base.scratch) return null
    if (key === BASE_NAME) return base.name === null ? `${key}="${shown(base.written)}" (the FROM's image, with its variables declared by ARG in this stage)` : `${key}="${base.name}"`
    return base.digest === null ? `${key}="sha256:…" (the FROM names no digest: pin it, FROM ${shown(base.written)}@sha256:…, and repeat the digest here)` : `${key}="${base.digest}"`
  }
  return `${key}="${example}"`
}

export const labelMissing: Rule = {
  meta: {
    id: 'label-missing',
    title: 'The shipped image lacks a label the schema requires',
    severity: 'warning',
    category: 'correctness',
    scope: 'ships',
    equivalents: { hadolint: 'DL3049', buildkit: null },
    about: 'file'
  },
  check: ({ model, graph, labels }) => {
    if (!labelsConfigured(labels) || labels.required.length === 0) return []
    return shippedTargets(graph).flatMap((target) => {
      const stage = model.stages[target]
      if (stage === undefined) return []
      const present = imageLabels(model, target)
      const base = derivedBase(model, target)
      const missing = labels.required.filter((key) => !present.has(key)).flatMap((key) => {
        const line = suggestion(key, EXAMPLE[labels.types[key] ?? 'text'], base)
        return line === null ? [] : [{ key, line }]
      })
      if (missing.length === 0) return []
      const names = missing.map((m) => m.key)
      const shownNames = names.length > 4 ? `${names.slice(0, 4).join(', ')} and ${names.length - 4} more` : names.join(', ')
      return [
        {
          line: stage.line,
          message: `the shipped image has no ${names.length > 1 ? 'labels' : 'label'} ${shownNames}, which ${CONFIGURED} requires: add LABEL ${missing.map((m) => m.line).join(' ')}`,
          stage: target
        }
      ]
    })
  }
}
