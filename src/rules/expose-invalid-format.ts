/** EXPOSE takes container ports only, no host address or host port. */
import type { Rule } from './types.js'

export const exposeInvalidFormat: Rule = {
  meta: {
    id: 'expose-invalid-format',
    title: 'EXPOSE with an IP address or a host port mapping',
    severity: 'warning',
    category: 'correctness',
    scope: 'all',
    equivalents: { hadolint: null, buildkit: 'ExposeInvalidFormat' },
    needs: { keywords: ['EXPOSE'] }
  },
  check: ({ model }) =>
    model.stages.flatMap((s) =>
      s.instructions
        .filter((i) => i.keyword === 'EXPOSE')
        .flatMap((i) =>
          i.args
            .filter((a) => !a.includes('$') && a.includes(':'))
            .map((a) => ({ line: i.line, message: `EXPOSE ${a}: an image cannot publish to a host address or port; EXPOSE only the container port (${a.split(':').pop() ?? a}) and map it with docker run -p`, stage: s.index }))
        )
    )
}
