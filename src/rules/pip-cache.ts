/** `pip install` whose wheel cache stays in a shipped layer. */
import type { ShellCommand } from '../model/dockerfile.js'
import { hasCacheMount, isCommand, runCommands, runs } from './run-helpers.js'
import { runInstalls } from '../parse/packages.js'
import type { Rule } from './types.js'

/** `~/.cache/pip`, `/root/.cache`, `$HOME/.cache/pip/*`: pip's cache (pip ≥ 6), or the folder it lives in. */
const PIP_CACHE = /(?:^|\/)\.cache(?:\/pip)?\/?\*?$/

/** The same RUN empties the cache: `rm -rf ~/.cache/pip` or `pip cache purge`. */
function purgesCache(c: ShellCommand): boolean {
  return (c.name === 'rm' && c.args.some((a) => PIP_CACHE.test(a))) || (/^pip[0-9.]*$/.test(c.program) && isCommand(c, c.program, 'cache') && c.args.includes('purge'))
}

export const pipCache: Rule = {
  meta: {
    id: 'pip-cache',
    title: 'pip install keeps its download cache in a shipped layer',
    severity: 'warning',
    category: 'size',
    scope: 'ships',
    equivalents: { hadolint: 'DL3042', buildkit: null },
    needs: { managers: ['pip'] }
  },
  check: ({ model }) =>
    model.stages.flatMap((stage) =>
      runs(stage).flatMap((run) => {
        if (run.scope.has('PIP_NO_CACHE_DIR') || hasCacheMount(run, ['/root/.cache/pip'])) return []
        const offending = runInstalls(run).find((p) => p.manager === 'pip' && !p.command.args.includes('--no-cache-dir'))
        if (offending === undefined || runCommands(run).some(purgesCache)) return []
        return [{ line: run.line, endLine: run.endLine, message: 'pip install without --no-cache-dir keeps downloaded wheels in the shipped image: add --no-cache-dir (or ENV PIP_NO_CACHE_DIR=1)', stage: stage.index }]
      })
    )
}
