/** Secret-looking ARG/ENV names, judged by where the value ends up (BuildKit's word list). */
import { looksSecret } from '../parse/secrets.js'
import type { Rule } from './types.js'

export { looksSecret }

export const secretsInArgEnv: Rule = {
  meta: {
    id: 'secrets-in-arg-env',
    title: 'A secret is passed through ARG or ENV',
    severity: 'warning',
    category: 'security',
    scope: 'all',
    equivalents: { hadolint: null, buildkit: 'SecretsUsedInArgOrEnv' }
  },
  check: ({ model, graph }) =>
    model.stages.flatMap((s) =>
      s.instructions
        .filter((i) => (i.keyword === 'ARG' || i.keyword === 'ENV') && i.variables !== undefined)
        .flatMap((i) =>
          (i.variables ?? [])
            .filter((v) => looksSecret(v.name))
            .map((v) => {
              const ships = graph.roles[s.index] === 'ships'
              const where =
                i.keyword === 'ENV'
                  ? ships
                    ? 'ENV values are stored in the shipped image for anyone who pulls it'
                    : 'in a build stage it stays out of the shipped image but is kept in the build cache'
                  : ships
                    ? 'ARG values are recorded in the image history of the shipped image'
                    : 'in a build stage it stays out of the shipped image but is kept in the build cache'
              return {
                line: i.line,
                message: `${i.keyword} ${v.name} looks like a secret: ${where}; use RUN --mount=type=secret instead`,
                stage: s.index,
                severity: ships ? ('warning' as const) : ('info' as const)
              }
            })
        )
    )
}
