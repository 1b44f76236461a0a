/**
 * Several sources (files, folders, heredocs) into one destination need a folder, written with a
 * trailing `/`. The classic builder and hadolint (DL3021) reject it; BuildKit copies each source
 * onto the same path when that folder does not exist yet, so only the last one is left.
 */
import type { Instruction } from '../model/dockerfile.js'
import { knownValue } from './helpers.js'
import type { Rule } from './types.js'

/** A value flag written without `=` (`--chmod 644 a b /x`) takes the next word as a source: that is the real mistake. */
const VALUE_FLAGS: ReadonlySet<string> = new Set(['from', 'chmod', 'chown', 'exclude', 'checksum'])

/** The destination several sources go to when it is a known path without a trailing `/`; null otherwise. */
function severalIntoFile(ins: Instruction): string | null {
  const copy = ins.copy
  if (copy === undefined || copy.sources.length < 2) return null
  if (ins.flags.some((f) => f.value === null && VALUE_FLAGS.has(f.name))) return null
  // A destination from a variable with no value here is unknown: it may well end with /.
  const dest = knownValue(copy.destinationWord)
  if (dest === null || dest === '' || dest.endsWith('/') || dest.includes('$')) return null
  return dest
}

export const copyDestinationSlash: Rule = {
  meta: {
    id: 'copy-destination-slash',
    title: 'COPY or ADD of several sources to a destination without a trailing /',
    severity: 'warning',
    category: 'correctness',
    scope: 'all',
    equivalents: { hadolint: 'DL3021', buildkit: null }
  },
  check: ({ model }) =>
    model.stages.flatMap((s) =>
      s.instructions.flatMap((i) => {
        if (i.keyword !== 'COPY' && i.keyword !== 'ADD') return []
        const dest = severalIntoFile(i)
        if (dest === null) return []
        // `.` is the working directory, always a folder: only the classic builder minds.
        const buildkit = dest === '.' || dest === '..' ? 'BuildKit accepts it' : `BuildKit accepts it, but unless ${dest} already is a folder each source overwrites the previous one and only the last is left (moby/buildkit#1853)`
        const count = i.copy?.sources.length ?? 0
        return [{ line: i.line, endLine: i.endLine, message: `${i.keyword} of ${count} sources to ${dest}: the classic builder fails ("the destination must be a directory and end with a /"), ${buildkit}; write ${dest}/`, stage: s.index }]
      })
    )
}
