/**
 * `apt-get dist-upgrade` / `apt full-upgrade` in a build. A plain `apt-get upgrade` is left alone:
 * it applies security updates the base image may not have yet, which Docker's guide now allows and
 * hadolint's DL3005 stopped flagging (hadolint#562).
 */
import { isCommand, runCommands, runs } from './run-helpers.js'
import type { Rule } from './types.js'

export const aptUpgrade: Rule = {
  meta: {
    id: 'apt-upgrade',
    title: 'apt-get dist-upgrade in a Dockerfile',
    severity: 'info',
    category: 'correctness',
    scope: 'all',
    equivalents: { hadolint: null, buildkit: null },
    needs: { programs: ['apt-get', 'apt'] }
  },
  check: ({ model }) =>
    model.stages.flatMap((stage) =>
      runs(stage)
        .filter((run) => runCommands(run).some((c) => isCommand(c, 'apt-get', 'dist-upgrade', 'full-upgrade') || isCommand(c, 'apt', 'full-upgrade', 'dist-upgrade')))
        .map((run) => ({ line: run.line, endLine: run.endLine, message: 'dist-upgrade may remove packages and install new ones the base image was not tested with: use apt-get upgrade for security updates, or a fresher base image tag', stage: stage.index }))
    )
}
