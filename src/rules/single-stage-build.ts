/** One stage that compiles and ships: the toolchain and the sources ship with the result. */

import { dropsBuildDependencies, isCommand, operands, runCommands, runs } from './run-helpers.js'
import { builtOnToolchain } from './helpers.js'
import type { Rule } from './types.js'
import type { ShellCommand } from '../model/dockerfile.js'

function compiles(c: ShellCommand): string | null {
  if (isCommand(c, 'go', 'build', 'install')) return `go ${operands(c)[0] ?? ''}`
  if (isCommand(c, 'cargo', 'build', 'install')) return `cargo ${operands(c)[0] ?? ''}`
  if ((c.name === 'mvn' || c.name.endsWith('/mvnw')) && c.args.some((a) => a === 'package' || a === 'install' || a === 'verify')) return 'mvn package'
  if ((c.name === 'gradle' || c.name.endsWith('/gradlew')) && c.args.some((a) => /^(?:build|assemble|bootJar|jar|installDist)$/.test(a))) return 'gradle build'
  if (isCommand(c, 'dotnet', 'publish', 'build')) return `dotnet ${operands(c)[0] ?? ''}`
  if ((isCommand(c, 'npm', 'run') || isCommand(c, 'yarn', 'run') || isCommand(c, 'pnpm', 'run')) && operands(c)[1] === 'build') return `${c.name} run build`
  if ((c.name === 'yarn' || c.name === 'pnpm') && operands(c)[0] === 'build') return `${c.name} build`
  if (c.name === 'make' && !c.args.includes('install')) return 'make'
  return null
}

export const singleStageBuild: Rule = {
  meta: {
    id: 'single-stage-build',
    title: 'A single-stage Dockerfile compiles what it ships',
    severity: 'warning',
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
      // Building a runtime from source and dropping the toolchain in the same RUN ships only the result.
      if (dropsBuildDependencies(commands)) continue
      const build = commands.map(compiles).find((b) => b !== null)
      if (build !== undefined && build !== null) {
        return [{ line: run.line, endLine: run.endLine, message: `${build.trim()} runs in the only stage, so the compiler, the sources and the intermediate files ship with the result: build in a first stage (FROM … AS build) and COPY --from=build only the output into a small runtime stage`, stage: stage.index }]
      }
    }
    return []
  }
}
