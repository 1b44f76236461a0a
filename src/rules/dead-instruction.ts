/** Image metadata set in a build stage never reaches the shipped image. */
import type { Rule } from './types.js'

const METADATA = new Set(['CMD', 'ENTRYPOINT', 'HEALTHCHECK', 'EXPOSE', 'STOPSIGNAL'])

export const deadInstruction: Rule = {
  meta: {
    id: 'dead-instruction',
    title: 'Image metadata in a build stage has no effect',
    severity: 'info',
    category: 'structure',
    scope: 'all',
    equivalents: { hadolint: null, buildkit: null }
  },
  check: ({ model, graph }) =>
    model.stages
      .filter((s) => graph.roles[s.index] === 'build')
      .flatMap((s) =>
        s.instructions
          .filter((i) => METADATA.has(i.keyword))
          .map((i) => ({
            line: i.line,
            endLine: i.endLine,
            message: `${i.keyword} in build stage ${s.name ?? s.index} has no effect: only files copied from this stage reach the shipped image`,
            stage: s.index
          }))
      )
}
