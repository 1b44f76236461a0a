import { hasCacheMount, isCommand, runCommands, runs } from './run-helpers.js'
import type { Rule } from './types.js'

export const aptListsLeft: Rule = {
  meta: {
    id: 'apt-lists-left',
    title: 'apt package lists are left in a shipped layer',
    severity: 'warning',
    category: 'size',
    scope: 'ships',
    equivalents: { hadolint: 'DL3009', buildkit: null }
  },
  check: ({ model }) =>
    model.stages.flatMap((stage) =>
      runs(stage).flatMap((run) => {
        const commands = runCommands(run)
        const updates = commands.some((c) => isCommand(c, 'apt-get', 'update') || isCommand(c, 'apt', 'update'))
        if (!updates || hasCacheMount(run, ['/var/lib/apt/lists'])) return []
        const cleaned = commands.some((c) => c.name === 'rm' && c.args.some((a) => a.startsWith('/var/lib/apt/lists')))
        if (cleaned) return []
        return [{ line: run.line, endLine: run.endLine, message: 'apt-get update leaves ~20-50 MB of package lists in this layer of the shipped image: end the same RUN with rm -rf /var/lib/apt/lists/*', stage: stage.index }]
      })
    )
}
