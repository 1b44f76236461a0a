/**
 * hadolint's DL1001, off by default: a suppression comment in the Dockerfile. For repositories
 * whose policy is that findings are fixed or excepted centrally (`suppress:` in the configuration),
 * not hidden line by line.
 */
import { suppressionComments } from './suppressions.js'
import type { Rule } from './types.js'

const WHOSE = { stagecraft: 'a Stagecraft', hadolint: 'a hadolint', buildkit: "BuildKit's" } as const

export const inlineIgnore: Rule = {
  meta: {
    id: 'inline-ignore',
    title: 'A suppression comment hides findings in the Dockerfile (off by default)',
    severity: 'warning',
    category: 'style',
    scope: 'all',
    equivalents: { hadolint: 'DL1001', buildkit: null },
    experimental: true
  },
  check: ({ model }) =>
    suppressionComments(model).map((c) => ({
      line: c.line,
      message: `${WHOSE[c.tool]} suppression comment (# ${c.text.length > 60 ? `${c.text.slice(0, 57)}...` : c.text}): fix the finding, or except it in the configuration (suppress: in .stagecraft.yml, with the rule and the stages or paths) where it is reviewed once`,
      stage: null
    }))
}
