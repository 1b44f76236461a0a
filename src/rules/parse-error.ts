import type { Rule } from './types.js'

export const parseError: Rule = {
  meta: {
    id: 'parse-error',
    title: 'The Dockerfile cannot be read as written',
    severity: 'error',
    category: 'correctness',
    scope: 'all',
    equivalents: { hadolint: null, buildkit: null }
  },
  // Most parse problems have no hadolint code; an instruction before FROM is its DL3061.
  check: ({ model }) => model.errors.map((e) => ({ line: e.line, endLine: e.endLine, message: e.message, stage: null, ...(e.hadolint === undefined ? {} : { equivalents: { hadolint: e.hadolint, buildkit: null } }) }))
}
