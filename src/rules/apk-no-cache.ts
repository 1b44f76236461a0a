import { hasCacheMount, isCommand, runCommands, runs } from './run-helpers.js'
import type { Rule } from './types.js'

export const apkNoCache: Rule = {
  meta: {
    id: 'apk-no-cache',
    title: 'apk add keeps its package cache in a shipped layer',
    severity: 'warning',
    category: 'size',
    scope: 'ships',
    equivalents: { hadolint: 'DL3019', buildkit: null }
  },
  check: ({ model }) =>
    model.stages.flatMap((stage) =>
      runs(stage).flatMap((run) => {
        if (hasCacheMount(run, ['/var/cache/apk', '/etc/apk/cache'])) return []
        const commands = runCommands(run)
        const cleaned = commands.some((c) => c.name === 'rm' && c.args.some((a) => a.startsWith('/var/cache/apk')))
        return commands
          .filter((c) => isCommand(c, 'apk', 'add') && !c.args.includes('--no-cache') && !cleaned)
          .slice(0, 1)
          .map(() => ({ line: run.line, endLine: run.endLine, message: 'apk add without --no-cache keeps the package index in the shipped image: use apk add --no-cache', stage: stage.index }))
      })
    )
}
