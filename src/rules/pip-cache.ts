import { hasCacheMount, runs } from './run-helpers.js'
import { runInstalls } from '../parse/packages.js'
import type { Rule } from './types.js'

export const pipCache: Rule = {
  meta: {
    id: 'pip-cache',
    title: 'pip install keeps its download cache in a shipped layer',
    severity: 'warning',
    category: 'size',
    scope: 'ships',
    equivalents: { hadolint: 'DL3042', buildkit: null }
  },
  check: ({ model }) =>
    model.stages.flatMap((stage) =>
      runs(stage).flatMap((run) => {
        if (run.scope.has('PIP_NO_CACHE_DIR') || hasCacheMount(run, ['/root/.cache/pip'])) return []
        const offending = runInstalls(run).find((p) => p.manager === 'pip' && !p.command.args.includes('--no-cache-dir'))
        if (offending === undefined) return []
        return [{ line: run.line, endLine: run.endLine, message: 'pip install without --no-cache-dir keeps downloaded wheels in the shipped image: add --no-cache-dir (or ENV PIP_NO_CACHE_DIR=1)', stage: stage.index }]
      })
    )
}
