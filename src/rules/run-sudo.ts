import type { Rule } from './types.js'

export const runSudo: Rule = {
  meta: {
    id: 'run-sudo',
    title: 'sudo in RUN',
    severity: 'warning',
    category: 'security',
    scope: 'all',
    equivalents: { hadolint: 'DL3004', buildkit: null }
  },
  check: ({ model }) =>
    model.stages.flatMap((s) =>
      s.instructions
        // Looked for in the text: the shell splitter drops sudo as a wrapper to find the real program.
        .filter((i) => i.keyword === 'RUN' && /(?:^|[\s;&|(])sudo\s/.test(i.args.join(' ') + ' '))
        .map((i) => ({ line: i.line, endLine: i.endLine, message: 'sudo in a Dockerfile hides who runs what and needs sudo installed: switch with USER root … USER app around the steps that need root', stage: s.index }))
    )
}
