/** `apt` in RUN: the interactive front end, whose output and options are not kept stable for scripts. */
import { posixShellAt } from './helpers.js'
import { hasOption, runCommands, runs } from './run-helpers.js'
import type { Rule } from './types.js'

/** apt subcommands that apt-cache does instead of apt-get. */
const APT_CACHE = new Set(['search', 'show', 'policy', 'depends', 'rdepends', 'showsrc'])

export const aptInsteadOfAptGet: Rule = {
  meta: {
    id: 'apt-instead-of-apt-get',
    title: 'apt in RUN instead of apt-get',
    severity: 'info',
    category: 'correctness',
    scope: 'all',
    equivalents: { hadolint: 'DL3027', buildkit: null },
    needs: { programs: ['apt'] }
  },
  check: ({ model }) =>
    model.stages.flatMap((stage) =>
      runs(stage).flatMap((run) => {
        const command = runCommands(run).find((c) => c.program === 'apt' && c.subcommand !== '')
        if (command === undefined || !posixShellAt(model, stage.index)(run.line)) return []
        const sub = command.subcommand
        const instead = APT_CACHE.has(sub) ? `apt-cache ${sub}` : sub === 'list' ? 'dpkg-query -W (or apt-cache policy)' : `apt-get ${sub === 'full-upgrade' ? 'dist-upgrade' : sub}`
        const yes = ['install', 'upgrade', 'full-upgrade', 'remove', 'purge', 'autoremove'].includes(sub) && !hasOption(command, ['yes', 'assume-yes'], 'y') ? ' (with -y: apt asks before it installs, and a build cannot answer)' : ''
        return [
          {
            line: run.line,
            endLine: run.endLine,
            message: `apt ${sub}: apt is the front end for people at a terminal and warns that its interface is not stable in scripts (progress bars, changing output and defaults); use ${instead}${yes}`,
            stage: stage.index
          }
        ]
      })
    )
}
