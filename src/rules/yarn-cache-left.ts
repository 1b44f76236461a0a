/** yarn install in a shipped stage without yarn cache clean after it: a second copy of every package ships. */
import { posixShellAt } from './helpers.js'
import { cleanedAfterLastFill, isCommand, runCommands, runs } from './run-helpers.js'
import type { Instruction, ShellCommand } from '../model/dockerfile.js'
import type { Rule } from './types.js'

/** Yarn 1's cache folder as root (the node images' default user), and the usual others. */
const CACHE = '/usr/local/share/.cache/yarn'
const CACHE_PATH = /\.cache\/yarn|\.yarn\/(?:berry\/)?cache|yarn-cache|\/yarn\b/

const fills = (c: ShellCommand): boolean => {
  if (!isCommand(c, 'yarn')) return false
  const words = c.args.filter((a) => !a.startsWith('-'))
  // A bare `yarn` installs, unless it only asks for the version or help.
  const asks = c.args.some((a) => ['-v', '-V', '--version', '-h', '--help'].includes(a))
  return (words.length === 0 && !asks) || words[0] === 'install' || words[0] === 'add' || (words[0] === 'global' && words[1] === 'add')
}
const cleans = (c: ShellCommand): boolean => (isCommand(c, 'yarn', 'cache') && c.args.includes('clean')) || (c.program === 'rm' && c.args.some((a) => CACHE_PATH.test(a)))

/** A cache mount for yarn's folder, or a cache folder sent somewhere that is mounted. */
function cacheMounted(run: Instruction): boolean {
  return (run.run?.mounts ?? []).some((m) => (m.type === 'cache' || m.type === 'tmpfs') && m.target !== null && (CACHE_PATH.test(m.target) || m.target === run.scope.get('YARN_CACHE_FOLDER')?.value))
}

export const yarnCacheLeft: Rule = {
  meta: {
    id: 'yarn-cache-left',
    title: 'yarn install leaves its package cache in a shipped layer',
    severity: 'warning',
    category: 'size',
    scope: 'ships',
    equivalents: { hadolint: 'DL3060', buildkit: null },
    needs: { programs: ['yarn'] }
  },
  check: ({ model }) =>
    model.stages.flatMap((stage) =>
      runs(stage).flatMap((run) => {
        const commands = runCommands(run)
        if (!commands.some(fills) || cacheMounted(run) || cleanedAfterLastFill(commands, fills, cleans) || !posixShellAt(model, stage.index)(run.line)) return []
        return [{ line: run.line, endLine: run.endLine, message: `yarn keeps a copy of every package it installs in its cache (${CACHE} for root) in this layer of the shipped image, next to node_modules: mount the cache (RUN --mount=type=cache,target=${CACHE} yarn install …), or end the same RUN with yarn cache clean`, stage: stage.index }]
      })
    )
}
