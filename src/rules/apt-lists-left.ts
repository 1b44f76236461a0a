/** `apt-get update` whose package lists stay in a shipped layer. */
import type { Instruction, ShellCommand } from '../model/dockerfile.js'
import { laterRunFinder } from './helpers.js'
import { hasCacheMount, isCommand, removesAptLists, runCommands, runs } from './run-helpers.js'
import type { Rule } from './types.js'

const updates = (c: ShellCommand): boolean => isCommand(c, 'apt-get', 'update') || isCommand(c, 'apt', 'update')
const installs = (c: ShellCommand): boolean => isCommand(c, 'apt-get', 'install') || isCommand(c, 'apt', 'install')

/**
 * A RUN that runs `apt-get install` with no update of its own: it relies on lists an earlier RUN
 * (of its stage, or of a stage it is built FROM) left, so deleting them there alone would break it.
 */
function reliesOnLists(run: Instruction): boolean {
  const commands = runCommands(run)
  return commands.some(installs) && !commands.some(updates)
}

export const aptListsLeft: Rule = {
  meta: {
    id: 'apt-lists-left',
    title: 'apt package lists are left in a shipped layer',
    severity: 'warning',
    category: 'size',
    scope: 'ships',
    equivalents: { hadolint: 'DL3009', buildkit: null },
    needs: { programs: ['apt-get', 'apt'] }
  },
  check: ({ model }) => {
    const relyingLater = laterRunFinder(model, reliesOnLists)
    return model.stages.flatMap((stage) =>
      runs(stage).flatMap((run) => {
        const commands = runCommands(run)
        if (!commands.some(updates) || hasCacheMount(run, ['/var/lib/apt/lists'])) return []
        if (commands.some(removesAptLists)) return []
        // A later install that relies on these lists would break if this RUN deleted them: the
        // lists still ship in this layer, so the advice is to update where the install is.
        const relying = relyingLater(run)
        const fix =
          relying === null
            ? 'end the same RUN with rm -rf /var/lib/apt/lists/*'
            : `the install on line ${relying.line} relies on them, so run apt-get update in that RUN too and end both with rm -rf /var/lib/apt/lists/* (or update, install and clean up in one RUN)`
        return [{ line: run.line, endLine: run.endLine, message: `apt-get update leaves ~20-50 MB of package lists in this layer of the shipped image: ${fix}`, stage: stage.index }]
      })
    )
  }
}
