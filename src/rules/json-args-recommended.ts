/**
 * A shell-form CMD or ENTRYPOINT runs as `/bin/sh -c "…"`. It matters only where the shell stays
 * PID 1 and so keeps SIGTERM from the program: dash (Debian, Ubuntu) never execs the command it
 * runs last, BusyBox ash (Alpine) does, and bash does for a lone simple command. Checked with
 * dash 0.5.12, BusyBox 1.35 and bash 5.2.
 */
import { rootFacts, stageChain, stageShell } from './helpers.js'
import type { BaseFacts } from '../model/image.js'
import type { DockerfileModel } from '../model/dockerfile.js'
import { programOf } from './run-helpers.js'
import type { BaseShell } from '../parse/base-shell.js'
import { parseShell, type ShList, type ShSimpleCommand } from '../parse/shell-syntax.js'
import type { Instruction, Stage } from '../model/dockerfile.js'
import type { Rule } from './types.js'

/**
 * The simple commands a script runs last (one per branch of a final if or case), or null when its
 * end is something no shell execs: a pipeline, a loop, a background job. `through` are the
 * compound commands whose last commands count: BusyBox ash execs through subshells too, while an
 * `exec` in a subshell of another shell only replaces the subshell.
 */
function tails(list: ShList, through: ReadonlySet<string>): ShSimpleCommand[] | null {
  const last = list[list.length - 1]
  if (last === undefined || last.background) return null
  const pipeline = last.pipelines[last.pipelines.length - 1]
  const command = pipeline?.commands.length === 1 && !pipeline.negated ? pipeline.commands[0] : undefined
  if (command === undefined) return null
  if (command.kind === 'simple') return [command]
  if (!through.has(command.kind)) return null
  const out: ShSimpleCommand[] = []
  for (const body of command.bodies) {
    const t = body.length === 0 ? [] : tails(body, through)
    if (t === null) return null
    out.push(...t)
  }
  return out.length === 0 ? null : out
}

/** Where BusyBox ash execs the command it runs last. */
const ASH_TAILS: ReadonlySet<string> = new Set(['group', 'subshell', 'if', 'case'])
/** Where an explicit `exec` replaces the shell itself. */
const EXEC_TAILS: ReadonlySet<string> = new Set(['group', 'if', 'case'])

const startsWithExec = (c: ShSimpleCommand): boolean => c.words[0]?.text === 'exec' && !c.words[0].quoted

/** Whether /bin/sh on this base replaces itself with the command (so the program is PID 1). */
function shellExecs(list: ShList, base: BaseShell): boolean {
  if (base === 'ash') return tails(list, ASH_TAILS) !== null
  if (base === 'bash') {
    const only = list.length === 1 && list[0]?.pipelines.length === 1 ? list[0].pipelines[0] : undefined
    const c = only?.commands.length === 1 && !only.negated ? only.commands[0] : undefined
    return c?.kind === 'simple' && c.redirects.length === 0 && c.words.length > 0
  }
  return false
}

/** What in a simple command needs a shell, or null when exec form can say the same. */
function shellFeature(c: ShSimpleCommand): string | null {
  if (c.redirects.length > 0) return 'a redirection'
  if (c.words.some((w) => w.expands)) return 'a variable'
  if (c.words.some((w) => w.globs || w.text.startsWith('~'))) return 'a glob'
  return null
}

const json = (words: readonly string[]): string => `[${words.map((w) => JSON.stringify(w)).join(', ')}]`

function why(base: BaseShell, program: string): string {
  switch (base) {
    case 'dash':
      return `/bin/sh here is dash, which stays PID 1 and does not pass SIGTERM to ${program}, so docker stop waits 10 s and then kills it`
    case 'bash':
      return `/bin/sh (bash) stays PID 1 for this command line and does not pass SIGTERM to ${program}, so docker stop waits 10 s and then kills it`
    case 'ash':
      return `the shell stays PID 1 for a pipeline, a loop or a background job and does not pass SIGTERM to ${program}, so docker stop waits 10 s and then kills it`
    default:
      return `/bin/sh stays PID 1 unless it execs the command (Debian's dash does not) and does not pass SIGTERM to ${program}, so docker stop may wait 10 s and then kill it`
  }
}

