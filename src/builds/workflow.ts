/**
 * GitHub workflows: steps that use build-push-action (or a fork: depot/, useblacksmith/…) or
 * bake-action, and `run:` steps with build command lines. A job's literal matrix expands into one
 * build per combination of the matrix values a step uses.
 */
import { isMap, isScalar, isSeq, LineCounter, parseDocument, Scalar, type Node, type YAMLMap } from 'yaml'
import { BakeResolver, bakeBuild, defaultBakeFiles, loadBake, exportsOf, outputPushes, type BakeOverrides } from './bake.js'
import { parseBuildCommand, type BakeCommand, type BuildCommand } from './cli-commands.js'
import { expandMatrix, matrixKeys, mayRun, substitute, type Combination, type ExpressionContext } from './expressions.js'
import { isRemoteContext, joinRepo } from './paths.js'
import { known, shellCommands, UNKNOWN_TEXT } from './shell.js'
import type { BuildDefinition, BuildNote, Maybe, RepoFiles } from './types.js'

/** Builds one step may stand for: enough for any real matrix, bounded for a generated one. */
export const MAX_BUILDS_PER_STEP = 256

export function isWorkflowFile(path: string): boolean {
  return /^\.github\/workflows\/[^/]+\.ya?ml$/.test(path)
}

interface Where {
  file: string
  line: number
}

interface Context {
  files: RepoFiles
  all: ReadonlySet<string>
  file: string
  builds: BuildDefinition[]
  notes: BuildNote[]
  /** notes once per text, so a matrix does not repeat them per combination */
  noted: Set<string>
}

function note(ctx: Context, where: Where, message: string): void {
  const key = `${where.file}:${where.line}:${message}`
  if (ctx.noted.has(key)) return
  ctx.noted.add(key)
  ctx.notes.push({ file: where.file, line: where.line, message })
}

function get(map: unknown, key: string): unknown {
  return isMap(map) ? map.get(key, true) : undefined
}

/** A member of a plain value (from the document's toJS, where anchors and merge keys are applied). */
function field(value: unknown, ...keys: string[]): unknown {
  let v = value
  for (const key of keys) {
    if (v === null || typeof v !== 'object' || Array.isArray(v) || !Object.hasOwn(v, key)) return undefined
    v = (v as Record<string, unknown>)[key]
  }
  return v
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' ? value : typeof value === 'number' || typeof value === 'boolean' ? String(value) : undefined
}

function text(node: unknown): string | undefined {
  if (!isScalar(node)) return undefined
  const v = node.value
  return typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : undefined
}

function envOf(value: unknown): Record<string, string> {
  const env: Record<string, string> = {}
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return env
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) env[k] = str(v) ?? ''
  return env
}

/** A comma/newline separated input list, as the docker actions read theirs. */
function inputList(value: string | undefined, commas = true): string[] {
  if (value === undefined) return []
  return value
    .split(commas ? /[\n,]/ : /\n/)
    .map((s) => s.trim())
    .filter((s) => s !== '')
}

function boolInput(value: string | undefined): boolean | null | undefined {
  if (value === undefined || value.trim() === '') return undefined
  const v = value.trim().toLowerCase()
  if (v === 'true') return true
  if (v === 'false') return false
  return null
}

/** `{{defaultContext}}` (the git context of the repository) and `{{defaultContext}}:sub`. */
function gitContext(context: string): string {
  const match = /^\{\{\s*defaultContext\s*\}\}(?::(.*))?$/.exec(context)
  return match === null ? context : match[1] === undefined || match[1] === '' ? '.' : match[1]
}

function describeValue(v: unknown): string {
  if (v === undefined || v === null) return "''"
  if (typeof v === 'symbol') return '?'
  if (typeof v === 'string') return v.includes('${{') ? '?' : v
  if (typeof v === 'number' || typeof v === 'boolean') return String(v)
  const json = JSON.stringify(v)
  return json.length > 40 ? `${json.slice(0, 39)}…` : json
}

function describeCombination(combination: Combination, keys: readonly string[]): string {
  return keys.length === 0 ? '' : ` (${keys.map((k) => `${k}=${describeValue(combination[k])}`).join(', ')})`
}

