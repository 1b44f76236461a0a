/** dnf, microdnf or tdnf install in a shipped stage without clean all after it: the metadata cache ships. */
import { posixShellAt } from './helpers.js'
import { cleanedAfterLastFill, hasCacheMount, operands, removesUnder, runCommands, runs } from './run-helpers.js'
import type { ShellCommand } from '../model/dockerfile.js'
import type { Rule } from './types.js'

/** Where each program keeps its cache (microdnf shares yum's folder). */
const CACHES: Readonly<Record<string, readonly string[]>> = {
  dnf: ['/var/cache/dnf', '/var/cache/libdnf5'],
  dnf5: ['/var/cache/libdnf5', '/var/cache/dnf'],
  microdnf: ['/var/cache/yum', '/var/cache/dnf'],
  tdnf: ['/var/cache/tdnf']
}
const FILLS = ['install', 'groupinstall', 'localinstall', 'reinstall', 'update', 'upgrade', 'downgrade', 'makecache', 'distro-sync', 'group', 'module', 'in', 'up']

export const dnfCacheLeft: Rule = {
  meta: {
    id: 'dnf-cache-left',
    title: 'dnf install leaves its cache in a shipped layer',
    severity: 'warning',
    category: 'size',
    scope: 'ships',
    equivalents: { hadolint: 'DL3040', buildkit: null },
    needs: { programs: ['dnf', 'dnf5', 'microdnf', 'tdnf'] }
  },
  check: ({ model }) =>
    model.stages.flatMap((stage) =>
      runs(stage).flatMap((run) => {
        const commands = runCommands(run)
        const program = Object.keys(CACHES).find((p) => {
          const caches = CACHES[p] as readonly string[]
          const fills = (c: ShellCommand): boolean => c.program === p && FILLS.includes(c.subcommand)
          const cleans = (c: ShellCommand): boolean => (c.program === p && c.subcommand === 'clean' && operands(c).includes('all')) || removesUnder(c, caches)
          return commands.some(fills) && !hasCacheMount(run, caches) && !cleanedAfterLastFill(commands, fills, cleans)
        })
        if (program === undefined || !posixShellAt(model, stage.index)(run.line)) return []
        const cache = (CACHES[program] as readonly string[])[0] as string
        return [{ line: run.line, endLine: run.endLine, message: `${program} leaves its repository metadata in ${cache} (often 100 MB or more) in this layer of the shipped image: mount it as a cache (RUN --mount=type=cache,target=${cache} …), or end the same RUN with ${program} clean all`, stage: stage.index }]
      })
    )
}
