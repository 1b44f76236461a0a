/** COPY of a local tar archive that a later RUN unpacks: the archive stays in the COPY layer of the shipped image. */
import { posixShellAt } from './helpers.js'
import { hasOption, runCommands, runs } from './run-helpers.js'
import type { Instruction } from '../model/dockerfile.js'
import type { ShellCommand } from '../model/dockerfile.js'
import type { Rule } from './types.js'

/** What ADD unpacks: tar, plain or compressed with gzip, bzip2 or xz (not zip, not zstd). */
const TAR_ARCHIVE = /\.(?:tar|tgz|tbz2?|txz|tar\.(?:gz|bz2|xz))$/i

const basename = (path: string): string => path.slice(path.lastIndexOf('/') + 1)

/** The archive a `tar -x…` unpacks, when it unpacks all of it as ADD would (no members, no --strip-components, no stdout). */
function untarsWhole(c: ShellCommand): string | null {
  if (c.program !== 'tar') return null
  const first = c.args[0] ?? ''
  // `tar xzf a.tgz`: the old form, letters without a dash, first.
  const oldStyle = /^[A-Za-z]+$/.test(first) && first.includes('x')
  const extracts = oldStyle || c.args.some((a) => a === '--extract' || a === '--get' || (/^-[A-Za-z]+$/.test(a) && a.includes('x')))
  if (!extracts || hasOption(c, ['strip-components', 'exclude', 'wildcards', 'transform', 'xform', 'to-stdout', 'to-command', 'files-from'], 'OT')) return null
  let file: string | null = null
  const members: string[] = []
  for (let i = oldStyle ? 1 : 0; i < c.args.length; i++) {
    const a = c.args[i] as string
    if (a === '-C' || a === '--directory') i++
    else if (a === '--file' || /^-[A-Za-z]*f$/.test(a)) file = c.args[++i] ?? null
    else if (a.startsWith('--file=')) file = a.slice(7)
    else if (!a.startsWith('-')) members.push(a)
  }
  if (oldStyle && first.includes('f')) file = members.shift() ?? null
  return file !== null && members.length === 0 ? file : null
}

/** The archives a COPY from the build context brings in, by the name they get in the image. */
function copiedArchives(copy: Instruction): string[] {
  const details = copy.copy
  if (details === undefined || details.from !== null || details.destination === null) return []
  const dest = details.destination
  if (TAR_ARCHIVE.test(dest) && details.sources.length === 1) return [basename(dest)]
  return details.sources.filter((s) => TAR_ARCHIVE.test(s) && !s.includes('*')).map(basename)
}

export const copyArchiveThenExtract: Rule = {
  meta: {
    id: 'copy-archive-then-extract',
    title: 'COPY of a tar archive that a RUN then unpacks',
    severity: 'info',
    category: 'size',
    scope: 'ships',
    equivalents: { hadolint: 'DL3010', buildkit: null }
  },
  check: ({ model }) =>
    model.stages.flatMap((stage) =>
      stage.instructions.flatMap((copy) => {
        if (copy.keyword !== 'COPY') return []
        const archives = copiedArchives(copy)
        if (archives.length === 0) return []
        const later = runs(stage).filter((r) => r.line > copy.line && posixShellAt(model, stage.index)(r.line))
        for (const run of later) {
          const untarred = runCommands(run).map(untarsWhole).find((f) => f !== null && archives.includes(basename(f)))
          if (untarred === undefined || untarred === null) continue
          const name = basename(untarred)
          return [
            {
              line: copy.line,
              endLine: copy.endLine,
              message: `COPY brings in ${name} and the RUN on line ${run.line} unpacks it: the archive stays in this COPY's layer even if the RUN deletes it. ADD ${name} <dir>/ unpacks it in one step and keeps only the files (or bind it for that RUN: RUN --mount=type=bind,source=${name},target=/tmp/${name} tar -x…)`,
              stage: stage.index
            }
          ]
        }
        return []
      })
    )
}
