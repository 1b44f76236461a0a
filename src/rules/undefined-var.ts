/**
 * `$X` in an instruction Docker expands (not RUN) with no X in scope. The base image's own ENV
 * (PATH, JAVA_HOME, ...) is unknown without the registry, so outside `scratch` only names that
 * look like a typo of a name in scope are reported.
 */
import { referencedNames } from '../parse/variables.js'
import { closest, expandableText, stageChain } from './helpers.js'
import type { Rule } from './types.js'

const EXPANDED = new Set(['ADD', 'COPY', 'ENV', 'ARG', 'WORKDIR', 'LABEL', 'USER', 'VOLUME', 'EXPOSE', 'STOPSIGNAL', 'ONBUILD'])

export const undefinedVar: Rule = {
  meta: {
    id: 'undefined-var',
    title: 'A variable is used that is not defined',
    severity: 'warning',
    category: 'correctness',
    scope: 'all',
    equivalents: { hadolint: null, buildkit: 'UndefinedVar' }
  },
  check: ({ model }) => {
    const globals = new Set(model.globalArgs.map((a) => a.name))
    return model.stages.flatMap((stage) => {
      const fromScratch = stageChain(model, stage.index)[0]?.base.kind === 'scratch'
      return stage.instructions.slice(1).flatMap((ins) => {
        if (!EXPANDED.has(ins.keyword)) return []
        const text = ins.keyword === 'ARG' || ins.keyword === 'ENV' ? (ins.variables ?? []).map((v) => v.raw ?? '').join(' ') : expandableText(ins)
        return referencedNames(text)
          .filter((name) => !ins.scope.has(name) && !globals.has(name))
          .flatMap((name) => {
            const suggestion = closest(name, ins.scope.keys())
            if (suggestion === null && !fromScratch) return []
            const hint = suggestion === null ? '' : ` Did you mean $${suggestion}?`
            return [{ line: ins.line, endLine: ins.endLine, message: `$${name} is not defined at this point, so it expands to nothing.${hint}`, stage: stage.index }]
          })
      })
    })
  }
}
