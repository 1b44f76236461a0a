/**
 * ShellCheck's findings on the RUN scripts, each at the Dockerfile line it is about, under its SC
 * code (so `# hadolint ignore=SC2086` and `suppress: [{ rules: [SC2086] }]` silence one code).
 * The review starts ShellCheck when it is installed; this rule only passes on what it said, from
 * its warnings up by default, less the codes that are noise in a Dockerfile.
 */
import type { Severity } from '../model/finding.js'
import type { ShellcheckLevel } from '../model/shellcheck.js'
import type { DockerfileModel } from '../model/dockerfile.js'
import { stageShell } from './helpers.js'
import { runSimpleCommands } from './run-helpers.js'
import type { Rule } from './types.js'

/** POSIX's special built-ins: an assignment written before one stays set in the shell afterwards. */
const SPECIAL_BUILTINS: ReadonlySet<string> = new Set(['set', 'export', 'readonly', ':', '.', 'eval', 'exec', 'shift', 'trap', 'unset', 'times', 'break', 'continue', 'return', 'exit'])

/**
 * The names the RUN at a line assigns before a special built-in (`buildDeps='…' set -x && apk add
 * $buildDeps`). POSIX sh (dash, BusyBox ash) keeps those assignments, so ShellCheck's "referenced
 * but not assigned" (SC2154) about them is wrong for the shell Docker runs (ShellCheck scopes a
 * prefix assignment to its command whatever the command is).
 */
function keptAssignments(model: DockerfileModel, line: number): Set<string> {
  const run = model.instructions.find((i) => i.keyword === 'RUN' && i.line <= line && line <= i.endLine)
  const names = new Set<string>()
  if (run === undefined) return names
  // /bin/sh (dash, ash, or bash started as sh, which is POSIX mode) keeps them; bash under SHELL does not.
  const argv = stageShell(model, run.stage, run.line).argv
  if (argv !== null && !/(?:^|\/)(?:sh|dash|ash)$/.test(argv[0] ?? '')) return names
  for (const c of runSimpleCommands(run)) {
    if (c.assignments.length === 0 || !SPECIAL_BUILTINS.has(c.words[0]?.text ?? '')) continue
    for (const a of c.assignments) names.add(a.text.slice(0, Math.max(0, a.text.indexOf('='))))
  }
  return names
}

/** `buildDeps is referenced but not assigned.` → `buildDeps`. */
function unassignedName(message: string): string | null {
  return /^(\w+) is referenced but not assigned/.exec(message)?.[1] ?? null
}

const SEVERITY: Record<ShellcheckLevel, Severity> = { error: 'error', warning: 'warning', info: 'info', style: 'info' }
const RANK: Record<ShellcheckLevel, number> = { error: 3, warning: 2, info: 1, style: 0 }

/**
 * Left out unless configured otherwise: in a RUN these are deliberate far more often than not —
 * `A= B= &&` to clear variables (SC1007), a loop over a one-item list a script generates (SC2043),
 * `$(cat packages.txt)` split on purpose (SC2046), `export X="$(…)"` (SC2155), `find | xargs` over
 * the project's own files (SC2038), `mkdir -p -m 0700` meant for the last folder (SC2174). And the
 * advice against hostile file names and values, where the build names them: `cd` to a folder it
 * just made or the image has, without `|| exit` (SC2164: were it missing, what follows mostly fails);
 * `for f in $(ls qemu-*)` over its own output (SC2045); `'"${TAG}"'` around a tag or version
 * (SC2027, whose words never hold blanks).
 */
const SHELLCHECK_NOISE: readonly string[] = ['SC1007', 'SC2027', 'SC2038', 'SC2043', 'SC2045', 'SC2046', 'SC2155', 'SC2164', 'SC2174']

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
  check: ({ model, shellcheck: comments, options }) => {
    const lowest = RANK[(options['shellcheck-level'] as ShellcheckLevel | undefined) ?? 'warning']
    const excluded = new Set(((options['shellcheck-exclude'] as readonly string[] | null) ?? []).map((c) => c.toUpperCase()))
    const assignedForSure = (code: number, message: string, line: number): boolean => {
      const name = code === 2154 ? unassignedName(message) : null
      return name !== null && keptAssignments(model, line).has(name)
    }
    return (comments ?? [])
      .filter((c) => RANK[c.level] >= lowest && !excluded.has(`SC${c.code}`) && !assignedForSure(c.code, c.message, c.line))
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
