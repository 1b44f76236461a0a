/**
 * Compilers installed where they ship and used there to build, unless the same RUN removes them
 * again. Tools that nothing in the file builds with are there for the image's users (a compiler
 * image, a benchmark that compiles at run time), so they are left alone.
 */
import { packageInstalls, packageName } from '../parse/packages.js'
import type { DockerfileModel, Instruction, PackageInstall, ShellCommand } from '../model/dockerfile.js'
import { argumentReferences, baseHasBuildTools, commentsAbout, laterRunFinder, stageChain } from './helpers.js'
import { compilesAgainstKernelAtRunTime, isBuildTool, isCommand, isCompiler, removalsAfter, runCommands, runs, systemInstalls } from './run-helpers.js'
import type { Rule } from './types.js'

const BUILD_PROGRAMS = new Set(['make', 'gmake', 'cmake', 'gcc', 'g++', 'cc', 'c++', 'clang', 'clang++', 'configure', 'autoreconf', 'autogen.sh', 'meson', 'ninja', 'qmake', 'phpize', 'docker-php-ext-install', 'node-gyp', 'cpanm', 'rustc'])
const LANGUAGE_MANAGERS = new Set(['pip', 'gem', 'npm', 'yarn', 'pnpm'])

/** A command that compiles, or installs language packages that may compile native code. */
function builds(c: ShellCommand): boolean {
  if (BUILD_PROGRAMS.has(c.program)) return true
  if (isCommand(c, 'go', 'build', 'install', 'get') || isCommand(c, 'cargo', 'build', 'install') || isCommand(c, 'bundle', 'install')) return true
  if (/^python[0-9.]*$/.test(c.program) && c.args.includes('setup.py')) return true
  return packageInstalls([c]).some((p) => LANGUAGE_MANAGERS.has(p.manager))
}

const buildsIn = (run: Instruction): boolean => runCommands(run).some(builds)

/** The commands of a RUN with what the rule asks of them, computed once (a RUN can hold thousands). */
interface RunIndex {
  commands: readonly ShellCommand[]
  position: ReadonlyMap<ShellCommand, number>
  lastBuild: number
}

function indexRun(run: Instruction): RunIndex {
  const commands = runCommands(run)
  let lastBuild = -1
  commands.forEach((c, i) => {
    if (builds(c)) lastBuild = i
  })
  return { commands, position: new Map(commands.map((c, i) => [c, i])), lastBuild }
}

/** Where the installed tools are first used to build: this RUN (after the install), or a later one. */
function firstBuild(run: Instruction, index: RunIndex, install: PackageInstall, buildLater: (run: Instruction) => Instruction | null): { command: ShellCommand; run: Instruction } | null {
  const at = index.position.get(install.command) ?? index.commands.length
  if (index.lastBuild > at) {
    for (let i = at + 1; i <= index.lastBuild; i++) if (builds(index.commands[i] as ShellCommand)) return { command: index.commands[i] as ShellCommand, run }
  }
  const later = buildLater(run)
  const command = later === null ? undefined : runCommands(later).find(builds)
  return later === null || command === undefined ? null : { command, run: later }
}

/** Build programs and the packages that provide them (any manager: `pip install cmake` too). */
const PROVIDERS: ReadonlyMap<string, readonly string[]> = new Map([
  ['cmake', ['cmake', 'cmake3']],
  ['make', ['make', 'build-essential', 'build-base', 'development tools']],
  ['gmake', ['make', 'build-essential', 'build-base', 'development tools']],
  ['gcc', ['gcc', 'build-essential', 'build-base', 'development tools']],
  ['cc', ['gcc', 'clang', 'build-essential', 'build-base', 'development tools']],
  ['g++', ['g++', 'gcc-c++', 'build-essential', 'build-base', 'development tools']],
  ['c++', ['g++', 'gcc-c++', 'clang', 'build-essential', 'build-base', 'development tools']],
  ['clang', ['clang']],
  ['clang++', ['clang']],
  ['meson', ['meson']],
  ['ninja', ['ninja-build', 'ninja', 'samurai']]
])

/**
 * A build program the file runs but never installs (`cmake` on `FROM r.j3ss.co/bcc`): the base
 * image is itself a toolchain, and the tools installed here add little to it.
 */
