/**
 * One stage that compiles and ships: the toolchain and the sources ship with the result. Left
 * alone: toolchain bases, and a RUN that removes its build dependencies or its source tree again.
 */

import { buildCommand, compilesAgainstKernelAtRunTime, dropsBuildDependencies, isCommand, operands, runCommands, runs } from './run-helpers.js'
import { builtOnToolchain } from './helpers.js'
import type { Rule } from './types.js'
import type { ShellCommand } from '../model/dockerfile.js'

const RECURSIVE = /^-[a-zA-Z]*[rR]|^--recursive$/
/** Where sources are unpacked or cloned to be built and thrown away (`/usr/src/php`). */
const SOURCE_DIRS = /^\/usr\/(?:local\/)?src\//

/**
 * Whether the RUN deletes the tree it built in after the build: `cd /usr/src/x && make && … &&
 * rm -rf /usr/src/x`, or the folder `git clone` made. Then only the installed result and the
 * toolchain stay, and build-tools-shipped speaks to the toolchain.
 */
function removesSources(commands: readonly ShellCommand[], buildAt: number): boolean {
  const dirs = new Set<string>()
  for (const c of commands) {
    if (c.name === 'cd' && c.args[0] !== undefined) dirs.add(c.args[0])
    if (isCommand(c, 'git', 'clone')) {
      const words = operands(c).slice(1)
      if (words.length >= 2) dirs.add(words[words.length - 1] as string)
    }
  }
  return commands.slice(buildAt + 1).some((c) => c.name === 'rm' && c.args.some((a) => RECURSIVE.test(a)) && operands(c).some((p) => dirs.has(p) || SOURCE_DIRS.test(p)))
}

export const singleStageBuild: Rule = {
  meta: {
    id: 'single-stage-build',
    title: 'A single-stage Dockerfile compiles what it ships',
    severity: 'info',
    category: 'structure',
    scope: 'ships',
    equivalents: { hadolint: null, buildkit: null },
    about: 'file'
  },
  check: ({ model }) => {
    const stage = model.stages[0]
    // An image built on a toolchain image (buildpack-deps, golang...) is a toolchain by design.
    if (model.stages.length !== 1 || stage === undefined || builtOnToolchain(model, 0)) return []
    for (const run of runs(stage)) {
      const commands = runCommands(run)
      const at = commands.findIndex((c) => buildCommand(c) !== null)
      if (at < 0) continue
      // Building a runtime from source and dropping the toolchain in the same RUN ships only the result.
      if (dropsBuildDependencies(commands)) continue
      const build = buildCommand(commands[at] as ShellCommand)
      if (build !== null && !removesSources(commands, at)) {
        // An image that builds a kernel module (or BPF programs) when it runs needs its toolchain and sources.
        if (compilesAgainstKernelAtRunTime(model)) return []
        const js = /^(?:npm|yarn|pnpm) /.test(build)
        const what = js ? 'the sources, node_modules with its devDependencies and the build cache' : 'the compiler, the sources and the intermediate files'
        return [{ line: run.line, endLine: run.endLine, message: `${build.trim()} runs in the only stage, so ${what} ship with the result: build in a first stage (FROM … AS build) and COPY --from=build only the output into a small runtime stage`, stage: stage.index }]
      }
    }
    return []
  }
}
