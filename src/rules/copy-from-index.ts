import type { Rule } from './types.js'

export const copyFromIndex: Rule = {
  meta: {
    id: 'copy-from-index',
    title: 'A stage is referenced by its index instead of a name',
    severity: 'warning',
    category: 'structure',
    scope: 'all',
    equivalents: { hadolint: null, buildkit: null }
  },
  check: ({ model, graph }) =>
    graph.edges
      .filter((e) => e.via !== 'from')
      .flatMap((e) => {
        const stage = model.stages[e.from]
        const ins = stage?.instructions.find((i) => i.line === e.line)
        const raw = e.via === 'copy' ? ins?.copy?.from : ins?.run?.mounts.find((m) => m.line === e.line)?.from
        if (raw === undefined || raw === null || !/^[0-9]+$/.test(raw)) return []
        const source = model.stages[e.to]
        const hint = source !== undefined && source.name !== null ? `use --from=${source.name}` : `name stage ${e.to} (FROM … AS name, line ${source?.line ?? '?'}) and use that name`
        return [{ line: e.line, message: `--from=${raw} breaks silently when a stage is added or moved; ${hint}`, stage: e.from }]
      })
}
