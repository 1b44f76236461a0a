import { hasCacheMount, runCommands, runs } from './run-helpers.js'
import type { ShellCommand } from '../parse/shell.js'
import type { Rule } from './types.js'

function isPipInstall(c: ShellCommand): boolean {
  const pip = /^(?:.*\/)?pip[0-9.]*$/.test(c.name) ? c.args : /^(?:.*\/)?python[0-9.]*$/.test(c.name) && c.args[0] === '-m' && /^pip[0-9.]*$/.test(c.args[1] ?? '') ? c.args.slice(2) : null
  return pip !== null && pip.find((a) => !a.startsWith('-')) === 'install'
}

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
        const offending = runCommands(run).find((c) => isPipInstall(c) && !c.args.includes('--no-cache-dir'))
        if (offending === undefined) return []
        return [{ line: run.line, endLine: run.endLine, message: 'pip install without --no-cache-dir keeps downloaded wheels in the shipped image: add --no-cache-dir (or ENV PIP_NO_CACHE_DIR=1)', stage: stage.index }]
      })
    )
}
