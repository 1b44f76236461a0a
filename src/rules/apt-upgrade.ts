import { isCommand, runCommands, runs } from './run-helpers.js'
import type { Rule } from './types.js'

export const aptUpgrade: Rule = {
  meta: {
    id: 'apt-upgrade',
    title: 'apt-get upgrade in a Dockerfile',
    severity: 'info',
    category: 'correctness',
    scope: 'all',
    equivalents: { hadolint: null, buildkit: null }
  },
  check: ({ model }) =>
    model.stages.flatMap((stage) =>
      runs(stage)
        .filter((run) => runCommands(run).some((c) => isCommand(c, 'apt-get', 'upgrade', 'dist-upgrade') || isCommand(c, 'apt', 'upgrade', 'full-upgrade')))
        .map((run) => ({ line: run.line, endLine: run.endLine, message: 'upgrading every package makes the build depend on the day it runs; prefer a fresher base image tag (or pin the packages you need)', stage: stage.index }))
    )
}
