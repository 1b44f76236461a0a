/**
 * Several sources (files, folders, heredocs) into one destination need a folder, written with a
 * trailing `/`. The classic builder and hadolint (DL3021) reject it; BuildKit copies each source
 * onto the same path when that folder does not exist yet, so only the last one is left.
 */
import type { Instruction } from '../model/dockerfile.js'
import type { Rule } from './types.js'

/** A value flag written without `=` (`--chmod 644 a b /x`) takes the next word as a source: that is the real mistake. */
const VALUE_FLAGS: ReadonlySet<string> = new Set(['from', 'chmod', 'chown', 'exclude', 'checksum'])

function severalIntoFile(ins: Instruction): boolean {
  const copy = ins.copy
  if (copy === undefined || copy.sources.length < 2 || copy.destination === null) return false
  if (ins.flags.some((f) => f.value === null && VALUE_FLAGS.has(f.name))) return false
  return !copy.destination.endsWith('/') && !copy.destination.includes('$')
}

export const copyDestinationSlash: Rule = {
  meta: {
    id: 'copy-destination-slash',
    title: 'COPY or ADD of several sources to a destination without a trailing /',
    severity: 'error',
    category: 'correctness',
    scope: 'all',
    equivalents: { hadolint: 'DL3021', buildkit: null }
  },
  check: ({ model }) =>
    model.stages.flatMap((s) =>
      s.instructions
        .filter((i) => (i.keyword === 'COPY' || i.keyword === 'ADD') && severalIntoFile(i))
        .map((i) => ({ line: i.line, endLine: i.endLine, message: `${i.keyword} of ${i.copy?.sources.length ?? 0} sources needs a folder as destination: write ${i.copy?.destination ?? ''}/`, stage: s.index }))
    )
}
