/** `RUN chown -R` over files just copied duplicates them in a new layer; COPY --chown does not. */
import { resolvePath, workdirs } from './helpers.js'
import { isCommand, operands, runCommands, runs } from './run-helpers.js'
import type { Rule } from './types.js'

export const chownAfterCopy: Rule = {
  meta: {
    id: 'chown-after-copy',
    title: 'RUN chown -R over files a COPY just added',
    severity: 'warning',
    category: 'size',
    scope: 'ships',
    equivalents: { hadolint: null, buildkit: null }
  },
  check: ({ model }) =>
    model.stages.flatMap((stage) => {
      // Most stages never run chown: skip the working-directory walk for them.
      if (!runs(stage).some((r) => runCommands(r).some((c) => c.program === 'chown'))) return []
      const dirs = workdirs(model, stage.index)
      const copied: { path: string; line: number }[] = []
      const reports = []
      for (const ins of stage.instructions) {
        const cwd = dirs.get(ins) ?? '/'
        if ((ins.keyword === 'COPY' || ins.keyword === 'ADD') && ins.copy?.destination) {
          copied.push({ path: resolvePath(cwd, ins.copy.destination), line: ins.line })
        }
        if (ins.keyword !== 'RUN') continue
        for (const c of runCommands(ins)) {
          if (!isCommand(c, 'chown') || !c.args.some((a) => a === '-R' || a === '--recursive' || /^-[a-zA-Z]*R/.test(a))) continue
          const targets = operands(c).slice(1).map((t) => resolvePath(cwd, t))
          const hit = copied.find((p) => targets.some((t) => p.path === t || p.path.startsWith(`${t}/`) || t.startsWith(`${p.path}/`) || t === '/'))
          if (hit !== undefined) {
            reports.push({ line: ins.line, endLine: ins.endLine, message: `chown -R rewrites the files copied on line ${hit.line} into a second layer, doubling their size: use COPY --chown=${operands(c)[0] ?? 'user'} instead`, stage: stage.index })
            break
          }
        }
      }
      return reports
    })
}
