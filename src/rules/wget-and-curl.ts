/** A shipped stage installs wget or curl while it already uses the other: two download tools where one does. */
import { stageChain } from './helpers.js'
import { dropsBuildDependencies, isCommand, mentions, programOf, runCommands, runs, runSimpleCommands, systemInstalls } from './run-helpers.js'
import type { DockerfileModel, Instruction } from '../model/dockerfile.js'
import type { Rule } from './types.js'

type Tool = 'curl' | 'wget'

/**
 * The first RUN of the stage that runs the tool (in command position), not counting one that
 * installs packages for the moment and removes them again: the tool may be among them, named by a
 * variable (`fetchDeps='wget'`).
 */
function firstUse(runs: readonly Instruction[], tool: Tool): Instruction | undefined {
  return runs.find((r) => r.form !== 'json' && mentions(r, [tool]) && runSimpleCommands(r).some((c) => programOf(c) === tool) && !removesAfterInstall(r))
}

const installs = (run: Instruction, tool: Tool): boolean => systemInstalls(run).some((p) => p.packages.some((name) => name === tool || name.startsWith(`${tool}=`)))

/** Removing packages after installing them in the same RUN (`apt-get purge -y --auto-remove $fetchDeps`): a download tool used and dropped. */
function removesAfterInstall(run: Instruction): boolean {
  const commands = runCommands(run)
  const install = commands.findIndex((c) => isCommand(c, 'apt-get', 'install') || isCommand(c, 'apk', 'add') || isCommand(c, 'dnf', 'install') || isCommand(c, 'yum', 'install'))
  return dropsBuildDependencies(commands) || commands.some((c, i) => i > install && (isCommand(c, 'apt-get', 'purge', 'remove', 'autoremove') || isCommand(c, 'apk', 'del') || isCommand(c, 'dnf', 'remove') || isCommand(c, 'yum', 'remove')))
}

/** The first RUN of the stage chain that installs the tool's package and keeps it. */
function installedAt(model: DockerfileModel, index: number, tool: Tool): Instruction | undefined {
  return stageChain(model, index)
    .flatMap((s) => runs(s))
    .find((r) => installs(r, tool) && !removesAfterInstall(r))
}

const INSTEAD: Readonly<Record<Tool, string>> = {
  wget: 'curl -fsSLO <url> (or -o <file>) downloads like wget does',
  curl: 'wget -q -O <file> <url> (or -O- to stdout) downloads like curl does'
}

export const wgetAndCurl: Rule = {
  meta: {
    id: 'wget-and-curl',
    title: 'A shipped stage installs a second download tool (wget and curl)',
    severity: 'info',
    category: 'size',
    scope: 'ships',
    equivalents: { hadolint: 'DL4001', buildkit: null }
  },
  check: ({ model }) =>
    model.stages.flatMap((stage) => {
      const stageRuns = runs(stage)
      const curl = firstUse(stageRuns, 'curl')
      if (curl === undefined) return []
      const wget = firstUse(stageRuns, 'wget')
      if (wget === undefined) return []
      // Both already in the base image cost nothing; an installed one is the waste.
      for (const [extra, other] of [['wget', 'curl'], ['curl', 'wget']] as const) {
        const install = installedAt(model, stage.index, extra)
        if (install === undefined) continue
        const otherUse = other === 'curl' ? curl : wget
        return [
          {
            line: install.line,
            endLine: install.endLine,
            message: `the image gets the ${extra} package here although this stage also runs ${other} (line ${otherUse.line}): one download tool is enough; keep ${other} and use it instead of ${extra}: ${INSTEAD[extra]}`,
            stage: install.stage
          }
        ]
      }
      return []
    })
}
