/**
 * The classic multi-stage mistake: the shipped image runs `/app/server`, but only the build
 * stage made it and no COPY --from brings it over. Also a RUN that runs such a file, and a
 * COPY that reads a build output from the context instead of from its stage. Fires only on
 * strong evidence: another stage makes exactly that path (or a folder of unknown contents that
 * holds it), nothing in this stage's chain could, and its base image cannot have it.
 */
import type { DockerfileModel, Instruction, Stage } from '../model/dockerfile.js'
import { stageLabel } from '../graph/image.js'
import { effectiveInstruction } from './helpers.js'
import { baseLacks, isPlainPath, parentOf, stageFiles, type StageFiles, type StageOutput } from './stage-files.js'
import { joinPath } from '../parse/paths.js'
import type { Rule, RuleReport } from './types.js'

/** Programs whose first operand is the file they run (`node /app/server.js`, `java -jar app.jar`). */
const INTERPRETERS: ReadonlySet<string> = new Set(['sh', 'bash', 'ash', 'dash', 'zsh', 'node', 'python', 'ruby', 'perl', 'php', 'dotnet', 'java', 'bun', 'deno'])

/** Uses looked at per file: enough for any real Dockerfile, and a bound for generated ones. */
const MAX_CHECKS = 200

/** The absolute path a command line runs: its program, or an interpreter's script. Null: a PATH lookup or unknowable. */
export function executedPath(words: readonly string[], workdir: string): string | null {
  let i = 0
  while (words[i] === 'exec' || words[i] === 'env' || /^[A-Za-z_][A-Za-z0-9_]*=/.test(words[i] ?? '')) i++
  const program = words[i]
  if (program === undefined) return null
  if (program.includes('/')) return isPlainPath(program) ? joinPath(workdir, program) : null
  if (!INTERPRETERS.has(program.replace(/[0-9.]+$/, ''))) return null
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

/** The words of CMD/ENTRYPOINT as the container runs them (shell form: the words of the shell text). */
function commandWords(ins: Instruction): string[] {
  if (ins.form === 'json') return ins.json ?? []
  return ins.args.map((a) => a.replace(/^(["'])(.*)\1$/, '$2'))
}

interface Evidence {
  stage: Stage
  output: StageOutput
}

/** The stage before `before` (and outside the user's chain) that most clearly makes `path`: a build output first. */
function madeElsewhere(files: StageFiles, path: string, user: number, builtOnly: boolean): Evidence | null {
  const chain = new Set(files.chain(user).map((s) => s.index))
  // A build output beats a copy, an exact file beats a folder, a deeper folder beats a shallower one.
  const rank = (o: StageOutput): number => (o.built ? 2000 : 0) + (o.kind === 'file' ? 1000 : 0) + o.path.length
  let best: Evidence | null = null
  for (const m of files.makers(path)) {
    if (m.stage.index >= user || chain.has(m.stage.index) || (builtOnly && !m.output.built)) continue
    if (best === null || rank(m.output) >= rank(best.output)) best = m
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

function checkCommand(model: DockerfileModel, files: StageFiles, target: number): RuleReport[] {
  const entrypoint = effectiveInstruction(model, target, 'ENTRYPOINT')
  const cmd = effectiveInstruction(model, target, 'CMD')
  // With an ENTRYPOINT, CMD is its arguments, not a program.
  const ins = entrypoint !== null && commandWords(entrypoint).length > 0 ? entrypoint : cmd
  if (ins === null) return []
  const workdir = files.startFolder(target)
  const path = workdir === null ? null : executedPath(commandWords(ins), workdir)
  if (path === null) return []
  // Cheapest test first: most images have a base that may hold the file.
  if (!baseLacks(files.chain(target)[0], path) || files.mayProvide(target, path)) return []
  const evidence = madeElsewhere(files, path, target, false)
  if (evidence === null) return []
  const what = copied(evidence, path)
  return [
    {
      line: ins.line,
      endLine: ins.endLine,
      message: `${ins.keyword} runs ${path}, which this image never gets: ${made(evidence, path)} and no COPY --from brings it over, so the container fails to start; add COPY --from=${fromRef(evidence.stage)} ${what} ${what}`,
      stage: ins.stage
    }
  ]
}

/** The file a RUN runs first, resolved; null for a PATH lookup, or after a `cd` we do not follow. */
function runPath(ins: Instruction, cwd: string): string | null {
  const commands = ins.run?.commands ?? []
  const first = commands[0]
  if (first === undefined || commands.some((c) => c.program === 'cd')) return null
  return executedPath([first.name, ...first.args], cwd)
}

function checkRun(files: StageFiles, stage: Stage, ins: Instruction, path: string): RuleReport | null {
  if (!baseLacks(files.chain(stage.index)[0], path) || files.mayProvide(stage.index, path, ins)) return null
  const evidence = madeElsewhere(files, path, stage.index, false)
  if (evidence === null) return null
  const what = copied(evidence, path)
  return { line: ins.line, endLine: ins.endLine, message: `RUN runs ${path}, which this stage does not have: ${made(evidence, path)}; stages share no files, so copy it first: COPY --from=${fromRef(evidence.stage)} ${what} ${what}`, stage: stage.index }
}

function checkContextCopy(files: StageFiles, stage: Stage, ins: Instruction): RuleReport[] {
  const copy = ins.copy
  if (copy === undefined || copy.from !== null) return []
  return copy.sources.flatMap((source) => {
    if (!source.startsWith('/') || !isPlainPath(source)) return []
    const evidence = madeElsewhere(files, joinPath('/', source), stage.index, true)
    if (evidence === null) return []
    return [
      {
        line: ins.line,
        endLine: ins.endLine,
        message: `${ins.keyword} ${source} reads ${source.slice(1)} from the build context, not from stage ${stageLabel(evidence.stage)}, which builds it (line ${evidence.output.line}, ${evidence.output.via}): write COPY --from=${fromRef(evidence.stage)} ${source} ${copy.destination ?? ''}`.trimEnd(),
        stage: stage.index
      }
    ]
  })
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
    if (model.stages.length < 2) return []
    const files = stageFiles(model)
    const reports: RuleReport[] = []
    let checks = 0
    for (const stage of model.stages) {
      for (const ins of stage.instructions) {
        if (checks >= MAX_CHECKS) break
        // Most RUNs run a program from PATH: decide that before working out the folder.
        const runsFile = ins.keyword === 'RUN' && runPath(ins, '/') !== null
        const cwd = runsFile ? (files.workdirs(stage.index).get(ins) ?? null) : null
        const path = cwd === null ? null : runPath(ins, cwd)
        if (path !== null) {
          checks++
          const r = checkRun(files, stage, ins, path)
          if (r !== null) reports.push(r)
        } else if ((ins.keyword === 'COPY' || ins.keyword === 'ADD') && ins.copy?.from === null && ins.copy.sources.some((src) => src.startsWith('/'))) {
          checks++
          reports.push(...checkContextCopy(files, stage, ins))
        }
      }
    }
    if (graph.target !== null) reports.push(...checkCommand(model, files, graph.target))
    return reports
  }
}
