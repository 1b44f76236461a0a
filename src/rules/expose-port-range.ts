/** EXPOSE of a port outside 0–65535: the builder cannot parse it. */
import type { Rule } from './types.js'

const MAX_PORT = 65535

/** The numbers of `80`, `80/tcp`, `8000-8010/udp`; null when the word is not a plain port or range (a variable, a host mapping). */
function ports(word: string): number[] | null {
  const m = /^(\d+)(?:-(\d+))?(?:\/[A-Za-z]+)?$/.exec(word)
  if (m === null) return null
  return [Number(m[1]), ...(m[2] === undefined ? [] : [Number(m[2])])]
}

export const exposePortRange: Rule = {
  meta: {
    id: 'expose-port-range',
    title: 'EXPOSE of a port above 65535',
    severity: 'error',
    category: 'correctness',
    scope: 'all',
    equivalents: { hadolint: 'DL3011', buildkit: null },
    needs: { keywords: ['EXPOSE'] }
  },
  check: ({ model }) =>
    model.stages.flatMap((stage) =>
      stage.instructions
        .filter((i) => i.keyword === 'EXPOSE')
        .flatMap((i) =>
          i.args
            .filter((a) => (ports(a) ?? []).some((p) => p > MAX_PORT))
            .map((a) => ({ line: i.line, endLine: i.endLine, message: `EXPOSE ${a}: ports run from 0 to ${MAX_PORT}, so the builder rejects this one (invalid containerPort). Expose the port the program listens on`, stage: stage.index }))
        )
    )
}
