/** Separate RUNs of the same package manager in a shipped stage: each leaves its own layer and caches. */
import { isCommand, runCommands } from './run-helpers.js'

import type { Rule } from './types.js'
import type { ShellCommand } from '../model/dockerfile.js'

function manager(commands: readonly ShellCommand[]): string | null {
  for (const c of commands) {
    if (isCommand(c, 'apt-get', 'install', 'update') || isCommand(c, 'apt', 'install', 'update')) return 'apt'
    if (isCommand(c, 'apk', 'add')) return 'apk'
    if (isCommand(c, 'dnf', 'install') || isCommand(c, 'yum', 'install') || isCommand(c, 'microdnf', 'install')) return 'dnf'
  }
  return null
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
      let previous: { manager: string; line: number } | null = null
      for (const ins of stage.instructions.slice(1)) {
        if (ins.keyword !== 'RUN') {
          previous = null
          continue
        }
        const current = manager(runCommands(ins))
        if (current !== null && previous !== null && previous.manager === current) {
          reports.push({ line: ins.line, endLine: ins.endLine, message: `another ${current} install right after the one on line ${previous.line}: each RUN is a layer with its own package index; install everything in one RUN`, stage: stage.index })
        }
        previous = current === null ? null : { manager: current, line: ins.line }
      }
      return reports
    })
}
