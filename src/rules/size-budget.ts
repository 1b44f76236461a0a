/**
 * The shipped image's compressed size against a budget (`size-budget:` per file glob, the
 * `size-budget` input, or this rule's `max-size`), before anything is built: its base image's
 * size from the registry, else the built-in estimate. What the Dockerfile adds on top is not
 * estimated, so the size said is a lower bound.
 */
import { formatBytes, parseSize } from '../parse/settings.js'
import { stageChain } from './helpers.js'
import type { SizeFact } from '../model/image.js'
import type { Rule } from './types.js'

/** `390.0 MB (node:20, from the registry)` / `≈ 390 MB (node:20, the built-in estimate)`. */
export function sizeText(size: SizeFact): string {
  return size.source === 'registry' ? `${formatBytes(size.bytes)} (${size.image}, from the registry)` : `≈ ${Math.round(size.bytes / 1e6)} MB (${size.image}, the built-in estimate)`
}

export const sizeBudget: Rule = {
  meta: {
    id: 'size-budget',
    title: 'The shipped image is over its size budget',
    severity: 'error',
    category: 'size',
    scope: 'ships',
    equivalents: { hadolint: null, buildkit: null },
    about: 'file',
    options: [{ name: 'max-size', type: 'string', default: null, doc: 'The largest compressed size the shipped image may have (300MB, 1.5GB); `size-budget:` sets it per file glob.' }]
  },
  check: ({ model, graph, baseSizes, options }) => {
    const written = options['max-size']
    const max = typeof written === 'string' ? parseSize(written) : null
    if (max === null || graph.target === null) return []
    const root = stageChain(model, graph.target)[0]
    const size = root === undefined ? null : (baseSizes?.[root.index] ?? null)
    if (root === undefined || size === null || size.bytes <= max) return []
    return [{ line: root.line, message: `the shipped image is at least ${sizeText(size)} compressed, over its size budget of ${String(written)}: ship on a smaller base (a slim, alpine or distroless variant) or raise the budget`, stage: root.index }]
  }
}
