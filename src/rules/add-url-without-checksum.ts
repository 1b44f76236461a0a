import type { Rule } from './types.js'

export const addUrlWithoutChecksum: Rule = {
  meta: {
    id: 'add-url-without-checksum',
    title: 'ADD downloads a URL without --checksum',
    severity: 'warning',
    category: 'security',
    scope: 'all',
    equivalents: { hadolint: null, buildkit: null }
  },
  check: ({ model }) =>
    model.stages.flatMap((stage) =>
      stage.instructions
        .filter((i) => i.keyword === 'ADD' && i.copy !== undefined && i.copy.checksum === null && i.copy.sources.some((s) => /^https?:\/\//i.test(s)))
        .map((i) => ({ line: i.line, endLine: i.endLine, message: 'ADD of a URL trusts whatever the server sends today: add --checksum=sha256:… so a changed or tampered download fails the build', stage: stage.index }))
    )
}
