/**
 * In exec form (`CMD ["java", "-Dport=${PORT}"]`) nothing expands `$PORT`: Docker does not, and
 * no shell runs. The program gets the text `${PORT}` as written. A shell in the array
 * (`["sh", "-c", "…"]`, also behind tini or gosu) expands its script, so that is left alone.
 */
import { referencedNames } from '../parse/variables.js'
import { stageChain } from './helpers.js'
import type { DockerfileModel, Instruction } from '../model/dockerfile.js'
import type { Rule, RuleReport } from './types.js'

const SHELLS = /^(?:.*[/\\])?(?:sh|bash|ash|dash|zsh|ksh|mksh|busybox|pwsh|powershell|cmd)(?:\.exe)?$/i
/** `-c`, `-ec`, `-lc`, PowerShell's `-Command`, cmd's `/C`. */
const RUNS_SCRIPT = /^(?:-[a-zA-Z]*c[a-zA-Z]*|-command|\/c)$/i

/** The array runs a shell on a script of its own, and the shell expands the script's variables. */
function runsShellScript(words: readonly string[]): boolean {
  const shell = words.findIndex((w) => SHELLS.test(w))
  return shell >= 0 && words.slice(shell + 1).some((w) => RUNS_SCRIPT.test(w))
}

/** ENTRYPOINT ["sh", "-c"]: the CMD array's first element is the shell's script. */
function entrypointTakesScript(entrypoint: Instruction | null): boolean {
  const words = entrypoint?.form === 'json' ? (entrypoint.json ?? []) : []
  return words.length > 1 && SHELLS.test(words[0] as string) && RUNS_SCRIPT.test(words[words.length - 1] as string)
}

/** The exec-form words of CMD, ENTRYPOINT, HEALTHCHECK CMD or RUN; null in shell form. */
function execWords(ins: Instruction): string[] | null {
  if (ins.form !== 'json' || ins.json === null) return null
  return ins.json
}

/** `scratch` and distroless (but their :debug tags) have no /bin/sh to expand anything. */
function hasNoShell(model: DockerfileModel, index: number): boolean {
  const root = stageChain(model, index)[0]
  if (root === undefined) return false
  return root.base.kind === 'scratch' || (/^gcr\.io\/distroless\//.test(root.base.image ?? '') && !/debug/.test(root.base.tag ?? ''))
}

function suggestion(ins: Instruction, words: readonly string[], noShell: boolean): string {
  const line = words.join(' ')
  if (ins.keyword === 'RUN') return `write it in shell form: RUN ${line}`
  if (noShell) return 'this image has no shell to expand it: have the program read the environment variable itself, or pass the value as an argument to docker run'
  const keyword = ins.keyword === 'HEALTHCHECK' ? 'HEALTHCHECK CMD' : ins.keyword
  return `let a shell expand it and exec the program, so it still gets signals: ${keyword} ${JSON.stringify(['sh', '-c', `exec ${line}`])}, or use an entrypoint script`
}

export const execFormVariable: Rule = {
  meta: {
    id: 'exec-form-variable',
    title: 'A variable in exec form is never expanded',
    severity: 'warning',
    category: 'correctness',
    scope: 'all',
    equivalents: { hadolint: null, buildkit: null }
  },
  check: ({ model, graph }) => {
    // CMD, ENTRYPOINT and HEALTHCHECK only matter in the shipped image (elsewhere they are dead).
    const shipped = new Set(graph.target === null ? [] : stageChain(model, graph.target).map((s) => s.index))
    const reports: RuleReport[] = []
    // The ENTRYPOINT in effect at the end of each stage, inherited through FROM <stage> (bases come first).
    const lastEntrypoint: Array<Instruction | null> = []
    for (const stage of model.stages) {
      const base = stage.base.kind === 'stage' && stage.base.stage !== null && stage.base.stage < stage.index ? stage.base.stage : null
      let entrypoint: Instruction | null = base === null ? null : (lastEntrypoint[base] ?? null)
      for (const ins of stage.instructions) {
        if (ins.keyword === 'ENTRYPOINT') entrypoint = ins
        const command = ins.keyword === 'CMD' || ins.keyword === 'ENTRYPOINT' || ins.keyword === 'HEALTHCHECK'
        if (!command && ins.keyword !== 'RUN') continue
        if (command && !shipped.has(stage.index)) continue
        const words = execWords(ins)
        if (words === null || runsShellScript(words)) continue
        if (ins.keyword === 'CMD' && entrypointTakesScript(entrypoint)) continue
        const names = words.flatMap((w) => referencedNames(w))
        if (names.length === 0) continue
        const list = [...new Set(names)].map((n) => `$${n}`).join(', ')
        reports.push({
          line: ins.line,
          endLine: ins.endLine,
          message: `${ins.keyword} in exec form does not expand ${list}: the program gets the text as written; ${suggestion(ins, words, hasNoShell(model, stage.index))}`,
          stage: stage.index
        })
      }
      lastEntrypoint[stage.index] = entrypoint
    }
    return reports
  }
}
