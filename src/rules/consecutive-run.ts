/** Separate RUNs of the same package manager in a shipped stage: each leaves its own layer and caches. */
import type { Instruction } from '../model/dockerfile.js'
import { dropsBuildDependencies, hasCacheMount, isCommand, removesAptLists, runCommands } from './run-helpers.js'

import type { Rule } from './types.js'
import type { ShellCommand } from '../model/dockerfile.js'

function manager(commands: readonly ShellCommand[]): string | null {
  for (const c of commands) {
    if (isCommand(c, 'apt-get', 'install', 'update') || isCommand(c, 'apt', 'install', 'update')) return 'apt'
    if (isCommand(c, 'apk', 'add')) return 'apk'
    if (isCommand(c, 'dnf', 'install') || isCommand(c, 'yum', 'install') || isCommand(c, 'microdnf', 'install') || isCommand(c, 'tdnf', 'install')) return 'dnf'
  }
  return null
}

/** Whether the RUN leaves its package index in its layer (apt lists kept, apk add without --no-cache). */
function leavesIndex(run: Instruction, manager: string): boolean {
  const commands = runCommands(run)
  if (manager === 'apt') return commands.some((c) => isCommand(c, 'apt-get', 'update') || isCommand(c, 'apt', 'update')) && !commands.some(removesAptLists) && !hasCacheMount(run, ['/var/lib/apt/lists'])
  if (manager === 'apk') return commands.some((c) => isCommand(c, 'apk', 'add') && !c.args.includes('--no-cache') && !c.args.includes('--no-network')) && !hasCacheMount(run, ['/var/cache/apk'])
  return false
}

export const consecutiveRun: Rule = {
  meta: {
    id: 'consecutive-run',
    title: 'Consecutive RUNs install packages in separate layers',
    severity: 'info',
    category: 'size',
    scope: 'ships',
    equivalents: { hadolint: 'DL3059', buildkit: null }
  },
  check: ({ model }) =>
    model.stages.flatMap((stage) => {
      const reports = []
      let previous: { manager: string; run: Instruction } | null = null
      for (const ins of stage.instructions.slice(1)) {
        if (ins.keyword !== 'RUN') {
          previous = null
          continue
        }
        const commands = runCommands(ins)
        const current = manager(commands)
        // The official images' split: run-time packages in one RUN, build dependencies installed, used and removed in the next.
        const separateOnPurpose = previous !== null && (dropsBuildDependencies(commands) || dropsBuildDependencies(runCommands(previous.run)))
        if (current !== null && previous !== null && previous.manager === current && !separateOnPurpose) {
          const cost = leavesIndex(ins, current) || leavesIndex(previous.run, current) ? 'each RUN is a layer with its own package index' : current === 'apt' ? 'each RUN is another layer and another apt-get update' : 'each RUN is another layer'
          reports.push({ line: ins.line, endLine: ins.endLine, message: `another ${current} install right after the one on line ${previous.run.line}: ${cost}; install everything in one RUN`, stage: stage.index })
        }
        previous = current === null ? null : { manager: current, run: ins }
      }
      return reports
    })
}
