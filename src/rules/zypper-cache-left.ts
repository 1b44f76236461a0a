/** zypper install in a shipped stage without zypper clean after it: the metadata and package cache ship. */
import { posixShellAt } from './helpers.js'
import { cleanedAfterLastFill, hasCacheMount, isCommand, removesUnder, runCommands, runs } from './run-helpers.js'
import type { ShellCommand } from '../model/dockerfile.js'
import type { Rule } from './types.js'

const CACHE = '/var/cache/zypp'
const FILLS = ['install', 'in', 'update', 'up', 'dist-upgrade', 'dup', 'patch', 'source-install', 'si', 'refresh', 'ref', 'install-new-recommends', 'inr']

const fills = (c: ShellCommand): boolean => isCommand(c, 'zypper') && FILLS.includes(c.subcommand)
const cleans = (c: ShellCommand): boolean => isCommand(c, 'zypper', 'clean', 'cc') || removesUnder(c, [CACHE])

export const zypperCacheLeft: Rule = {
  meta: {
    id: 'zypper-cache-left',
    title: 'zypper install leaves its cache in a shipped layer',
    severity: 'warning',
    category: 'size',
    scope: 'ships',
    equivalents: { hadolint: 'DL3036', buildkit: null },
    needs: { programs: ['zypper'] }
  },
  check: ({ model }) =>
    model.stages.flatMap((stage) =>
      runs(stage).flatMap((run) => {
        const commands = runCommands(run)
        if (!commands.some(fills) || hasCacheMount(run, [CACHE]) || cleanedAfterLastFill(commands, fills, cleans) || !posixShellAt(model, stage.index)(run.line)) return []
        return [{ line: run.line, endLine: run.endLine, message: `zypper leaves its repository metadata and packages in ${CACHE} in this layer of the shipped image: mount it as a cache (RUN --mount=type=cache,target=${CACHE} …), or end the same RUN with zypper clean --all`, stage: stage.index }]
      })
    )
}
