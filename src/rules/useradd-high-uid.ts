/** useradd -u <large UID> without -l: the sparse lastlog file becomes a real one of UID × 292 bytes in the layer. */
import { posixShellAt } from './helpers.js'
import { hasOption, runCommands, runs } from './run-helpers.js'
import type { Instruction } from '../model/dockerfile.js'
import type { ShellCommand } from '../model/dockerfile.js'
import type { Rule } from './types.js'

/** UIDs from here up make lastlog (292 bytes a UID) tens of megabytes. */
const HIGH_UID = 100_000
const LASTLOG_ENTRY = 292

/** The UID given with -u/--uid, its variables resolved in the RUN's scope; null when none or unknown. */
function uid(c: ShellCommand, run: Instruction): number | null {
  const at = c.args.findIndex((a) => a === '-u' || a === '--uid')
  const word = at >= 0 ? c.args[at + 1] : (c.args.find((a) => a.startsWith('--uid='))?.slice(6) ?? c.args.find((a) => /^-u\d/.test(a))?.slice(2))
  if (word === undefined) return null
  const name = /^\$\{?([A-Za-z_][A-Za-z0-9_]*)\}?$/.exec(word)?.[1]
  const value = name === undefined ? word : (run.scope.get(name)?.value ?? '')
  return /^\d+$/.test(value) ? Number(value) : null
}

export const useraddHighUid: Rule = {
  meta: {
    id: 'useradd-high-uid',
    title: 'useradd with a high UID and without -l makes a huge layer',
    severity: 'warning',
    category: 'size',
    scope: 'all',
    equivalents: { hadolint: 'DL3046', buildkit: null },
    needs: { programs: ['useradd'] }
  },
  check: ({ model }) =>
    model.stages.flatMap((stage) =>
      runs(stage).flatMap((run) => {
        const found = runCommands(run)
          .filter((c) => c.program === 'useradd' && !hasOption(c, ['no-log-init'], 'l'))
          .map((c) => uid(c, run))
          .find((u): u is number => u !== null && u >= HIGH_UID)
        if (found === undefined || !posixShellAt(model, stage.index)(run.line)) return []
        const megabytes = Math.round((found * LASTLOG_ENTRY) / 1_000_000)
        return [{ line: run.line, endLine: run.endLine, message: `useradd -u ${found} without -l (--no-log-init) writes the user's entry at offset UID × ${LASTLOG_ENTRY} in /var/log/lastlog: the sparse file is stored whole in the layer (about ${megabytes} MB); add -l`, stage: stage.index }]
      })
    )
}
