/** A global ARG is visible in FROM lines only; a stage must say `ARG NAME` to use it. */
import { referencedNames } from '../parse/variables.js'
import { expandableText } from './helpers.js'
import type { Rule } from './types.js'

export const globalArgNotRedeclared: Rule = {
  meta: {
    id: 'global-arg-not-redeclared',
    title: 'A stage uses a global ARG without declaring it',
    severity: 'warning',
    category: 'correctness',
    scope: 'all',
    equivalents: { hadolint: null, buildkit: 'UndefinedVar' }
  },
  check: ({ model }) => {
    const globals = new Map(model.globalArgs.map((a) => [a.name, a]))
    if (globals.size === 0) return []
    return model.stages.flatMap((stage) => {
      const reported = new Set<string>()
      const reports = []
      for (const ins of stage.instructions.slice(1)) {
        for (const name of referencedNames(expandableText(ins))) {
          const global = globals.get(name)
          if (global === undefined || ins.scope.has(name) || reported.has(name)) continue
          reported.add(name)
          // Re-declared, but only further down: the fix is to move it, not to add another.
          const later = stage.instructions.find((i) => i.line > ins.line && i.keyword === 'ARG' && (i.variables ?? []).some((v) => v.name === name))
          const fix = later === undefined ? `add ARG ${name} inside this stage` : `the stage's ARG ${name} (line ${later.line}) comes after this line: move it up`
          reports.push({
            line: ins.line,
            endLine: ins.endLine,
            message: `$${name} is empty here: ARG ${name} (line ${global.line}) is declared before the first FROM, which makes it visible to FROM lines only; ${fix}`,
            stage: stage.index
          })
        }
      }
      return reports
    })
  }
}
