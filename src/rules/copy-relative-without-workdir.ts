/** COPY/ADD to a relative destination before any WORKDIR: the files land in the base image's working directory. */
import { finalWorkdir, isWindowsStage, pathKind, resolvePath, stageChain } from './helpers.js'
import type { DockerfileModel, Instruction, PathWord, Stage } from '../model/dockerfile.js'
import type { StageGraph } from '../model/graph.js'
import type { Rule } from './types.js'

/** Top-level folders of a Linux root filesystem: a path under them was chosen, not left to the working directory. */
const ROOT_FOLDERS = new Set(['bin', 'boot', 'dev', 'etc', 'home', 'lib', 'lib32', 'lib64', 'libx32', 'media', 'mnt', 'opt', 'proc', 'root', 'run', 'sbin', 'srv', 'sys', 'tmp', 'usr', 'var'])

const BEFORE = new Set([' ', '\t', '\n', '"', "'", '=', ':', '(', ','])
const AFTER = new Set([' ', '\t', '\n', '"', "'", '/', ';', ')', '&', '|', ','])

/**
 * Whether `needle` stands in `text` as a word of its own: followed by a separator, and preceded by
 * one or by what `alsoAfter` accepts at that position.
 */
function standsAlone(text: string, needle: string, alsoAfter: (i: number) => boolean = () => false): boolean {
  for (let i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
    const before = i === 0 ? ' ' : (text[i - 1] as string)
    const after = i + needle.length >= text.length ? ' ' : (text[i + needle.length] as string)
    if ((BEFORE.has(before) || alsoAfter(i)) && AFTER.has(after)) return true
  }
  return false
}

/** Whether `text` writes the absolute path `path` as a word of its own (not as the tail of `a/b/path`). */
const writesAbsolute = (text: string, path: string): boolean => standsAlone(text, path)

function shown(word: PathWord): string {
  return word.raw === word.value ? word.raw : `${word.raw} (${word.value})`
}

/** The first name under the working directory each relative COPY puts there (`COPY a.txt .` → a.txt, `COPY x ./src` → src). */
function landings(copies: readonly Instruction[]): Set<string> {
  const names = new Set<string>()
  for (const ins of copies) {
    const dest = resolvePath('/', ins.copy?.destination ?? '.')
    const first = dest.split('/')[1]
    if (first !== undefined && first !== '') {
      names.add(first)
      continue
    }
    for (const source of ins.copy?.sources ?? []) {
      const name = resolvePath('/', source).split('/').pop()
      if (name !== undefined && name !== '' && !name.includes('*')) names.add(name)
    }
  }
  return names
}

/**
 * In a build stage only what leaves it matters. The COPY/mount (line and path) that takes from this
 * stage (or one built FROM it) something whose place depends on the working directory being `/`:
 * where a relative COPY landed, or a top-level file or folder the stage never names absolutely
 * (`RUN make out` then `COPY --from=build /out ...`). Null when everything taken out has a chosen path.
 */
function cwdDependentUse(model: DockerfileModel, graph: StageGraph, stage: Stage, copies: readonly Instruction[]): { line: number; path: string } | null {
  // The stage and the stages built FROM it (a base stage always comes before its children).
  const heirs = new Set<number>([stage.index])
  for (const s of model.stages) if (s.base.kind === 'stage' && s.base.stage !== null && heirs.has(s.base.stage)) heirs.add(s.index)
  const landed = landings(copies)
  for (const e of graph.edges) {
    if (e.via === 'from' || !heirs.has(e.to)) continue
    for (const p of e.paths) {
      if (p === '' || p.includes('$')) continue
      const resolved = resolvePath(finalWorkdir(model, e.to), p)
      const parts = resolved.split('/').filter((x) => x !== '')
      const top = parts[0]
      if (top === undefined) continue
      if (landed.has(top)) return { line: e.line, path: resolved }
      if (parts.length === 1 && !ROOT_FOLDERS.has(top) && !writesAbsolute(stageChain(model, e.to).flatMap((s) => s.instructions.map((i) => i.raw)).join('\n'), resolved)) return { line: e.line, path: resolved }
    }
  }
  return null
}

