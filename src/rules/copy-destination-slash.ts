/** COPY of several sources to a destination without a trailing `/`: the classic builder rejects it. */
import { knownValue } from './helpers.js'
import type { Rule } from './types.js'

export const copyDestinationSlash: Rule = {
  meta: {
    id: 'copy-destination-slash',
    title: 'COPY of several sources to a destination without a trailing /',
    severity: 'warning',
    category: 'correctness',
    scope: 'all',
    equivalents: { hadolint: 'DL3021', buildkit: null }
  },
  check: ({ model }) =>
    model.stages.flatMap((s) =>
      s.instructions.flatMap((i) => {
        const copy = i.copy
        if (i.keyword !== 'COPY' || copy === undefined || copy.sources.length < 2) return []
        // A destination from a variable with no value here is unknown: it may well end with /.
        const dest = knownValue(copy.destinationWord)
        if (dest === null || dest === '' || dest.endsWith('/') || dest.includes('$')) return []
        // `.` is the working directory, always a folder: only the classic builder minds.
        const buildkit = dest === '.' || dest === '..' ? 'BuildKit accepts it' : `BuildKit accepts it, but unless ${dest} already is a folder each source overwrites the previous one and only the last is left (moby/buildkit#1853)`
        return [
          {
            line: i.line,
            endLine: i.endLine,
            message: `COPY of ${copy.sources.length} sources to ${dest}: the classic builder fails ("the destination must be a directory and end with a /"), ${buildkit}; write ${dest}/`,
            stage: s.index
          }
        ]
      })
    )
}
