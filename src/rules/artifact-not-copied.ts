/**
 * The classic multi-stage mistake: the shipped image runs `/app/server`, but only the build
 * stage made it and no COPY --from brings it over. Also a RUN that runs such a file, and a
 * COPY that reads a build output from the context instead of from its stage. Fires only on
 * strong evidence: another stage makes exactly that path (or a folder of unknown contents that
 * holds it), nothing in this stage's chain could, and its base image cannot have it.
 */
import type { DockerfileModel, Instruction, Stage } from '../model/dockerfile.js'
import { stageLabel } from '../graph/image.js'
import { effectiveInstruction, stageChain } from './helpers.js'
import { baseLacks, chainMayProvide, isPlainPath, outputHas, parentOf, runOutputs, stageOutputs, stageWorkdirs, startFolder, type StageOutput } from './stage-files.js'
import { joinPath } from '../parse/paths.js'
import type { Rule, RuleReport } from './types.js'

/** Programs whose first operand is the file they run (`node /app/server.js`, `java -jar app.jar`). */
const INTERPRETERS: ReadonlySet<string> = new Set(['sh', 'bash', 'ash', 'dash', 'zsh', 'node', 'python', 'python3', 'ruby', 'perl', 'php', 'dotnet', 'java', 'bun', 'deno'])

