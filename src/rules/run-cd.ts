/** A RUN that starts with `cd DIR && …`: WORKDIR DIR says it once for this and the following instructions. */
import { posixShell, resolvePath, workdirs } from './helpers.js'
import { programOf, runCommands, runSyntax } from './run-helpers.js'
import { simpleCommands, type ShList, type ShWord } from '../parse/shell-syntax.js'
import { trimTrailingSlashes } from '../parse/paths.js'
import type { Rule } from './types.js'

/** A scratch directory: WORKDIR would keep the build in it for every instruction after. */
const TEMPORARY = /^(?:\/tmp|\/var\/tmp|\/dev\/shm|\$\{?TMPDIR\b)/

/** The directory of the `cd` a script starts with, when more commands follow it, or null. */
function leadingCd(list: ShList): ShWord | null {
  const first = list[0]
  const command = first?.pipelines[0]?.commands.length === 1 ? first.pipelines[0].commands[0] : undefined
  if (command?.kind !== 'simple' || programOf(command) !== 'cd' || command.redirects.length > 0) return null
  if (list.length < 2 && (first?.pipelines.length ?? 0) < 2) return null
  // `cd -P dir`, `cd -L dir`; a bare `cd` goes home.
  return command.words.slice(1).find((w) => !w.text.startsWith('-') || w.text === '-') ?? null
}

/** Whether the script deletes the directory (or empties it) later: then it is a scratch directory too. */
function removesLater(list: ShList, dir: string, absolute: string, cwd: string): boolean {
  const targets = new Set([trimTrailingSlashes(dir), absolute])
  return simpleCommands(list).some(
    (c) =>
      programOf(c) === 'rm' &&
      c.words.slice(1).some((w) => {
        const path = trimTrailingSlashes(w.text.replace(/\/\*$/, ''))
        return targets.has(path) || (path.startsWith('/') && targets.has(resolvePath(cwd, path)))
      })
  )
}

export const runCd: Rule = {
  meta: {
    id: 'run-cd',
    title: 'RUN cd … instead of WORKDIR',
    severity: 'info',
    category: 'style',
    scope: 'all',
    equivalents: { hadolint: 'DL3003', buildkit: null }
  },
  check: ({ model }) =>
    model.stages.flatMap((s) => {
      const candidates = s.instructions.filter((i) => i.keyword === 'RUN' && i.form === 'shell' && runCommands(i)[0]?.name === 'cd' && posixShell(model, s.index, i.line))
      if (candidates.length === 0) return []
      const dirs = workdirs(model, s.index)
      return candidates.flatMap((i) => {
        const list = runSyntax(i)
        const dir = leadingCd(list)
        // `cd "$(mktemp -d)"`, `cd -` and scratch directories are not where the next instruction should be;
        // a relative `cd sub` is a step inside the current directory, which the next instructions still want.
        if (dir === null || dir.substitutions.length > 0 || !/^[/$]/.test(dir.text) || TEMPORARY.test(dir.text)) return []
        const cwd = dirs.get(i) ?? '/'
        const absolute = dir.expands ? dir.text : resolvePath(cwd, dir.text)
        if (TEMPORARY.test(absolute) || removesLater(list, dir.text, absolute, cwd)) return []
        const message =
          absolute === cwd
            ? `a RUN that starts with cd ${dir.raw}: the WORKDIR is already ${cwd}, so the cd is not needed`
            : `a RUN that starts with cd ${dir.raw}: put WORKDIR ${absolute} before it instead; WORKDIR creates the directory and keeps it for the instructions after, so each RUN need not cd there again`
        return [{ line: i.line, endLine: i.endLine, message, stage: s.index }]
      })
    })
}