/** Whether `text` names `name` relatively: `./name`, or `name` as a word of its own (not `/x/name`). */
const namesRelatively = (text: string, name: string): boolean =>
  standsAlone(text, name, (i) => text[i - 1] === '/' && text[i - 2] === '.' && (i < 3 || BEFORE.has(text[i - 3] as string)))

/**
 * A copy the very next RUN uses where it landed (`COPY install.sh install.sh` then `RUN bash
 * ./install.sh`, `COPY x.deb ./x.deb` then `apt install ./x.deb && rm x.deb`): copied and used in
 * the same working directory, whatever it is.
 */
function usedInPlace(stage: Stage, ins: Instruction): boolean {
  const next = stage.instructions[stage.instructions.indexOf(ins) + 1]
  if (next?.keyword !== 'RUN') return false
  const names = [...landings([ins])]
  return names.length > 0 && names.every((name) => namesRelatively(next.raw, name))
}

const listed = (copies: readonly Instruction[]): string =>
  copies.length === 1 ? `the relative path ${shown(copies[0]?.copy?.destinationWord as PathWord)}` : `relative paths (${copies.map((c) => `${shown(c.copy?.destinationWord as PathWord)} on line ${c.line}`).join(', ')})`

const keywords = (copies: readonly Instruction[]): string => [...new Set(copies.map((c) => c.keyword))].join('/')

export const copyRelativeWithoutWorkdir: Rule = {
  meta: {
    id: 'copy-relative-without-workdir',
    title: 'COPY to a relative destination before any WORKDIR',
    severity: 'warning',
    category: 'correctness',
    scope: 'all',
    equivalents: { hadolint: 'DL3045', buildkit: null }
  },
  check: ({ model, graph }) =>
    model.stages.flatMap((stage) => {
      const chain = stageChain(model, stage.index)
      const root = chain[0]
      // scratch has no image config: its working directory is /, in this stage and in those built FROM it.
      if (root === undefined || root.base.kind === 'scratch') return []
      // A WORKDIR in a stage this one is built FROM counts (hadolint does the same).
      if (chain.slice(0, -1).some((s) => s.instructions.some((i) => i.keyword === 'WORKDIR'))) return []
      const windows = isWindowsStage(model, stage.index)
      const copies: Instruction[] = []
      for (const ins of stage.instructions) {
        if (ins.keyword === 'WORKDIR') break
        if ((ins.keyword === 'COPY' || ins.keyword === 'ADD') && ins.copy !== undefined && pathKind(ins.copy.destinationWord, windows) === 'relative') copies.push(ins)
      }
      if (copies.length === 0) return []
      const base = root.base.image !== null && root.base.unresolved.length === 0 ? `${root.base.resolved}'s` : "the base image's"
      // One cause per stage: the same message on each copy, which the engine groups into one finding.
      if (graph.roles[stage.index] === 'build') {
        const use = cwdDependentUse(model, graph, stage, copies)
        if (use === null) return []
        const message = `${keywords(copies)} to ${listed(copies)} before any WORKDIR lands in ${base} working directory, which this file does not set, and line ${use.line} takes ${use.path} out of this stage as if that directory were /: set WORKDIR first or use absolute paths`
        return copies.map((ins) => ({ line: ins.line, message, stage: stage.index }))
      }
      const reported = copies.filter((ins) => !usedInPlace(stage, ins))
      if (reported.length === 0) return []
      const message = `${keywords(reported)} to ${listed(reported)} before any WORKDIR lands in ${base} working directory, which this file does not set (/ unless the image sets another): set WORKDIR first or use ${reported.length === 1 ? 'an absolute path' : 'absolute paths'}`
      return reported.map((ins) => ({ line: ins.line, message, stage: stage.index }))
    })
}
