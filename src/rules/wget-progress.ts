/** GNU wget in a build writes a line of dots for every 50 KB it downloads into the build log. */
import { stageChain, stageShell } from './helpers.js'
import { hasOption, runCommands, runs, systemInstalls } from './run-helpers.js'
import type { DockerfileModel } from '../model/dockerfile.js'
import type { Rule } from './types.js'

/** BusyBox wget (Alpine) has no dot progress to bloat the log, and no --progress option: unless GNU wget is installed. */
function gnuWget(model: DockerfileModel, index: number, line: number): boolean {
  if (stageShell(model, index, line).base !== 'ash') return true
  return stageChain(model, index).some((s) => runs(s).some((r) => (s.index !== index || r.line <= line) && systemInstalls(r).some((p) => p.packages.includes('wget'))))
}

export const wgetProgress: Rule = {
  meta: {
    id: 'wget-progress',
    title: 'wget without --progress fills the build log',
    severity: 'info',
    category: 'style',
    scope: 'all',
    equivalents: { hadolint: 'DL3047', buildkit: null },
    needs: { programs: ['wget'] },
    // Judged on the corpus, the official images' long-standing wget calls: log length is not what their maintainers want to hear about.
    experimental: true
  },
  check: ({ model }) =>
    model.stages.flatMap((stage) =>
      runs(stage).flatMap((run) => {
        // -q/--quiet, -nv/--no-verbose, or the log to a file (-o, -a): nothing floods the build output.
        const loud = runCommands(run).find((c) => c.program === 'wget' && !hasOption(c, ['progress', 'quiet', 'no-verbose', 'output-file', 'append-output', 'show-progress'], 'qoa') && !c.args.includes('-nv'))
        if (loud === undefined || !gnuWget(model, stage.index, run.line)) return []
        return [{ line: run.line, endLine: run.endLine, message: 'wget without --progress prints a line of dots for every 50 KB it downloads (thousands of lines for a large file) into the build log: add --progress=dot:giga, or -q (-nv) to print only errors', stage: stage.index }]
      })
    )
}
