/** COPY --from of a whole stage root, or of the builder's source folder, ships far more than the artifact. */
import { finalWorkdir, resolvePath, workdirs } from './helpers.js'
import type { Rule } from './types.js'

export const broadCopyFrom: Rule = {
  meta: {
    id: 'broad-copy-from',
    title: 'COPY --from copies a whole stage or its source folder',
    severity: 'warning',
    category: 'size',
    scope: 'ships',
    equivalents: { hadolint: null, buildkit: null }
  },
  check: ({ model, graph }) =>
    graph.edges
      .filter((e) => e.via === 'copy')
      .flatMap((e) => {
        const source = model.stages[e.to]
        if (source === undefined) return []
        const name = source.name ?? String(source.index)
        const dirs = workdirs(model, e.to)
        const workdir = finalWorkdir(model, e.to)
        for (const path of e.paths) {
          const resolved = resolvePath(workdir, path)
          if (resolved === '/') {
            return [{ line: e.line, message: `copies the whole filesystem of stage ${name}, build tools and all: copy only the files the image needs`, stage: e.from }]
          }
          // The build context was copied into exactly this folder (in the stage or one it is built FROM).
          const copiedInto = [...dirs.entries()].some(
            ([ins, cwd]) => ins.copy !== undefined && ins.copy.from === null && ins.copy.sources.some((s) => s === '.' || s === './') && resolvePath(cwd, ins.copy.destination ?? '.') === resolved
          )
          if (copiedInto) {
            return [{ line: e.line, message: `copies ${resolved} of stage ${name}, where the whole build context was copied: sources, tests and node_modules ship along; copy the build output only`, stage: e.from }]
          }
        }
        return []
      })
}
