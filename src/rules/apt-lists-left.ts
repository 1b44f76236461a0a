/** `apt-get update` whose package lists stay in a shipped layer. */
import type { DockerfileModel, Instruction, ShellCommand } from '../model/dockerfile.js'
import { laterRuns } from './helpers.js'
import { hasCacheMount, isCommand, removesAptLists, runCommands, runs } from './run-helpers.js'
import type { Rule } from './types.js'

const updates = (c: ShellCommand): boolean => isCommand(c, 'apt-get', 'update') || isCommand(c, 'apt', 'update')
const installs = (c: ShellCommand): boolean => isCommand(c, 'apt-get', 'install') || isCommand(c, 'apt', 'install')

/**
 * Whether a later RUN of this stage, or of a stage built FROM it, runs `apt-get install` with no
 * update of its own: it relies on these lists, so deleting them here would break it.
 */
function listsReliedOn(model: DockerfileModel, run: Instruction): boolean {
  return laterRuns(model, run).some((r) => {
    const commands = runCommands(r)
    return commands.some(installs) && !commands.some(updates)
  })
}

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
        if (!commands.some(updates) || hasCacheMount(run, ['/var/lib/apt/lists'])) return []
        if (commands.some(removesAptLists) || listsReliedOn(model, run)) return []
        return [{ line: run.line, endLine: run.endLine, message: 'apt-get update leaves ~20-50 MB of package lists in this layer of the shipped image: end the same RUN with rm -rf /var/lib/apt/lists/*', stage: stage.index }]
      })
    )
}
