/**
 * How much one change grows the shipped image (the base version's shipped base against the
 * head's), against a budget (`size-delta-budget:` per file glob, the input, or `max-growth`):
 * a pull request that moves the final stage onto a 300 MB heavier base fails before any build.
 * A new file has no version before, so it has no growth to judge (`size-budget` judges it).
 */
import { formatBytes, parseSize } from '../parse/settings.js'
import { stageChain } from './helpers.js'
import { sizeText } from './size-budget.js'
import type { Rule } from './types.js'

export const sizeDeltaBudget: Rule = {
  meta: {
    id: 'size-delta-budget',
    title: 'A change grows the shipped image past its budget',
    severity: 'error',
    category: 'size',
    scope: 'ships',
    equivalents: { hadolint: null, buildkit: null },
    about: 'file',
    options: [{ name: 'max-growth', type: 'string', default: null, doc: 'How much one change may grow the shipped image (50MB); `size-delta-budget:` sets it per file glob.' }]
  },
  check: ({ model, graph, baseSizes, previousShippedSize, options }) => {
    const written = options['max-growth']
    const max = typeof written === 'string' ? parseSize(written) : null
    if (max === null || graph.target === null || previousShippedSize === undefined || previousShippedSize === null) return []
    const root = stageChain(model, graph.target)[0]
    const size = root === undefined ? null : (baseSizes?.[root.index] ?? null)
    if (root === undefined || size === null) return []
    const growth = size.bytes - previousShippedSize.bytes
    if (growth <= max) return []
    const exact = size.source === 'registry' && previousShippedSize.source === 'registry'
    const amount = exact ? formatBytes(growth) : `≈ ${Math.round(growth / 1e6)} MB`
    return [{ line: root.line, message: `this change grows the shipped image by ${amount} compressed (from ${sizeText(previousShippedSize)} to ${sizeText(size)}), over its growth budget of ${String(written)}`, stage: root.index }]
  }
}
