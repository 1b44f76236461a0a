/** yum install in a shipped stage without yum clean all after it: the metadata and package cache ship. */
import { posixShellAt } from './helpers.js'
import { cleanedAfterLastFill, hasCacheMount, isCommand, operands, removesUnder, runCommands, runs } from './run-helpers.js'
import type { ShellCommand } from '../model/dockerfile.js'
import type { Rule } from './types.js'

const CACHE = '/var/cache/yum'
const FILLS = ['install', 'groupinstall', 'localinstall', 'reinstall', 'update', 'upgrade', 'downgrade', 'makecache', 'distro-sync', 'group']

const fills = (c: ShellCommand): boolean => isCommand(c, 'yum') && FILLS.includes(c.subcommand)
const cleans = (c: ShellCommand): boolean => (isCommand(c, 'yum', 'clean') && operands(c).includes('all')) || removesUnder(c, [CACHE])

export const yumCacheLeft: Rule = {
  meta: {
    id: 'yum-cache-left',
    title: 'yum install leaves its cache in a shipped layer',
    severity: 'warning',
    category: 'size',
    scope: 'ships',
    equivalents: { hadolint: 'DL3032', buildkit: null },
    needs: { programs: ['yum'] }
  },
  check: ({ model }) =>
    model.stages.flatMap((stage) =>
      runs(stage).flatMap((run) => {
        const commands = runCommands(run)
        if (!commands.some(fills) || hasCacheMount(run, [CACHE]) || cleanedAfterLastFill(commands, fills, cleans) || !posixShellAt(model, stage.index)(run.line)) return []
        return [{ line: run.line, endLine: run.endLine, message: `yum leaves its repository metadata and packages in ${CACHE} (often 100 MB or more) in this layer of the shipped image: mount it as a cache (RUN --mount=type=cache,target=${CACHE} …), or end the same RUN with yum clean all`, stage: stage.index }]
      })
    )
}