function pathOrNull(base: Maybe, path: string): Maybe {
  if (base === null || path.includes(UNKNOWN_TEXT)) return null
  return joinRepo(base, path)
}

/** A path inside another checkout of the job: this repository's path, or null for another repository's. */
function remap(ctx: Context, step: StepInfo, path: Maybe): Maybe {
  if (path === null) return null
  for (const c of [...step.checkouts].reverse()) {
    if (path !== c.path && !path.startsWith(`${c.path}/`)) continue
    const rest = path === c.path ? '.' : path.slice(c.path.length + 1)
    if (c.repository === 'self') return rest
    if (c.repository === null) {
      note(ctx, step.where, `${step.baseLabel} builds from ${c.path}, the checkout (line ${c.line}) of a repository named by an expression: its paths are read as this repository's`)
      return rest
    }
    note(ctx, step.where, `${step.baseLabel} builds from ${c.path}, the checkout (line ${c.line}) of ${c.repository}: not files of this repository`)
    return null
  }
  return path
}

/** Checks a context and says why it is none (remote, outside the repository). */
function contextOf(ctx: Context, where: Where, what: string, cwd: Maybe, raw: string): Maybe {
  if (raw.includes(UNKNOWN_TEXT) || cwd === null) return null
  if (raw === '-') {
    note(ctx, where, `${what} reads its context from standard input: its Dockerfile is not in the repository`)
    return null
  }
  if (isRemoteContext(raw)) {
    note(ctx, where, `${what} builds the remote context ${raw}: its Dockerfile is not in the repository`)
    return null
  }
  const context = joinRepo(cwd, raw)
  if (context === null) note(ctx, where, `${what} builds the context ${raw}, which is outside the repository`)
  return context
}

/** A checkout into a folder of the workspace (`actions/checkout` with `path:`). */
interface Checkout {
  path: string
  /** 'self' for this repository, null when an expression names it */
  repository: string | null
  line: number
}

interface StepInfo {
  job: string
  label: string
  /** the label without the matrix values, for notes that hold for every combination */
  baseLabel: string
  checkouts: readonly Checkout[]
  where: Where
  combination: Combination
  cwd: Maybe
  env: Record<string, string>
  /** files that earlier run steps of the job write (`cat > Dockerfile`), repo-relative */
  written: Map<string, number>
}

function buildPushAction(ctx: Context, step: StepInfo, withs: Record<string, string>): void {
  const where = step.where
  const what = step.baseLabel
  const rawContext = withs.context === undefined || withs.context.trim() === '' ? '.' : gitContext(withs.context.trim())
  // The action runs in the workspace root: `working-directory` is for run steps only.
  const context = contextOf(ctx, where, what, '.', rawContext)
  const file = withs.file?.trim()
  let dockerfile: Maybe
  if (file === undefined || file === '') dockerfile = context === null ? null : joinRepo(context, 'Dockerfile')
  else if (context === null && !isRemoteContext(rawContext) && rawContext.includes(UNKNOWN_TEXT)) dockerfile = pathOrNull('.', file)
  else dockerfile = file.includes(UNKNOWN_TEXT) || (context === null && isRemoteContext(rawContext)) ? null : joinRepo('.', file)
  const target = withs.target?.trim()
  const args: Record<string, Maybe> = {}
  for (const line of inputList(withs['build-args'], false)) {
    const eq = line.indexOf('=')
    const key = eq < 0 ? line : line.slice(0, eq)
    if (!key.includes(UNKNOWN_TEXT)) args[key] = eq < 0 ? null : known(line.slice(eq + 1))
  }
  const platforms = inputList(withs.platforms).filter((p) => !p.includes(UNKNOWN_TEXT))
  let push = boolInput(withs.push)
  const outputs = inputList(withs.outputs, false)
  if (outputs.some((o) => !o.includes(UNKNOWN_TEXT) && outputPushes(o))) push = true
  else if (push === undefined && outputs.some((o) => o.includes(UNKNOWN_TEXT))) push = null
  const exports = push === true ? null : exportsOf(outputs.map((o) => (o.includes(UNKNOWN_TEXT) ? null : o)))
  addBuild(ctx, step, {
    kind: 'build-push-action',
    source: where,
    name: step.label,
    dockerfile: remap(ctx, step, dockerfile),
    context: remap(ctx, step, context),
    target: target === undefined || target === '' ? null : known(target),
    targetUnknown: target !== undefined && target.includes(UNKNOWN_TEXT),
    args,
    platforms,
    push: push === undefined ? false : push,
    ...(exports === null ? {} : { exports })
  })
}

