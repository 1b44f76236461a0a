import type { Rule } from './types.js'

/** Unused stages cost nothing in BuildKit (it skips them), so this is information, not a warning. */
export const unusedStage: Rule = {
  meta: {
    id: 'unused-stage',
    title: 'A stage is not needed to build the target',
    severity: 'info',
    category: 'structure',
    scope: 'all',
    equivalents: { hadolint: null, buildkit: null },
    about: 'file'
  },
  check: ({ model, graph }) => {
    const target = graph.target === null ? null : model.stages[graph.target]
    if (target === null || target === undefined) return []
    const targetName = target.name !== null ? `the target "${target.name}"` : `the target (stage ${target.index}, line ${target.line})`
    return model.stages
      .filter((s) => graph.roles[s.index] === 'unused')
      .map((s) => ({
        line: s.line,
        message: `stage ${s.name === null ? s.index : `"${s.name}"`} is not used to build ${targetName}: docker build skips it unless it is the --target${s.name === null ? ' (give it a name so it can be)' : ''}`,
        stage: s.index
      }))
  }
}
