/**
 * A label key a tool will not read as meant: a key in the OCI namespace that the OCI spec does
 * not define (a typo of one it does), a key in Docker's reserved namespaces and, when labels are
 * configured, a key outside Docker's recommended format (lower-case letters, digits, `.` and `-`).
 */
import { closest } from './helpers.js'
import { labelsConfigured, OCI_LABELS, OCI_PREFIX, shippedLabelInstructions, shown } from './label-checks.js'
import type { Rule } from './types.js'

const RESERVED = ['com.docker.', 'io.docker.', 'org.dockerproject.']
/** Docker's own documented keys in its namespaces: Docker Desktop extensions must set these. */
const DOCKER_DOCUMENTED = ['com.docker.desktop.extension.', 'com.docker.extension.']
const OCI_KEYS = Object.keys(OCI_LABELS)

/** Docker's recommended key format: starts with a letter, ends with a letter or digit, no doubled separators. */
function wellFormed(key: string): boolean {
  return /^[a-z](?:[a-z0-9.-]*[a-z0-9])?$/.test(key) && !key.includes('..') && !key.includes('--')
}

/** Why a key is wrong, or null. `strict`: Docker's format counts too (labels are configured). */
function problem(key: string, strict: boolean): string | null {
  const lower = key.toLowerCase()
  if (lower.startsWith(OCI_PREFIX)) {
    if (OCI_LABELS[key] !== undefined) return null
    const near = closest(key, OCI_KEYS)
    if (OCI_LABELS[lower] !== undefined) return `${shown(key)} is not an OCI key, ${lower} is (keys are case-sensitive)`
    return `${shown(key)} is not one of the OCI image-spec keys${near === null ? '' : `: did you mean ${near}?`}`
  }
  const near = closest(key, OCI_KEYS)
  if (near !== null) return `${shown(key)} looks like the OCI key ${near}, which tools read by its exact name`
  if (RESERVED.some((p) => lower.startsWith(p)) && !DOCKER_DOCUMENTED.some((p) => lower.startsWith(p))) return `${shown(key)} is in a namespace Docker reserves for its own use (com.docker.*, io.docker.*, org.dockerproject.*): prefix it with a domain of your own`
  if (strict && !wellFormed(key)) return `${shown(key)} is not in Docker's recommended key format (lower-case letters, digits, . and -, starting with a letter and ending with a letter or digit)`
  return null
}

export const labelInvalidKey: Rule = {
  meta: {
    id: 'label-invalid-key',
    title: 'A label key tools will not read as meant',
    severity: 'warning',
    category: 'correctness',
    scope: 'ships',
    equivalents: { hadolint: 'DL3048', buildkit: null }
  },
  check: ({ model, graph, labels }) => {
    const strict = labelsConfigured(labels)
    return shippedLabelInstructions(model, graph).flatMap(({ instruction, pairs }) =>
      pairs
        .filter((p) => !p.keyVariable)
        .flatMap((p) => {
          const why = problem(p.key, strict)
          return why === null ? [] : [{ line: instruction.line, endLine: instruction.endLine, message: `label key ${why}`, stage: instruction.stage }]
        })
    )
  }
}
