/** Node dev dependencies in the shipped image: installed there, or copied in with node_modules. */
import { edgesByStage } from '../graph/graph.js'

import type { DockerfileModel, Instruction, Stage } from '../model/dockerfile.js'
import { stageChain } from './helpers.js'
import { isCommand, operands, runCommands, runs } from './run-helpers.js'
import type { Rule } from './types.js'
import type { ShellCommand } from '../model/dockerfile.js'

const PROD_FLAGS = ['--omit=dev', '--production', '--only=production', '--only=prod', '--prod', '-P']
/** yarn with only these options prints something; it installs nothing. */
const YARN_INFO = new Set(['--version', '-v', '--help', '-h'])

/** `npm ci`, `npm install` (no package names), `yarn`, `yarn install`, `pnpm install` without a production flag. */
function installsDevDeps(c: ShellCommand): boolean {
  if (c.args.some((a) => PROD_FLAGS.includes(a) || a.startsWith('--omit=dev') || a.startsWith('--production=true') || a === '--omit')) return false
  if (isCommand(c, 'npm', 'ci')) return true
  if (isCommand(c, 'npm', 'install', 'i')) return operands(c).length === 1 && !c.args.includes('-g') && !c.args.includes('--global')
  if (c.name === 'yarn') return operands(c)[0] === 'install' || (operands(c).length === 0 && !c.args.some((a) => YARN_INFO.has(a)))
  if (isCommand(c, 'pnpm', 'install', 'i')) return true
  return false
}

function prunes(c: ShellCommand): boolean {
  return (isCommand(c, 'npm', 'prune') && c.args.some((a) => PROD_FLAGS.includes(a) || a.startsWith('--omit=dev'))) || (isCommand(c, 'pnpm', 'prune') && c.args.includes('--prod'))
}

/** A comment block right above the RUN that talks about dev dependencies: keeping them is deliberate. */
const DELIBERATE = /dev[ -]?dep|devDependencies|--production|--omit[= ]dev|--prod\b|NODE_ENV/i

function deliberate(byLine: ReadonlyMap<number, string>, run: Instruction): boolean {
  // Comments inside the RUN's continuation lines count too.
  for (let line = run.endLine; line >= run.line; line--) if (DELIBERATE.test(byLine.get(line) ?? '')) return true
  for (let line = run.line - 1; byLine.has(line); line--) if (DELIBERATE.test(byLine.get(line) as string)) return true
  return false
}

interface DevInstall {
  run: Instruction
  command: ShellCommand
}

/** The RUN installing dev dependencies in a stage (or its FROM chain), unless pruned later there or kept on purpose. */
function devInstall(model: DockerfileModel, stage: Stage, comments: ReadonlyMap<number, string>): DevInstall | null {
  let found: DevInstall | null = null
  for (const s of stageChain(model, stage.index)) {
    for (const run of runs(s)) {
      const commands = runCommands(run)
      // ENV NODE_ENV=production in scope, or `NODE_ENV=production npm ci` in the RUN (the shell split drops assignments).
      const production = run.scope.get('NODE_ENV')?.value === 'production' || run.raw.includes('NODE_ENV=production')
      const command = production ? undefined : commands.find(installsDevDeps)
      if (command !== undefined) found = deliberate(comments, run) ? null : { run, command }
      if (commands.some(prunes)) found = null
    }
  }
  return found
}

/** The production install of the program that was used. */
function productionInstall(c: ShellCommand): string {
  if (c.program === 'yarn') return 'yarn install --production'
  if (c.program === 'pnpm') return 'pnpm install --prod'
  return 'npm ci --omit=dev'
}

export const devDependenciesShipped: Rule = {
  meta: {
    id: 'dev-dependencies-shipped',
    title: 'Node dev dependencies end up in the shipped image',
    severity: 'info',
    category: 'size',
    scope: 'ships',
    equivalents: { hadolint: null, buildkit: null },
    // Every report is of an install by one of these (devInstall).
    needs: { programs: ['npm', 'yarn', 'pnpm'] }
  },
  check: ({ model, graph }) => {
    const edges = edgesByStage(graph, model.stages.length)
    const comments = new Map(model.comments.map((c) => [c.line, c.text]))
    return model.stages.flatMap((stage) => {
      const reports = []
      const own = devInstall(model, stage, comments)
      if (own !== null && own.run.stage === stage.index) {
        reports.push({ line: own.run.line, endLine: own.run.endLine, message: `this install may include devDependencies (${own.command.program} installs any that package.json lists), and they ship: use ${productionInstall(own.command)} (or set NODE_ENV=production), and build in a separate stage`, stage: stage.index })
      }
      for (const edge of (edges[stage.index] ?? []).filter((e) => e.via === 'copy' && e.paths.some((p) => p.includes('node_modules')))) {
        const source = model.stages[edge.to]
        const install = source === undefined ? null : devInstall(model, source, comments)
        if (install !== null) {
          reports.push({ line: edge.line, message: `node_modules from stage ${source?.name ?? edge.to} may include devDependencies (installed on line ${install.run.line}): install with ${productionInstall(install.command)} in a separate stage and copy that node_modules`, stage: stage.index })
        }
      }
      return reports
    })
  }
}
