import type { Stage } from '../model/dockerfile.js'
import { listNames } from './run-helpers.js'
import type { Rule } from './types.js'

const stageLabel = (s: Stage): string => (s.name !== null ? `"${s.name}"` : `stage ${s.index}`)

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
    // The build definitions may build several targets: the stage is unused by all of them.
    const built = graph.targets.map((t) => model.stages[t.stage]).filter((s): s is Stage => s !== undefined)
    const targetName =
      built.length > 1 ? `any of the ${built.length} targets that are built (${listNames(built.map(stageLabel))})` : target.name !== null ? `the target "${target.name}"` : `the target (stage ${target.index}, line ${target.line})`
    // Only when build definitions say what is built; a --target asked for by hand says nothing of the default.
    const last = graph.targets.some((t) => t.builtBy.length > 0) ? model.stages.length - 1 : -1
    return model.stages
      .filter((s) => graph.roles[s.index] === 'unused')
      .map((s) => ({
        line: s.line,
        // The last stage is what a plain `docker build` builds, even when no build definition asks for it.
        message:
          s.index === last
            ? `stage ${s.name === null ? s.index : `"${s.name}"`} is the last one, which a plain docker build builds, but the build definitions do not build it (they build ${built.length > 1 ? listNames(built.map(stageLabel)) : stageLabel(target)})`
            : `stage ${s.name === null ? s.index : `"${s.name}"`} is not used to build ${targetName}: docker build skips it unless it is the --target${s.name === null ? ' (give it a name so it can be)' : ''}`,
        stage: s.index
      }))
  }
}
