import type { Rule } from './types.js'

export const copyDestinationSlash: Rule = {
  meta: {
    id: 'copy-destination-slash',
    title: 'COPY of several sources to a destination without a trailing /',
    severity: 'error',
    category: 'correctness',
    scope: 'all',
    equivalents: { hadolint: 'DL3021', buildkit: null }
  },
  check: ({ model }) =>
    model.stages.flatMap((s) =>
      s.instructions
        .filter((i) => i.keyword === 'COPY' && i.copy !== undefined && i.copy.sources.length > 1 && i.copy.destination !== null && !i.copy.destination.endsWith('/') && !i.copy.destination.includes('$'))
        .map((i) => ({ line: i.line, endLine: i.endLine, message: `COPY of ${i.copy?.sources.length ?? 0} sources needs a folder as destination: write ${i.copy?.destination ?? ''}/`, stage: s.index }))
    )
}