/** The finding for a shell-form CMD or ENTRYPOINT, or null when the program gets signals anyway. */
function check(ins: Instruction, stage: Stage, base: BaseShell): string | null {
  const list = parseShell(ins.args.join(' '))
  const ends = tails(list, EXEC_TAILS)
  if (ends !== null && ends.every(startsWithExec)) return null
  if (base !== 'none' && shellExecs(list, base)) return null
  const kw = ins.keyword
  const single = list.length === 1 && list[0]?.pipelines.length === 1 && list[0].pipelines[0]?.commands.length === 1 ? list[0].pipelines[0].commands[0] : undefined
  const plain = single?.kind === 'simple' && single.words.length > 0 && shellFeature(single) === null ? single : null
  if (base === 'none') {
    const image = stage.base.kind === 'scratch' ? 'scratch' : 'this base image'
    return plain === null
      ? `${kw} in shell form runs /bin/sh -c, and there is no /bin/sh in ${image}: the container cannot start; write it in exec form without shell features, or run it from a script in an image that has a shell`
      : `${kw} in shell form runs /bin/sh -c, and there is no /bin/sh in ${image}: the container cannot start; write ${kw} ${json(plain.words.map((w) => w.text))}`
  }
  // The program that should get the signals: the one run last, or the head of a final pipeline.
  const lastPipeline = list[list.length - 1]?.pipelines.at(-1)
  const head = lastPipeline?.commands[0]
  const named = ends?.map(programOf).find((p) => p !== '') ?? (head?.kind === 'simple' ? programOf(head) : '')
  const program = named === '' ? 'the program' : named
  const reason = `${kw} in shell form runs under /bin/sh -c; ${why(base, program)}`
  if (plain !== null) {
    const exec = json(plain.words.map((w) => w.text))
    // `VAR=value cmd`: the variable goes to ENV.
    return plain.assignments.length > 0 ? `${reason}: write ENV ${plain.assignments.map((a) => a.raw).join(' ')} and ${kw} ${exec}` : `${reason}: write ${kw} ${exec}`
  }
  if (ends !== null) {
    const feature = single?.kind === 'simple' ? shellFeature(single) : null
    const needs = feature !== null ? `for ${feature}` : 'for this command line'
    return `${reason}: shell form is needed ${needs}, so put exec before ${ends.length > 1 ? 'the command of each branch' : program} (… exec ${program} …) to let it replace the shell`
  }
  return `${reason}: a pipeline, loop or background job cannot replace the shell; run it from a script that ends with exec, or run the container with --init so an init process forwards signals`
}

/**
 * A shell-form CMD under an ENTRYPOINT the base image's config sets (and the Dockerfile does not
 * replace) is not run by itself: it becomes `/bin/sh -c "…"` arguments of that entrypoint.
 */
function inheritedEntrypoint(model: DockerfileModel, stage: Stage, ins: Instruction, facts: BaseFacts | null): string {
  if (ins.keyword !== 'CMD' || facts?.entrypoint === null || facts?.entrypoint === undefined || facts.entrypoint.length === 0) return ''
  if (stageChain(model, stage.index).some((s) => s.instructions.some((i) => i.keyword === 'ENTRYPOINT'))) return ''
  return ` (the base image's ENTRYPOINT ${json(facts.entrypoint)}, from its config, receives it as /bin/sh -c arguments)`
}

export const jsonArgsRecommended: Rule = {
  meta: {
    id: 'json-args-recommended',
    title: 'CMD or ENTRYPOINT in shell form in the shipped image',
    severity: 'warning',
    category: 'correctness',
    scope: 'ships',
    equivalents: { hadolint: 'DL3025', buildkit: 'JSONArgsRecommended' }
  },
  check: ({ model, baseFacts }) =>
    model.stages.flatMap((stage) => {
      const facts = rootFacts(model, stage.index, baseFacts)
      return stage.instructions.flatMap((ins) => {
        if ((ins.keyword !== 'CMD' && ins.keyword !== 'ENTRYPOINT') || ins.form !== 'shell' || ins.args.length === 0) return []
        // A SHELL (here or inherited) makes shell form deliberate, as for BuildKit; PowerShell and cmd are not sh.
        const shell = stageShell(model, stage.index, ins.line, facts)
        if (!shell.posix || shell.argv !== null || (facts?.shell ?? null) !== null) return []
        const message = check(ins, stage, shell.base)
        if (message === null) return []
        return [{ line: ins.line, endLine: ins.endLine, message: `${message}${inheritedEntrypoint(model, stage, ins, facts)}`, stage: stage.index }]
      })
    })
}
