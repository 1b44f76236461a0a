/** Node dev dependencies in the shipped image: installed there, or copied in with node_modules. */
import { edgesByStage } from '../graph/graph.js'

import type { DockerfileModel, Instruction, Stage } from '../model/dockerfile.js'
import { stageChain } from './helpers.js'
import { isCommand, operands, runCommands, runs } from './run-helpers.js'
import type { Rule } from './types.js'
import type { ShellCommand } from '../model/dockerfile.js'

const PROD_FLAGS = ['--omit=dev', '--production', '--only=production', '--only=prod', '--prod', '-P']

/** `npm ci`, `npm install` (no package names), `yarn`, `yarn install`, `pnpm install` without a production flag. */
function installsDevDeps(c: ShellCommand, run: Instruction): boolean {
  if (run.scope.get('NODE_ENV')?.value === 'production') return false
  if (c.args.some((a) => PROD_FLAGS.includes(a) || a.startsWith('--omit=dev') || a === '--omit' )) return false
  if (isCommand(c, 'npm', 'ci')) return true
  if (isCommand(c, 'npm', 'install', 'i')) return operands(c).length === 1 && !c.args.includes('-g') && !c.args.includes('--global')
  if (c.name === 'yarn') return c.args.length === 0 || operands(c)[0] === 'install'
  if (isCommand(c, 'pnpm', 'install', 'i')) return true
  return false
}

function prunes(c: ShellCommand): boolean {
  return (isCommand(c, 'npm', 'prune') && c.args.some((a) => PROD_FLAGS.includes(a) || a.startsWith('--omit=dev'))) || (isCommand(c, 'pnpm', 'prune') && c.args.includes('--prod'))
}

/** The RUN installing dev dependencies in a stage (or its FROM chain), unless pruned later there. */
function devInstall(model: DockerfileModel, stage: Stage): Instruction | null {
  let found: Instruction | null = null
  for (const s of stageChain(model, stage.index)) {
    for (const run of runs(s)) {
      const commands = runCommands(run)
      if (commands.some((c) => installsDevDeps(c, run))) found = run
      if (commands.some(prunes)) found = null
    }
  }
  return found
}

export const devDependenciesShipped: Rule = {
  meta: {
    id: 'dev-dependencies-shipped',
    title: 'Node dev dependencies end up in the shipped image',
    severity: 'warning',
    category: 'size',
    scope: 'ships',
    equivalents: { hadolint: null, buildkit: null }
  },
  check: ({ model, graph }) => {
    const edges = edgesByStage(graph, model.stages.length)
    return model.stages.flatMap((stage) => {
      const reports = []
      const own = devInstall(model, stage)
      if (own !== null && own.stage === stage.index) {
        reports.push({ line: own.line, endLine: own.endLine, message: 'this install includes devDependencies and they ship: use npm ci --omit=dev (or set NODE_ENV=production), and build in a separate stage', stage: stage.index })
      }
      for (const edge of (edges[stage.index] ?? []).filter((e) => e.via === 'copy' && e.paths.some((p) => p.includes('node_modules')))) {
        const source = model.stages[edge.to]
        const install = source === undefined ? null : devInstall(model, source)
        if (install !== null) {
          reports.push({ line: edge.line, message: `node_modules from stage ${source?.name ?? edge.to} include devDependencies (installed on line ${install.line}): install with --omit=dev in a separate stage and copy that node_modules`, stage: stage.index })
        }
      }
      return reports
    })
  }
}
