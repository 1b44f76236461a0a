/** zypper dist-upgrade in a Dockerfile: it can move the image to whatever release the repositories now hold. */
import { posixShellAt } from './helpers.js'
import { isCommand, runCommands, runs } from './run-helpers.js'
import type { Rule } from './types.js'

export const zypperDistUpgrade: Rule = {
  meta: {
    id: 'zypper-dist-upgrade',
    title: 'zypper dist-upgrade in a Dockerfile',
    severity: 'warning',
    category: 'correctness',
    scope: 'all',
    equivalents: { hadolint: 'DL3035', buildkit: null },
    needs: { programs: ['zypper'] }
  },
  check: ({ model }) =>
    model.stages.flatMap((stage) =>
      runs(stage)
        .filter((run) => runCommands(run).some((c) => isCommand(c, 'zypper', 'dist-upgrade', 'dup')) && posixShellAt(model, stage.index)(run.line))
        .map((run) => ({
          line: run.line,
          endLine: run.endLine,
          message: 'zypper dist-upgrade replaces, downgrades or removes packages to match whatever the repositories hold on the day of the build, even across releases: use a base image tag of the release you want, and zypper update (or zypper patch) for fixes within it',
          stage: stage.index
        }))
    )
}
