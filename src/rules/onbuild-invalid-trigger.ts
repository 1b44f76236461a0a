/** ONBUILD ONBUILD, ONBUILD FROM and ONBUILD MAINTAINER: the builder rejects them. */
import type { Rule } from './types.js'

const FORBIDDEN = new Set(['ONBUILD', 'FROM', 'MAINTAINER'])

export const onbuildInvalidTrigger: Rule = {
  meta: {
    id: 'onbuild-invalid-trigger',
    title: 'ONBUILD triggers ONBUILD, FROM or MAINTAINER, which the builder rejects',
    severity: 'error',
    category: 'correctness',
    scope: 'all',
    equivalents: { hadolint: 'DL3043', buildkit: null },
    needs: { keywords: ['ONBUILD'] }
  },
  check: ({ model }) =>
    model.stages.flatMap((stage) =>
      stage.instructions.flatMap((i) => {
        const trigger = i.keyword === 'ONBUILD' ? (i.args[0] ?? '').toUpperCase() : ''
        if (!FORBIDDEN.has(trigger)) return []
        const why =
          trigger === 'ONBUILD'
            ? 'ONBUILD cannot be chained: the builder fails with "ONBUILD ONBUILD isn\'t allowed". Put the instruction in an ONBUILD of the image that builds on this one instead'
            : trigger === 'FROM'
              ? 'a trigger cannot start a new stage: the builder fails with "FROM isn\'t allowed as an ONBUILD trigger". Write the FROM in the Dockerfile that uses this image'
              : 'MAINTAINER is not allowed as an ONBUILD trigger (the builder fails) and is deprecated anyway: use LABEL org.opencontainers.image.authors=… in this image'
        return [{ line: i.line, endLine: i.endLine, message: `ONBUILD ${trigger}: ${why}`, stage: stage.index }]
      })
    )
}
