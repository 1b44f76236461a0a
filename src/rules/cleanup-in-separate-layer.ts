/** Deleting in a later RUN hides files but the earlier layer still carries them. */
import { isCommand, runCommands, runs } from './run-helpers.js'

import type { Rule } from './types.js'
import type { ShellCommand } from '../model/dockerfile.js'

/** Paths people delete to save space (not a config file removed on purpose). */
const SPACE = /cache|\/lists|^\/tmp|^\/var\/tmp|\.(?:tar|tgz|zip|deb|rpm|whl|gz|xz)(?:$|\*)|node_modules|\/usr\/share\/(?:doc|man)/

function isCleanup(c: ShellCommand): boolean {
  return (
    (c.name === 'rm' && c.args.some((a) => SPACE.test(a))) ||
    isCommand(c, 'apt-get', 'clean', 'autoremove', 'purge', 'remove', 'autoclean', 'dist-clean', 'distclean') ||
    isCommand(c, 'apt', 'clean', 'autoremove', 'purge', 'remove', 'autoclean', 'dist-clean', 'distclean') ||
    isCommand(c, 'apk', 'del') ||
    isCommand(c, 'yum', 'clean', 'remove') ||
    isCommand(c, 'dnf', 'clean', 'remove') ||
    isCommand(c, 'tdnf', 'clean', 'remove') ||
    isCommand(c, 'npm', 'cache') ||
    isCommand(c, 'pip', 'cache')
  )
}

export const cleanupInSeparateLayer: Rule = {
  meta: {
    id: 'cleanup-in-separate-layer',
    title: 'A RUN only deletes files an earlier layer added',
    severity: 'warning',
    category: 'size',
    scope: 'ships',
    equivalents: { hadolint: null, buildkit: null }
  },
  check: ({ model }) =>
    model.stages.flatMap((stage) => {
      return runs(stage).flatMap((run) => {
        const commands = runCommands(run)
        if (commands.length === 0 || !commands.every(isCleanup)) return []
        return [{ line: run.line, endLine: run.endLine, message: 'deleting in its own RUN does not make the image smaller: the files stay in the earlier layer; clean up in the RUN that created them', stage: stage.index }]
      })
    })
}
