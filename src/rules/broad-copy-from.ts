/** COPY --from of a whole built stage, or of the folder its build context went into, ships far more than the artifact. */
import { finalWorkdir, knownValue, resolvePath, stageChain, workdirs } from './helpers.js'
import { runInstalls } from '../parse/packages.js'
import { isCommand, runCommands } from './run-helpers.js'
import type { DockerfileModel, Instruction, Stage } from '../model/dockerfile.js'
import type { ShellCommand } from '../model/dockerfile.js'
import type { Rule } from './types.js'

const NODE_MANAGERS = new Set(['npm', 'yarn', 'pnpm'])
const PRODUCTION_FLAGS = new Set(['--omit=dev', '--production', '--only=production', '--only=prod', '--prod', '-P', '--no-dev'])
/** Commands that only tidy up: they build nothing. */
const HOUSEKEEPING = new Set(['rm', 'mkdir', 'chmod', 'chown', 'chgrp', 'ln', 'touch', 'echo', 'true', 'set', 'cd', 'addgroup', 'adduser', 'groupadd', 'useradd'])

/** A command that installs runtime dependencies only (or tidies up): after it the folder holds no build output. */
function installsRuntimeOnly(c: ShellCommand, run: Instruction): boolean {
  if (HOUSEKEEPING.has(c.program)) return true
  if (isCommand(c, 'apt-get') || isCommand(c, 'apt') || isCommand(c, 'apk') || isCommand(c, 'dnf') || isCommand(c, 'yum') || isCommand(c, 'microdnf')) return true
  if (isCommand(c, 'npm', 'cache') || isCommand(c, 'yarn', 'cache') || isCommand(c, 'pip', 'cache') || isCommand(c, 'npm', 'prune')) return true
  const install = runInstalls(run).find((p) => p.command === c)
  if (install !== undefined) {
    if (!NODE_MANAGERS.has(install.manager)) return true
    return run.scope.get('NODE_ENV')?.value === 'production' || c.args.some((a) => PRODUCTION_FLAGS.has(a))
  }
  if (isCommand(c, 'bundle', 'install')) return true
  return isCommand(c, 'composer', 'install') && c.args.includes('--no-dev')
}

/** The instructions of a stage's FROM chain, root first. */
function chainInstructions(model: DockerfileModel, stage: Stage): Instruction[] {
  return stageChain(model, stage.index).flatMap((s) => s.instructions)
}

/** A stage that is only a name for an external image (`FROM tonistiigi/xx AS xx`): it builds nothing. */
function isImageAlias(model: DockerfileModel, stage: Stage): boolean {
  const chain = stageChain(model, stage.index)
  return chain[0]?.base.kind === 'image' && chain.every((s) => s.instructions.length === 1)
}

/** A scratch stage that only gathers files (COPY, no RUN): copying all of it is copying the artifacts. */
function isArtifactStage(model: DockerfileModel, stage: Stage): boolean {
  const chain = stageChain(model, stage.index)
  return chain[0]?.base.kind === 'scratch' && chain.every((s) => s.instructions.every((i) => i.keyword !== 'RUN'))
}

export const broadCopyFrom: Rule = {
  meta: {
    id: 'broad-copy-from',
    title: 'COPY --from copies a whole stage or its source folder',
    severity: 'warning',
    category: 'size',
    scope: 'ships',
    equivalents: { hadolint: 'DL3067', buildkit: null }
  },
  check: ({ model, graph }) =>
    graph.edges
      .filter((e) => e.via === 'copy')
      .flatMap((e) => {
        const source = model.stages[e.to]
        const copy = model.stages[e.from]?.instructions.find((i) => i.line === e.line && i.copy !== undefined && i.copy.from !== null)?.copy
        if (source === undefined || copy === undefined || isImageAlias(model, source)) return []
        const name = source.name ?? String(source.index)
        const dirs = workdirs(model, e.to)
        const workdir = finalWorkdir(model, e.to)
        const instructions = chainInstructions(model, source)
        for (const word of copy.sourceWords) {
          // A path chosen by a build argument is unknown here, not the whole filesystem.
          const path = knownValue(word)
          if (path === null || path === '') continue
          const resolved = resolvePath(workdir, path)
          if (resolved === '/') {
            if (isArtifactStage(model, source)) continue
            const root = stageChain(model, source.index)[0]
            const base = root?.base.kind === 'image' ? `its base image ${root.base.resolved}` : 'its base'
            return [{ line: e.line, message: `copies the whole filesystem of stage ${name}: ${base} and everything its RUN steps installed ship too; copy only the files the image needs`, stage: e.from }]
          }
          // The build context was copied into exactly this folder (in the stage or one it is built FROM).
          const contextCopy = instructions.find(
            (ins) => ins.copy !== undefined && ins.copy.from === null && ins.copy.sources.some((s) => s === '.' || s === './') && resolvePath(dirs.get(ins) ?? '/', ins.copy.destination ?? '.') === resolved
          )
          if (contextCopy === undefined) continue
          const after = instructions.slice(instructions.indexOf(contextCopy) + 1).filter((i) => i.keyword === 'RUN')
          // Interpreted apps: when the stage only installed runtime dependencies there, that folder IS the runtime.
          if (after.every((run) => runCommands(run).every((c) => installsRuntimeOnly(c, run)))) continue
          const node = instructions.some((i) => runInstalls(i).some((p) => NODE_MANAGERS.has(p.manager)))
          return [
            {
              line: e.line,
              message: `copies ${resolved} of stage ${name}, the folder line ${contextCopy.line} copied the whole build context into: the sources${node ? ' and node_modules' : ''} ship next to what the stage built; copy only the build output`,
              stage: e.from
            }
          ]
        }
        return []
      })
}