/** The absolute path a command line runs: its program, or an interpreter's script. Null: a PATH lookup or unknowable. */
export function executedPath(words: readonly string[], workdir: string): string | null {
  let i = 0
  while (words[i] === 'exec' || words[i] === 'env' || /^[A-Za-z_][A-Za-z0-9_]*=/.test(words[i] ?? '')) i++
  const program = words[i]
  if (program === undefined) return null
  if (program.includes('/')) return isPlainPath(program) ? joinPath(workdir, program) : null
  const name = program.replace(/[0-9.]+$/, '')
  if (!INTERPRETERS.has(name) && !INTERPRETERS.has(program)) return null
  const rest = words.slice(i + 1)
  let script: string | undefined
  if (program === 'java') {
    const jar = rest.indexOf('-jar')
    script = jar < 0 ? undefined : rest[jar + 1]
  } else {
    // `sh -c "…"` and `python -m module` run no file.
    if (rest.some((w) => w === '-c' || w === '-m' || w === '-e' || w === '--eval')) return null
    script = rest.find((w) => !w.startsWith('-'))
  }
  if (script === undefined || !isPlainPath(script) || !/\.[A-Za-z0-9]+$|\//.test(script)) return null
  return joinPath(workdir, script)
}

/** The words of CMD/ENTRYPOINT as the container runs them (shell form: the first line of the shell text). */
function commandWords(ins: Instruction): string[] {
  if (ins.form === 'json') return ins.json ?? []
  return ins.args.map((a) => a.replace(/^(["'])(.*)\1$/, '$2'))
}

interface Evidence {
  stage: Stage
  output: StageOutput
}

/** The stage before `before` (and outside `chain`) that most clearly makes `path`: a build output first. */
function madeElsewhere(model: DockerfileModel, path: string, chain: ReadonlySet<number>, before: number, builtOnly: boolean): Evidence | null {
  let best: Evidence | null = null
  // A build output beats a copy, an exact file beats a folder, a deeper folder beats a shallower one.
  const rank = (o: StageOutput): number => (o.built ? 2000 : 0) + (o.kind === 'file' ? 1000 : 0) + o.path.length
  for (const stage of model.stages) {
    if (stage.index >= before || chain.has(stage.index)) continue
    for (const output of stageOutputs(model, stage.index)) {
      if ((builtOnly && !output.built) || !outputHas(output, path)) continue
      if (best === null || rank(output) >= rank(best.output)) best = { stage, output }
    }
  }
  return best
}

function fromRef(stage: Stage): string {
  return stage.name ?? String(stage.index)
}

function made(e: Evidence, path: string): string {
  const what = e.output.kind === 'file' && e.output.path === path ? 'makes it' : `makes ${e.output.path}`
  return `stage ${stageLabel(e.stage)} ${what} (line ${e.output.line}, ${e.output.via})`
}

/** What to copy: the file, or its folder when the other stage makes a whole folder (`/app/dist` for `/app/dist/index.js`). */
function copied(e: Evidence, path: string): string {
  const folder = parentOf(path)
  return e.output.kind === 'tree' && folder.length > e.output.path.length && folder.startsWith(e.output.path) ? folder : path
}

function checkCommand(model: DockerfileModel, target: number): RuleReport[] {
  const entrypoint = effectiveInstruction(model, target, 'ENTRYPOINT')
  const cmd = effectiveInstruction(model, target, 'CMD')
  // With an ENTRYPOINT, CMD is its arguments, not a program.
  const ins = entrypoint !== null && commandWords(entrypoint).length > 0 ? entrypoint : cmd
  if (ins === null) return []
  const workdir = startFolder(model, target)
  const path = workdir === null ? null : executedPath(commandWords(ins), workdir)
  if (path === null || !baseLacks(model, target, path) || chainMayProvide(model, target, path)) return []
  const chain = new Set(stageChain(model, target).map((s) => s.index))
  const evidence = madeElsewhere(model, path, chain, target, false)
  if (evidence === null) return []
  return [
    {
      line: ins.line,
      endLine: ins.endLine,
      message: `${ins.keyword} runs ${path}, which this image never gets: ${made(evidence, path)} and no COPY --from brings it over, so the container fails to start; add COPY --from=${fromRef(evidence.stage)} ${copied(evidence, path)} ${copied(evidence, path)}`,
      stage: ins.stage
    }
  ]
}

function checkRuns(model: DockerfileModel, stage: Stage): RuleReport[] {
  const reports: RuleReport[] = []
  const wd = stageWorkdirs(model, stage.index)
  const chain = new Set(stageChain(model, stage.index).map((s) => s.index))
  for (const ins of stage.instructions) {
    const cwd = wd.get(ins) ?? null
    if (ins.keyword === 'RUN' && cwd !== null) {
      const commands = ins.run?.commands ?? []
      // Relative programs after a `cd` run from a folder we do not follow here.
      const first = commands[0]
      if (first === undefined || commands.some((c) => c.program === 'cd')) continue
      const path = executedPath([first.name, ...first.args], cwd)
      if (path === null || !baseLacks(model, stage.index, path) || chainMayProvide(model, stage.index, path, ins)) continue
      if (runOutputs(ins, cwd).some((o) => o.path === path)) continue
      const evidence = madeElsewhere(model, path, chain, stage.index, false)
      if (evidence === null) continue
      reports.push({ line: ins.line, endLine: ins.endLine, message: `RUN runs ${path}, which this stage does not have: ${made(evidence, path)}; stages share no files, so copy it first: COPY --from=${fromRef(evidence.stage)} ${copied(evidence, path)} ${copied(evidence, path)}`, stage: stage.index })
    } else if ((ins.keyword === 'COPY' || ins.keyword === 'ADD') && ins.copy !== undefined && ins.copy.from === null) {
      for (const source of ins.copy.sources) {
        if (!source.startsWith('/') || !isPlainPath(source)) continue
        const path = joinPath('/', source)
        const evidence = madeElsewhere(model, path, new Set(), stage.index, true)
        if (evidence === null) continue
        reports.push({
          line: ins.line,
          endLine: ins.endLine,
          message: `${ins.keyword} ${source} reads ${source.slice(1)} from the build context, not from stage ${stageLabel(evidence.stage)}, which builds it (line ${evidence.output.line}, ${evidence.output.via}): write COPY --from=${fromRef(evidence.stage)} ${source} ${ins.copy.destination ?? ''}`.trimEnd(),
          stage: stage.index
        })
      }
    }
  }
  return reports
}

export const artifactNotCopied: Rule = {
  meta: {
    id: 'artifact-not-copied',
    title: 'A file built in another stage is used but never copied',
    severity: 'error',
    category: 'correctness',
    scope: 'all',
    equivalents: { hadolint: null, buildkit: null }
  },
  check: ({ model, graph }) => {
    const reports = model.stages.flatMap((s) => checkRuns(model, s))
    if (graph.target !== null) reports.push(...checkCommand(model, graph.target))
    return reports
  }
}
