/**
 * ShellCheck's findings on the RUN scripts, each at the Dockerfile line it is about, under its SC
 * code (so `# hadolint ignore=SC2086` and `suppress: [{ rules: [SC2086] }]` silence one code).
 * The review starts ShellCheck when it is installed; this rule only passes on what it said, from
 * its warnings up by default, less the codes that are noise in a Dockerfile.
 */
import type { Severity } from '../model/finding.js'
import type { ShellcheckLevel } from '../model/shellcheck.js'
import type { Rule } from './types.js'

const SEVERITY: Record<ShellcheckLevel, Severity> = { error: 'error', warning: 'warning', info: 'info', style: 'info' }
const RANK: Record<ShellcheckLevel, number> = { error: 3, warning: 2, info: 1, style: 0 }

/**
 * Left out unless configured otherwise: in a RUN these are deliberate far more often than not —
 * `A= B= &&` to clear variables (SC1007), a loop over a one-item list a script generates (SC2043),
 * `$(cat packages.txt)` split on purpose (SC2046), `export X="$(…)"` (SC2155), `find | xargs` over
 * the project's own files (SC2038), `mkdir -p -m 0700` meant for the last folder (SC2174).
 */
const SHELLCHECK_NOISE: readonly string[] = ['SC1007', 'SC2038', 'SC2043', 'SC2046', 'SC2155', 'SC2174']

export const shellcheck: Rule = {
  meta: {
    id: 'shellcheck',
    title: 'ShellCheck finds a problem in a RUN script',
    severity: 'warning',
    category: 'correctness',
    scope: 'all',
    equivalents: { hadolint: null, buildkit: null },
    options: [
      { name: 'shellcheck-level', type: 'string', default: 'warning', choices: ['error', 'warning', 'info', 'style'], doc: 'The lowest ShellCheck level reported (hadolint reports them all: `style`).' },
      { name: 'shellcheck-exclude', type: 'string-list', default: SHELLCHECK_NOISE, doc: `ShellCheck codes left out (default ${SHELLCHECK_NOISE.join(', ')}; \`[]\` reports them too).` }
    ]
  },
  check: ({ shellcheck: comments, options }) => {
    const lowest = RANK[(options['shellcheck-level'] as ShellcheckLevel | undefined) ?? 'warning']
    const excluded = new Set(((options['shellcheck-exclude'] as readonly string[] | null) ?? []).map((c) => c.toUpperCase()))
    return (comments ?? [])
      .filter((c) => RANK[c.level] >= lowest && !excluded.has(`SC${c.code}`))
      .map((c) => ({
        line: c.line,
        endLine: c.endLine,
        message: `SC${c.code}: ${c.message} (https://www.shellcheck.net/wiki/SC${c.code})`,
        stage: c.stage,
        severity: SEVERITY[c.level],
        equivalents: { hadolint: `SC${c.code}`, buildkit: null }
      }))
  }
}