function buildsWithUninstalledTool(model: DockerfileModel): string | null {
  const words = model.instructions.flatMap((i) => i.run?.installs ?? []).flatMap((p) => p.packages)
  // `apt-get install $BUILD_DEPS`: what is installed is not known.
  if (words.some((w) => w.includes('$'))) return null
  const installed = new Set(words.map((pkg) => packageName(pkg).toLowerCase()))
  const provided = (program: string): boolean => (PROVIDERS.get(program) ?? []).some((name) => installed.has(name)) || [...installed].some((name) => name.startsWith(`${program}-`) && /^-\d/.test(name.slice(program.length)))
  for (const ins of model.instructions) {
    if (ins.keyword !== 'RUN') continue
    const missing = runCommands(ins).find((c) => PROVIDERS.has(c.program) && !provided(c.program))
    if (missing !== undefined) return missing.program
  }
  return null
}

/** A RUN whose system installs name a compiler (removed again or not): the only RUNs the rule can report. */
const installsCompiler = (run: Instruction): boolean => systemInstalls(run).some((install) => install.packages.some(isCompiler))

/** A comment calling packages the image's run-time dependencies. */
const RUNTIME_COMMENT = /\brun[- ]?time\b/i

/** How to remove them in the RUN that builds; the run-time libraries the -dev packages pulled in must be installed by name, or they go too. */
function removalHint(manager: string): string {
  if (manager === 'apk') return 'apk add --virtual .build-deps … then apk del .build-deps, with the run-time libraries installed by name'
  if (manager === 'apt') return 'apt-get purge -y --auto-remove …, with the run-time libraries installed by name'
  return `${manager} remove -y …, with the run-time libraries installed by name`
}

export const buildToolsShipped: Rule = {
  meta: {
    id: 'build-tools-shipped',
    title: 'Build tools are installed in a shipped stage',
    severity: 'warning',
    category: 'size',
    scope: 'ships',
    equivalents: { hadolint: null, buildkit: null }
  },
  check: ({ model }) => {
    // Only a RUN that installs a compiler can be reported: most files have none, and the rest of the check reads every command.
    if (!model.instructions.some(installsCompiler)) return []
    // The base is a toolchain image, or the image builds against the host kernel when it runs.
    if (buildsWithUninstalledTool(model) !== null || compilesAgainstKernelAtRunTime(model)) return []
    const buildLater = laterRunFinder(model, buildsIn)
    return model.stages.flatMap((stage) => {
      // On an image that already carries a toolchain (golang, buildpack-deps, node:20...), installing one adds nothing; heavy-final-base speaks to the base.
      if (baseHasBuildTools(model, stage.index)) return []
      return runs(stage).flatMap((run) => {
        if (!installsCompiler(run)) return []
        // The maintainer says these are the image's run-time packages (localstack: "# Runtime packages").
        if (commentsAbout(model, run).some((c) => RUNTIME_COMMENT.test(c))) return []
        const index = indexRun(run)
        const removedAfter = removalsAfter(index.commands)
        // One report per RUN: the first install that ships compilers it then builds with.
        for (const install of systemInstalls(run)) {
          const removed = removedAfter(install)
          const tools = [...new Set(install.packages.filter((p) => isBuildTool(p) && !removed(p)).map(packageName))]
          if (!tools.some(isCompiler)) continue
          const build = firstBuild(run, index, install, buildLater)
          if (build === null) continue
          const one = tools.length === 1
          const it = one ? 'it' : 'them'
          const where = model.stages.length === 1 ? `split the file: install ${it} in a build stage, build there and copy only the result into a runtime stage` : `install ${it} in a build stage and copy only the result`
          const remove = build.run === run ? `or remove ${it} at the end of this RUN: ${removalHint(install.manager)}` : `or install, build and remove ${it} in one RUN: ${removalHint(install.manager)}`
          const use = build.run === run ? `${build.command.program} in this RUN` : `${build.command.program} on line ${build.run.line}`
          const message = `${tools.join(', ')} ${one ? 'is' : 'are'} installed to build (${use}) and ship${one ? 's' : ''} in the final image: ${where} (${remove})`
          // The base is a build argument with no value (open-runtimes' runtimes: `FROM ${BASE_IMAGE}`): a recipe laid
          // on bases the build picks, an image product that often ships its toolchain on purpose.
          const root = stageChain(model, stage.index)[0]
          if (root !== undefined && root.base.kind === 'image' && root.base.image === null && root.base.unresolved.length > 0) {
            return [{ line: run.line, endLine: run.endLine, message: `${message}; the base comes from the build argument ${argumentReferences(root.base.unresolved)}, so this may be an image made to build code on any base: if it is, say so with images: in .stagecraft.yml`, stage: stage.index, severity: 'info' as const }]
          }
          return [{ line: run.line, endLine: run.endLine, message, stage: stage.index }]
        }
        return []
      })
    })
  }
}
