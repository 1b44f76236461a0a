import { stageChain } from './helpers.js'
import type { Rule } from './types.js'

export const copyRelativeWithoutWorkdir: Rule = {
  meta: {
    id: 'copy-relative-without-workdir',
    title: 'COPY to a relative destination before any WORKDIR',
    severity: 'warning',
    category: 'correctness',
    scope: 'all',
    equivalents: { hadolint: 'DL3045', buildkit: null }
  },
  check: ({ model }) =>
    model.stages.flatMap((stage) => {
      // A WORKDIR in a stage this one is built FROM counts (hadolint misses that).
      if (stageChain(model, stage.index).slice(0, -1).some((s) => s.instructions.some((i) => i.keyword === 'WORKDIR'))) return []
      const reports = []
      for (const ins of stage.instructions) {
        if (ins.keyword === 'WORKDIR') break
        const dest = ins.copy?.destination
        if ((ins.keyword === 'COPY' || ins.keyword === 'ADD') && dest !== undefined && dest !== null && !/^(?:\/|\$|[A-Za-z]:[\\/]|\\)/.test(dest)) {
          reports.push({ line: ins.line, message: `${ins.keyword} to the relative path ${dest} before any WORKDIR lands wherever the base image's working directory is: set WORKDIR first or use an absolute path`, stage: stage.index })
        }
      }
      return reports
    })
}
