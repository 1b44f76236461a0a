/**
 * A COPY/ADD destination is a path, never a pattern: `COPY a.txt /app/*` creates a file named
 * `*` in /app. Wildcards belong to the sources; a folder destination ends with `/`.
 */
import type { Rule } from './types.js'

export const copyDestinationWildcard: Rule = {
  meta: {
    id: 'copy-destination-wildcard',
    title: 'A COPY or ADD destination contains a wildcard',
    severity: 'warning',
    category: 'correctness',
    scope: 'all',
    equivalents: { hadolint: null, buildkit: null }
  },
  check: ({ model }) =>
    model.stages.flatMap((stage) =>
      stage.instructions.flatMap((ins) => {
        const destination = ins.copy?.destination ?? null
        if (destination === null || !destination.includes('*')) return []
        const cut = destination.indexOf('*')
        const folder = destination.slice(0, destination.lastIndexOf('/', cut) + 1) || './'
        return [
          {
            line: ins.line,
            endLine: ins.endLine,
            message: `${ins.keyword} does not expand * in the destination ${destination}: it creates a file or folder literally named "${destination.slice(destination.lastIndexOf('/', cut) + 1)}"; copy into the folder instead: ${ins.keyword} … ${folder}`,
            stage: stage.index
          }
        ]
      })
    )
}
