import type { Rule } from './types.js'

export const maintainerDeprecated: Rule = {
  meta: {
    id: 'maintainer-deprecated',
    title: 'MAINTAINER is deprecated',
    severity: 'warning',
    category: 'style',
    scope: 'all',
    equivalents: { hadolint: 'DL4000', buildkit: 'MaintainerDeprecated' },
    needs: { keywords: ['MAINTAINER'] }
  },
  // A MAINTAINER before the first FROM is also a parse error (parse-error, DL3061); it is deprecated all the same.
  check: ({ model }) =>
    [...model.preamble, ...model.stages.flatMap((s) => s.instructions)]
      .filter((i) => i.keyword === 'MAINTAINER')
      .map((i) => ({ line: i.line, message: 'MAINTAINER is deprecated: use LABEL org.opencontainers.image.authors="…"', stage: i.stage < 0 ? null : i.stage }))
}
