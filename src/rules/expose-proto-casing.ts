/** EXPOSE protocols in lower case: `80/tcp`. */
import type { Rule } from './types.js'

export const exposeProtoCasing: Rule = {
  meta: {
    id: 'expose-proto-casing',
    title: 'EXPOSE protocol is not lower case',
    severity: 'warning',
    category: 'style',
    scope: 'all',
    equivalents: { hadolint: null, buildkit: 'ExposeProtoCasing' },
    needs: { keywords: ['EXPOSE'] }
  },
  check: ({ model }) =>
    model.stages.flatMap((s) =>
      s.instructions
        .filter((i) => i.keyword === 'EXPOSE')
        .flatMap((i) => i.args.filter((a) => /\/[a-zA-Z]+$/.test(a) && a !== a.toLowerCase()).map((a) => ({ line: i.line, message: `EXPOSE ${a}: write the protocol in lower case (${a.toLowerCase()})`, stage: s.index })))
    )
}