function addBuild(ctx: Context, step: StepInfo, build: BuildDefinition): void {
  if (build.dockerfile !== null) {
    const writer = step.written.get(build.dockerfile)
    if (writer !== undefined) note(ctx, build.source, `${step.baseLabel} builds ${build.dockerfile}, which a run step (line ${writer}) writes: the repository's ${build.dockerfile} is not what is built`)
  }
  ctx.builds.push(build)
}

function bakeVariables(env: Record<string, string>): Record<string, Maybe> {
  const variables: Record<string, Maybe> = {}
  for (const [k, v] of Object.entries(env)) variables[k] = known(v)
  return variables
}

/** Builds of a bake invocation (bake-action or `docker buildx bake`). */
function bake(ctx: Context, step: StepInfo, kind: 'bake-action' | 'bake', cwd: Maybe, fileList: Maybe[], targetList: Maybe[], overrides: BakeOverrides, push: boolean | null | undefined): void {
  const where = step.where
  if (cwd === null) {
    note(ctx, where, `${step.baseLabel} runs bake in a folder we cannot tell (an expression): its targets are not read`)
    return
  }
  const paths: string[] = []
  for (const f of fileList) {
    if (f === null) continue
    const path = joinRepo(cwd, f.replace(/^cwd:\/\//, ''))
    if (path === null) note(ctx, where, `${step.baseLabel} reads the bake file ${f}, which is outside the repository (written by an earlier step?)`)
    else paths.push(path)
  }
  // An expression among the files is most often docker/metadata-action's bake file (tags and labels only).
  const files = fileList.length === 0 ? defaultBakeFiles(ctx.all, cwd) : paths
  if (files.length === 0) {
    if (fileList.length === 0) note(ctx, where, `${step.baseLabel} runs bake, but ${cwd === '.' ? 'the repository root' : cwd} has no bake or compose file`)
    else if (fileList.every((f) => f === null)) note(ctx, where, `${step.baseLabel} reads bake files named by expressions: its targets are not read`)
    return
  }
  const project = loadBake(ctx.files, files, ctx.notes, where)
  const resolver = new BakeResolver(project, ctx.notes, overrides)
  const names = targetList.length === 0 ? ['default'] : targetList
  const wanted: string[] = []
  for (const name of names) {
    if (name === null) {
      note(ctx, where, `${step.baseLabel} builds bake targets named by an expression: which targets of ${files.join(', ')} is not known`)
      ctx.builds.push({ kind, source: where, name: `${step.label}: ?`, dockerfile: null, context: null, target: null, targetUnknown: true, args: {}, platforms: [], push: push ?? null })
    } else wanted.push(name)
  }
  const { targets, unknown } = resolver.expand(wanted)
  for (const name of unknown) note(ctx, where, `${step.baseLabel} builds the bake target ${name}, which ${files.join(', ')} ${files.length === 1 ? 'does' : 'do'} not define`)
  for (const name of targets) {
    const target = resolver.target(name)
    if (target === null) continue
    const b = bakeBuild(target, cwd, ctx.notes, where)
    if (b.inline) continue
    addBuild(ctx, step, {
      kind,
      source: where,
      name: `${step.label}: ${name}`,
      dockerfile: b.dockerfile,
      context: b.context,
      target: b.target,
      targetUnknown: b.targetUnknown,
      args: b.args,
      platforms: b.platforms,
      push: push === true ? true : push === false ? (b.push ?? false) : (b.push ?? (push === null ? null : false)),
      ...(b.exports === null || push === true ? {} : { exports: b.exports })
    })
  }
}

function bakeAction(ctx: Context, step: StepInfo, withs: Record<string, string>): void {
  const source = withs.source?.trim()
  const workdir = withs.workdir?.trim()
  let cwd: Maybe = '.'
  if (source !== undefined && source !== '' && source !== '.') {
    const sub = gitContext(source)
    cwd = sub === source ? (isRemoteContext(source) || source.includes(UNKNOWN_TEXT) ? null : joinRepo('.', source)) : joinRepo('.', sub)
  } else if (workdir !== undefined && workdir !== '') cwd = pathOrNull('.', workdir)
  const sets = inputList(withs.set, false).flatMap((s) => {
    const eq = s.indexOf('=')
    const left = eq < 0 ? s : s.slice(0, eq)
    const dot = left.indexOf('.')
    return dot <= 0 || left.includes(UNKNOWN_TEXT) ? [] : [{ pattern: left.slice(0, dot), key: left.slice(dot + 1), value: eq < 0 ? null : known(s.slice(eq + 1)) }]
  })
  let push = boolInput(withs.push)
  if (push === undefined && boolInput(withs.load) === true) push = false
  const files = inputList(withs.files).map(known)
  bake(ctx, step, 'bake-action', cwd, files, inputList(withs.targets).map(known), { variables: bakeVariables(step.env), sets }, push)
}

function runBuild(ctx: Context, step: StepInfo, command: BuildCommand, cwd: Maybe, where: Where): BuildDefinition | null {
  const what = step.baseLabel
  if (command.context === undefined && command.tool === 'docker') return null
  let context: Maybe
  if (command.context === undefined) context = command.file === undefined || command.file === null ? cwd : null
  else if (command.context === null) context = null
  else context = contextOf(ctx, where, what, cwd, command.context)
  let dockerfile: Maybe
  if (command.file === '-') {
    note(ctx, where, `${what} reads its Dockerfile from standard input: it is not in the repository`)
    dockerfile = null
  } else if (command.file !== undefined) {
    dockerfile = command.file === null || cwd === null ? null : joinRepo(cwd, command.file)
    if (command.context === undefined && dockerfile !== null) context = dockerfile.includes('/') ? dockerfile.slice(0, dockerfile.lastIndexOf('/')) : '.'
  } else if (context === null) dockerfile = null
  else {
    const dockerfilePath = joinRepo(context, 'Dockerfile')
    const containerfile = joinRepo(context, 'Containerfile')
    // podman and buildah look for a Containerfile first.
    dockerfile = command.tool !== 'docker' && containerfile !== null && ctx.all.has(containerfile) ? containerfile : dockerfilePath
  }
  return {
    kind: 'docker-build',
    source: where,
    name: `${step.label}: ${command.tool} build`,
    dockerfile: remap(ctx, step, dockerfile),
    context: remap(ctx, step, context),
    target: command.target ?? null,
    targetUnknown: command.target === null,
    args: command.args,
    platforms: command.platforms,
    push: command.push,
    ...(command.exports === null ? {} : { exports: command.exports })
  }
}

/** Offsets of a `run:` script → lines of the workflow file. */
function scriptLines(node: Scalar, lineAt: (offset: number) => number): (offset: number, script: string) => number {
  const start = lineAt(node.range?.[0] ?? 0)
  const literal = node.type === Scalar.BLOCK_LITERAL
  return (offset, script) => {
    if (!literal) return start
    let lines = 0
    for (let i = 0; i < offset && i < script.length; i++) if (script.charCodeAt(i) === 10) lines++
    return start + 1 + lines
  }
}

/** Files a script writes with a redirection or tee whose name looks like a Dockerfile. */
function writtenDockerfiles(script: string, cwd: Maybe): string[] {
  if (cwd === null) return []
  const out: string[] = []
  for (const m of script.matchAll(/(?:>>?|\btee\s+(?:-a\s+)?)\s*["']?([\w./-]*(?:Dockerfile|Containerfile)[\w.-]*)["']?/g)) {
    const path = joinRepo(cwd, m[1] as string)
    if (path !== null) out.push(path)
  }
  return out
}

function runStep(ctx: Context, step: StepInfo, script: string, lines: (offset: number, script: string) => number): void {
  const env = new Map<string, Maybe>()
  for (const [k, v] of Object.entries(step.env)) env.set(k, known(v))
  let cwd = step.cwd
  const commands = shellCommands(script, env)
  const built: BuildDefinition[] = []
  for (const command of commands) {
    const where = { file: ctx.file, line: lines(command.offset, script) }
    const name = command.argv[0]
    if (name === 'cd' || name === 'pushd') {
      const dir = command.argv[1]
      cwd = dir === undefined || dir === '-' ? null : dir.startsWith('/') || cwd === null ? null : pathOrNull(cwd, dir)
      continue
    }
    if ((name === 'docker' || name === 'podman' || name === 'buildah') && command.argv.includes('push')) {
      // The images built so far may be the ones pushed.
      for (const b of built) if (b.push === false) b.push = null
      continue
    }
    const parsed = parseBuildCommand(command.argv)
    if (parsed === null) continue
    if (parsed.kind === 'bake') {
      runBake(ctx, { ...step, where }, parsed, cwd)
      continue
    }
    const build = runBuild(ctx, step, parsed, cwd, where)
    if (build !== null) {
      built.push(build)
      addBuild(ctx, { ...step, where }, build)
    }
  }
}

function runBake(ctx: Context, step: StepInfo, command: BakeCommand, cwd: Maybe): void {
  bake(ctx, step, 'bake', cwd, command.files, command.targets, { variables: bakeVariables(step.env), sets: command.sets }, command.push)
}

/** Every build of one workflow file. */
export function readWorkflow(files: RepoFiles, all: ReadonlySet<string>, file: string, source: string): { builds: BuildDefinition[]; notes: BuildNote[] } {
  const ctx: Context = { files, all, file, builds: [], notes: [], noted: new Set() }
  const lineCounter = new LineCounter()
  const doc = parseDocument(source, { lineCounter, uniqueKeys: false, merge: true })
  const lineAt = (offset: number): number => lineCounter.linePos(offset).line
  const error = doc.errors[0]
  if (error !== undefined) {
    ctx.notes.push({ file, line: lineAt(error.pos[0]), message: `invalid YAML: ${error.message.split('\n')[0] ?? ''}` })
    return ctx
  }
  // Values from toJS (anchors resolved), lines and ranges from the nodes.
  let data: unknown
  try {
    data = doc.toJS({ maxAliasCount: 1000 })
  } catch (err) {
    // A bad merge key or an alias bomb: the parser accepts the text, building its value fails.
    ctx.notes.push({ file, line: 1, message: `invalid YAML: ${err instanceof Error ? err.message : String(err)}` })
    return ctx
  }
  const jobs = get(doc.contents, 'jobs')
  if (!isMap(jobs)) return ctx
  const workflow = { env: envOf(field(data, 'env')), dir: str(field(data, 'defaults', 'run', 'working-directory')), shell: str(field(data, 'defaults', 'run', 'shell')) }
  for (const pair of jobs.items) {
    const jobId = text(pair.key)
    if (jobId === undefined || !isMap(pair.value)) continue
    readJob(ctx, jobId, pair.value, field(data, 'jobs', jobId), workflow, source, lineAt)
  }
  return ctx
}

function readJob(
  ctx: Context,
  jobId: string,
  node: YAMLMap,
  job: unknown,
  workflow: { env: Record<string, string>; dir: string | undefined; shell: string | undefined },
  source: string,
  lineAt: (offset: number) => number
): void {
  const stepNodes = get(node, 'steps')
  const steps = field(job, 'steps')
  if (!isSeq(stepNodes) || !Array.isArray(steps)) return
  const jobEnv = envOf(field(job, 'env'))
  const jobDir = str(field(job, 'defaults', 'run', 'working-directory')) ?? workflow.dir
  const jobShell = str(field(job, 'defaults', 'run', 'shell')) ?? workflow.shell
  const expansion = expandMatrix(field(job, 'strategy', 'matrix'), MAX_BUILDS_PER_STEP)
  if (expansion.total > MAX_BUILDS_PER_STEP) {
    const matrixNode = get(get(node, 'strategy'), 'matrix') as Node | undefined
    note(ctx, { file: ctx.file, line: lineAt(matrixNode?.range?.[0] ?? node.range?.[0] ?? 0) }, `the matrix of job ${jobId} has ${expansion.total} combinations: only the first ${MAX_BUILDS_PER_STEP} are read`)
  }
  const jobText = [...Object.values(jobEnv), jobDir ?? ''].join('\n')
  const written = new Map<string, number>()
  const checkouts: Checkout[] = []
  /** variables earlier steps write to $GITHUB_ENV, and when they run */
  const envWrites: { names: string[]; condition: string | undefined }[] = []
  stepNodes.items.forEach((item, index) => {
    const step = steps[index] as unknown
    if (!isMap(item)) return
    const stepLine = lineAt(item.range?.[0] ?? 0)
    const uses = str(field(step, 'uses'))?.trim()
    const script = str(field(step, 'run'))
    const stepDir = str(field(step, 'working-directory')) ?? jobDir
    const withs: Record<string, string> = {}
    const withValue = field(step, 'with')
    if (withValue !== null && typeof withValue === 'object' && !Array.isArray(withValue)) {
      for (const [k, v] of Object.entries(withValue as Record<string, unknown>)) withs[k] = str(v) ?? ''
    }
    if (uses !== undefined && /^actions\/checkout(?:@|$)/.test(uses)) {
      addCheckout(checkouts, withs, { matrix: null, env: { ...workflow.env, ...jobEnv } }, stepLine)
      return
    }
    if (script !== undefined) {
      // Remembered for later steps of the job, whatever this one builds.
      const cwd = stepDir === undefined ? '.' : stepDir.includes('${{') ? null : joinRepo('.', stepDir)
      for (const path of writtenDockerfiles(script, cwd)) written.set(path, stepLine)
    }
    const writes = script === undefined ? [] : githubEnvWrites(script)
    const action = uses === undefined ? null : /(?:^|\/)build-push-action(?:@|$)/.test(uses) ? 'build-push-action' : /^[\w.-]+\/bake-action(?:@|$)/.test(uses) ? 'bake-action' : null
    if (action === null && script === undefined) return
    const stepText = source.slice(item.range?.[0] ?? 0, item.range?.[1] ?? 0)
    // A variable an earlier step may set for this combination is a matrix dependence too.
    const writerText = envWrites.map((w) => w.condition ?? '').join('\n')
    const keys = [...new Set([...matrixKeys(stepText), ...matrixKeys(jobText), ...matrixKeys(writerText)])].sort()
    const stepName = str(field(step, 'name')) ?? str(field(step, 'id')) ?? `step ${index + 1}`
    const stepEnv = envOf(field(step, 'env'))
    const condition = str(field(step, 'if'))
    const runNode = get(item, 'run')
    const lines = isScalar(runNode) ? scriptLines(runNode, lineAt) : () => stepLine
    const first = ctx.builds.length
    const combinationOf = new Map<BuildDefinition, Combination>()
    // One reading per combination of the matrix values the step uses.
    const seen = new Set<string>()
    const combinations = keys.length === 0 || expansion.combinations === null ? [null] : expansion.combinations
    for (const full of combinations) {
      const combination: Combination = {}
      if (full !== null) for (const k of keys) combination[k] = full[k]
      const id = JSON.stringify(combination, (_k, v: unknown) => (typeof v === 'symbol' ? '?' : v))
      if (seen.has(id)) continue
      seen.add(id)
      const matrix = keys.length > 0 && expansion.combinations === null ? null : combination
      // Each level of env sees the ones above it.
      const env: Record<string, string> = {}
      for (const level of [workflow.env, jobEnv]) for (const [k, v] of Object.entries(level)) env[k] = substitute(v, { matrix, env })
      // $GITHUB_ENV values come after the job's env and before the step's.
      for (const w of envWrites) if (mayRun(w.condition, { matrix, env })) for (const name of w.names) env[name] = UNKNOWN_TEXT
      for (const [k, v] of Object.entries(stepEnv)) env[k] = substitute(v, { matrix, env })
      const exprCtx: ExpressionContext = { matrix, env }
      if (!mayRun(condition, exprCtx)) continue
      const cwdText = stepDir === undefined ? '.' : substitute(stepDir, exprCtx)
      const cwd = cwdText.includes(UNKNOWN_TEXT) ? null : joinRepo('.', cwdText)
      const baseLabel = `${jobId} / ${stepName}`
      const label = substitute(baseLabel, exprCtx).split(UNKNOWN_TEXT).join('?') + (matrix === null ? '' : describeCombination(combination, keys))
      const info: StepInfo = { job: jobId, label, baseLabel, checkouts: [...checkouts], where: { file: ctx.file, line: stepLine }, combination, cwd, env, written }
      const substituted: Record<string, string> = {}
      for (const [k, v] of Object.entries(withs)) substituted[k] = substitute(v, exprCtx)
      const before = ctx.builds.length
      if (action === 'build-push-action') buildPushAction(ctx, info, substituted)
      else if (action === 'bake-action') bakeAction(ctx, info, substituted)
      else if (script !== undefined) runStep(ctx, info, continuations(substitute(script, exprCtx), str(field(step, 'shell')) ?? jobShell), lines)
      for (const b of ctx.builds.slice(before)) combinationOf.set(b, combination)
    }
    collapse(ctx, first, combinationOf, `${jobId} / ${stepName}`, keys)
    if (writes.length > 0) envWrites.push({ names: writes, condition })
  })
}

/** PowerShell continues a line with a backtick: as a `\` continuation, the lines stay where they are. */
function continuations(script: string, shell: string | undefined): string {
  return shell !== undefined && /^(?:pwsh|powershell)\b/.test(shell.trim()) ? script.replace(/`(?=\r?\n)/g, '\\') : script
}

/** Names a script appends to $GITHUB_ENV (`echo "NAME=value" >> $GITHUB_ENV`, `NAME<<EOF` blocks). */
function githubEnvWrites(script: string): string[] {
  if (!script.includes('GITHUB_ENV')) return []
  const names = new Set<string>()
  for (const line of script.split('\n')) {
    if (!line.includes('GITHUB_ENV') && !/^\s*echo\s/.test(line)) continue
    for (const m of line.matchAll(/(?:echo|printf)\s+(?:-[a-z]+\s+)?["']?([A-Za-z_][A-Za-z0-9_]*)(?:=|<<)/g)) names.add(m[1] as string)
  }
  return [...names]
}

/** Where this repository, or another, is checked out in the workspace. */
function addCheckout(checkouts: Checkout[], withs: Record<string, string>, exprCtx: ExpressionContext, line: number): void {
  const path = withs.path === undefined ? '' : substitute(withs.path, exprCtx).trim()
  if (path === '' || path.includes(UNKNOWN_TEXT)) return
  const folder = joinRepo('.', path)
  if (folder === null || folder === '.') return
  const repository = withs.repository?.trim()
  const self = repository === undefined || repository === '' || /^\$\{\{\s*github\.repository\s*\}\}$/.test(repository)
  checkouts.push({ path: folder, repository: self ? 'self' : repository.includes('${{') ? null : repository, line })
}

/**
 * Matrix combinations that build the same thing (a key used only in a name or a cache scope) are
 * one build; its name keeps the matrix values that all of them share.
 */
function collapse(ctx: Context, first: number, combinationOf: ReadonlyMap<BuildDefinition, Combination>, baseLabel: string, keys: readonly string[]): void {
  const added = ctx.builds.splice(first)
  const groups = new Map<string, BuildDefinition[]>()
  for (const b of added) {
    const key = JSON.stringify([b.kind, b.source, b.dockerfile, b.context, b.target, b.targetUnknown, b.args, b.platforms, b.push, b.name.slice(b.name.lastIndexOf(':'))])
    groups.set(key, [...(groups.get(key) ?? []), b])
  }
  for (const group of groups.values()) {
    const b = group[0] as BuildDefinition
    if (group.length > 1) {
      const combinations = group.map((g) => combinationOf.get(g) ?? {})
      const shared = keys.filter((k) => combinations.every((c) => describeValue(c[k]) === describeValue(combinations[0]?.[k])))
      const suffix = b.name.includes(': ') ? b.name.slice(b.name.lastIndexOf(': ')) : ''
      b.name = `${baseLabel}${describeCombination(combinations[0] ?? {}, shared)}${suffix}`
    }
    ctx.builds.push(b)
  }
}
