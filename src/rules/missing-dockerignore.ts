/** `COPY .` with no .dockerignore (silent when the build context is unknown). */
import type { Rule } from './types.js'
import { contextLooksReal, isContextCopy } from './helpers.js'

export const missingDockerignore: Rule = {
  meta: {
    id: 'missing-dockerignore',
    title: 'The whole context is copied and there is no .dockerignore',
    severity: 'warning',
    category: 'cache',
    scope: 'all',
    equivalents: { hadolint: null, buildkit: null },
    about: 'file'
  },
  check: ({ model, buildContext }) => {
    if (buildContext === undefined || buildContext.dockerignore !== null || !contextLooksReal(model, buildContext)) return []
    const copy = model.stages.flatMap((s) => s.instructions).find((i) => isContextCopy(i) && (i.copy?.sources ?? []).some((s) => s === '.' || s === './'))
    if (copy === undefined) return []
    return [{ line: copy.line, message: 'this copies the whole build context and there is no .dockerignore next to the Dockerfile: .git, node_modules, build output and local .env files go into the build (and its cache); add a .dockerignore', stage: copy.stage }]
  }
}
