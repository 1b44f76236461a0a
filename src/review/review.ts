/**
 * The one review pipeline, shared by the action and the CLI: which files (the caller's sources),
 * configuration and ignores, each file's build context, its analysis, its version before the
 * change, the registry look-ups, and which findings the change owns. Everything after this is
 * rendering (src/report) and publishing (src/github, src/cli).
 */
import { readBuildDefinitions } from '../builds/index.js'
import type { BuildDefinition, BuildsResult, RepoFiles } from '../builds/types.js'
import { ConfigError, configuredPurpose, honouredSuppressions, ignoredBy, ignoresFor, loadConfig, type Config } from '../config/config.js'
import type { BuildContext, FileAnalysis, UnreadFile } from '../model/analysis.js'
import type { Finding } from '../model/finding.js'
import type { ImageLookup } from '../model/image.js'
import { RegistryClient } from '../registry/client.js'
import type { RegistryCredentials } from '../model/image.js'
import { RULES } from '../rules/registry.js'
import type { ReadResult } from '../sources/git.js'
import type { BuiltImageResult } from '../enrich/built-image.js'
import { analysedVersions, type PreviousVersion } from '../enrich/delta.js'
import { analyzeDockerfile, dayFromEnvironment, parseForAnalysis, type AnalysisOptions } from './analyze.js'
import { checkScripts, findShellcheck, probeShellcheck, runScripts, type RunScript, type Shellcheck } from '../shellcheck/run.js'
import type { ShellcheckComment } from '../model/shellcheck.js'
import { analysisOptions, withBudgets, type Overrides } from './options.js'
import type { SizeBudget } from '../config/config.js'
import { conclusion, conclusionOf, fails, selectFindings, type AnnotateMode, type ChangedLines, type FailOn } from './policy.js'
import { askRegistries, lookupModelBases } from './registry-lookups.js'
import { shippedBaseSize } from '../enrich/base-facts.js'
import { withBuiltImageBudget } from '../enrich/budgets.js'
import { isSuppressed, readSuppressions } from '../rules/suppressions.js'
import { buildsOf, repoPath } from './builds.js'

export { ConfigError }

/** A Dockerfile to review, however the caller found it (a PR's file list, a push, a folder, arguments). */
export interface Source {
  path: string
  /** Lines the change touched: 'all' for a new file, undefined when the file did not change. */
  changed: ChangedLines | undefined
  /** GitHub's file status (added, modified, renamed...), when known. */
  status?: string
  read(): ReadResult | Promise<ReadResult>
  /** The version before the change; absent when there is no "before" (then no delta is shown). */
  readPrevious?: () => ReadResult | Promise<ReadResult>
}

export interface ReviewOptions {
  /** Where the configuration is looked for. */
  root: string
  /** An explicit configuration file (relative to root), or null to look for the usual names. */
  configFile: string | null
  /** An explicit hadolint configuration (relative to root); null or absent: `.hadolint.yaml`/`.hadolint.yml` when present. */
  hadolintConfigFile?: string | null
  overrides: Overrides
  annotate: AnnotateMode
  /** null: the configuration's fail-on (or hadolint's failure-threshold), else error. */
  failOn: FailOn | null
  registry: {
    sizes: boolean
    images: readonly string[]
    credentials?: Readonly<Record<string, RegistryCredentials>>
    timeoutMs?: number
    /** Internal hosts, addresses and ranges the look-ups may ask (`registry-allow`), over the configuration's. */
    allow?: readonly string[]
  }
  /** ShellCheck: true (when on PATH), false (never) or the program's path; absent: the configuration's. */
  shellcheck?: boolean | string
  /** The day dated tables (end of life) are judged by, `YYYY-MM-DD`; default today. */
  today?: string
  /** Size budgets from the caller (the action's inputs), over the configuration's. */
  budgets?: { size?: readonly SizeBudget[]; delta?: readonly SizeBudget[] }
  /** Dockerfiles the change deletes (listed in the summary). */
  removed?: readonly string[]
  /** What the caller has to say already. */
  notes?: readonly string[]
  /**
   * What the caller could not list, so Dockerfiles may be missing from `sources` (a file list
   * GitHub cut at 3,000 files, a listing that failed): said in every summary, and it fails the
   * review as an unreadable file does.
   */
  incomplete?: readonly string[]
  /**
   * false: each file is handed to `onFile` and then let go, so a run over 100,000 files stays
   * small (a report that needs every file at the end, or the registry, keeps them).
   */
  retain?: boolean
}

export interface ReviewDeps {
  /** The .dockerignore of a Dockerfile's build context (the build's context folder, when known). */
  buildContext(path: string, context: string | null): BuildContext
  /** The repository's files, for its build definitions (workflows, bake, compose, dev containers); null: none. */
  repository?: RepoFiles | null
  /** A registry client to use instead of a new one (tests). */
  registry?: RegistryClient
  /** Called with each file as soon as it is reviewed; a promise returned holds the review until it settles (backpressure). */
  onFile?: (file: FileReview) => void | Promise<void>
}

export interface FileReview {
  path: string
  analysis: FileAnalysis
  /** The version before the change, when there is a "before". */
  previous?: PreviousVersion
  /** The findings this change owns (all of them outside a pull request or push). */
  owned: Finding[]
  /** The build definitions that build this file. */
  builds: BuildDefinition[]
  /** The head version's text (inline suggestions rewrite its lines). */
  text: string
  /** Lines the change touched, as the source said ('all' for a new file). */
  changed: ChangedLines | undefined
}

export interface RegistryStats {
  images: number
  failed: { image: string; reason: string }[]
  requests: number
  ms: number
}

export interface Review {
  config: Config
  /** What the repository's build definitions say it builds; null when there was no repository to read. */
  builds: BuildsResult | null
  files: FileReview[]
  /** Files reviewed, also when they were not retained. */
  reviewed: number
  /** Sources that could not be read, with the reason. */
  unread: UnreadFile[]
  /** Why Dockerfiles may be missing from the review (see ReviewOptions.incomplete). */
  incomplete: string[]
  removed: string[]
  /** Said once in every summary, in order; the publishers may add their own. */
  notes: string[]
  sizes?: ReadonlyMap<string, ImageLookup>
  builtImages?: ReadonlyMap<string, BuiltImageResult>
  registry?: RegistryStats
  /** Every owned finding with its file, in file order (none when `retain` is false). */
  owned: { path: string; finding: Finding }[]
  /** The fail-on in effect: the caller's, else the configuration's, else error. */
  failOn: FailOn
  fails: boolean
  conclusion: 'success' | 'neutral' | 'failure'
}

/** `wine/Dockerfile` → wine, `docker/api.Dockerfile` → api, `Dockerfile.worker` → worker: the images a repository of images builds. */
export function imageNamesOf(paths: readonly string[]): ReadonlySet<string> {
  const names = new Set<string>()
  for (const path of paths) {
    const parts = path.split('/')
    const file = (parts.pop() ?? '').toLowerCase()
    const own = /^(?:dockerfile|containerfile)$/.test(file) ? null : /^(.+)\.(?:dockerfile|containerfile)$/.exec(file)?.[1] ?? /^(?:dockerfile|containerfile)\.(.+)$/.exec(file)?.[1]
    if (own === undefined) continue
    if (own !== null) names.add(own)
    const folder = parts.pop()
    if (folder !== undefined && folder !== '') names.add(folder.toLowerCase())
  }
  return names
}

/** Files per ShellCheck process: enough to start it rarely, few enough to keep a large run's memory flat. */
const BATCH = 64
/** The longest script given to ShellCheck, in characters (real RUNs stay under a few KB). */
const MAX_SCRIPT = 32 * 1024

/**
 * ShellCheck for this review: the program, a note saying why it was skipped, or null when it is
 * turned off (`shellcheck: false`, or the shellcheck rule set to off).
 */
async function shellcheckFor(config: Config, options: ReviewOptions): Promise<Shellcheck | { skipped: string } | null> {
  const setting = options.shellcheck ?? config.shellcheck
  if (setting === false || (options.overrides.levels?.shellcheck ?? config.rules.shellcheck) === 'off') return null
  const path = findShellcheck(typeof setting === 'string' ? setting : null)
  if (path === null) {
    return {
      skipped:
        typeof setting === 'string'
          ? `ShellCheck was not found at ${setting}, so the RUN scripts were not checked with it.`
          : 'ShellCheck is not installed (no shellcheck on PATH), so the RUN scripts were not checked with it; install it (apt-get install shellcheck) or set shellcheck: false.'
    }
  }
  const probed = await probeShellcheck(path)
  return 'error' in probed ? { skipped: `ShellCheck could not be used (${probed.error}), so the RUN scripts were not checked with it.` } : probed
}

function purposeRules(config: Config, inRepository: string): { configuredPurpose: NonNullable<ReturnType<typeof configuredPurpose>> } | null {
  const purpose = configuredPurpose(config, inRepository)
  return purpose === null ? null : { configuredPurpose: purpose }
}

function newClient(registry: ReviewOptions['registry'], config: Config): RegistryClient {
  return new RegistryClient({
    ...(registry.credentials === undefined ? {} : { credentials: registry.credentials }),
    ...(registry.timeoutMs === undefined ? {} : { timeoutMs: registry.timeoutMs }),
    allow: [...config.registryAllow, ...(registry.allow ?? [])]
  })
}

export async function review(sources: readonly Source[], options: ReviewOptions, deps: ReviewDeps): Promise<Review> {
  const { config } = loadConfig(options.root, options.configFile, RULES, options.hadolintConfigFile ?? null)
  const ignored = ignoredBy(config)
  // The day dated tables are judged by, once for the run (process.env is slow to read, and a run spanning midnight keeps one day).
  const today = options.today ?? dayFromEnvironment() ?? new Date().toISOString().slice(0, 10)
  const fileOptions = { ...analysisOptions(config, options.overrides), honoured: honouredSuppressions(config), ...(config.unsuppressible.length === 0 ? {} : { unsuppressible: new Set(config.unsuppressible) }), today }
  const failOn = options.failOn ?? config.failOn ?? 'error'
  const builds = deps.repository === undefined || deps.repository === null ? null : readBuildDefinitions(deps.repository)
  const repositoryImages = deps.repository === undefined || deps.repository === null ? undefined : imageNamesOf(deps.repository.list())
  const notes = [...(options.notes ?? [])]
  if (!config.allowSuppressions) notes.push('Suppression comments (# stagecraft-ignore, # hadolint ignore=, # check=skip=) are not honoured here: the configuration sets allow-suppressions: false.')
  else if (config.unsuppressible.length > 0) notes.push(`Suppression comments do not silence ${config.unsuppressible.join(', ')} here: the configuration sets suppressible: false.`)
  const files: FileReview[] = []
  const unread: Review['unread'] = []
  const owned: Review['owned'] = []
  const changedOf = new Map<string, ChangedLines | undefined>()
  let reviewed = 0
  let failing = false
  let anyOwned = false
  const shellcheck = await shellcheckFor(config, options)
  let shellcheckScripts = 0
  let shellcheckError: string | null = null
  let shellcheckTooLong = 0
  const pending = sources.filter((source) => !ignored(source.path))
  const { registry } = options
  // One client for the run: base images are looked up before the rules run (they read the
  // images' configs), and the size look-ups after them hit its cache.
  const client = registry.sizes || registry.images.length > 0 ? (deps.registry ?? newClient(registry, config)) : null
  // Files go through in batches, so ShellCheck starts once per batch, not once per file or per RUN.
  // Without ShellCheck one file at a time: its text and model die young, before the collector
  // would move them to the old generation (64 files held across collections grew the heap by MBs).
  const batchSize = shellcheck !== null && 'path' in shellcheck ? BATCH : 1
  for (let start = 0; start < pending.length; start += batchSize) {
    const batch: { source: Source; text: string; before: ReadResult | null; options: AnalysisOptions }[] = []
    for (const source of pending.slice(start, start + batchSize)) {
      const content = await source.read()
      if (!content.ok) {
        unread.push({ path: source.path, reason: content.reason })
        continue
      }
      const built = builds === null ? null : buildsOf(builds, source.path)
      // An explicit target (--target, the target input) beats the build definitions; they beat the configuration's.
      const inRepository = repoPath(source.path)
      const budgeted = withBudgets(fileOptions.options, config, options.budgets, inRepository)
      const fromBuilds = options.overrides.target === null && built !== null && (built.targets.length > 0 || built.anyTarget)
      const analysisOptions: AnalysisOptions & { builds: BuildDefinition[] } = {
        ...fileOptions,
        buildArgs: { ...config.buildArgs, ...(built?.args ?? {}), ...options.overrides.buildArgs },
        ...(fromBuilds ? { targets: built.targets, anyTarget: built.anyTarget } : {}),
        ...(purposeRules(config, inRepository) ?? {}),
        ...(repositoryImages === undefined ? {} : { repositoryImages }),
        ignores: ignoresFor(config, inRepository),
        ...(budgeted === undefined ? {} : { options: budgeted }),
        buildContext: deps.buildContext(source.path, built?.context ?? null),
        ...(built === null || built.retired === null ? {} : { retired: true }),
        builds: built?.builds ?? []
      }
      const before = source.readPrevious === undefined ? null : source.status === 'added' ? ({ ok: false, reason: 'added', missing: true } as const) : await source.readPrevious()
      if (built !== null && built.retired !== null) notes.push(`${source.path}: ${built.retired}, so it is reviewed as a retired image: only what breaks its build stays above info.`)
      batch.push({ source, text: content.text, before, options: analysisOptions })
    }
    // The head and base versions parse once; ShellCheck reads the RUN scripts of all of them in one process.
    const parsed = batch.map((entry) => ({ head: parseForAnalysis(entry.text, entry.options), base: entry.before?.ok === true ? parseForAnalysis(entry.before.text, entry.options) : null }))
    const known = client === null || !registry.sizes ? null : await Promise.all(parsed.map(async (p) => ({ head: p.head.ok ? await lookupModelBases(p.head.model, client) : undefined, base: p.base?.ok === true ? await lookupModelBases(p.base.model, client) : undefined })))
    let checked: { head: ShellcheckComment[]; base: ShellcheckComment[] }[] | null = null
    if (shellcheck !== null && 'path' in shellcheck) {
      const all = parsed.flatMap((p) => [p.head, p.base].map((m) => (m === null || !m.ok ? [] : runScripts(m.model, shellcheck))))
      // ShellCheck's time grows much faster than a script's length: a generated RUN of 400 KB takes minutes.
      const scripts = all.map((list) => list.filter((s) => s.text.length <= MAX_SCRIPT))
      shellcheckScripts += all.reduce((n, s) => n + s.length, 0)
      shellcheckTooLong += all.reduce((n, s, i) => n + s.length - (scripts[i] as RunScript[]).length, 0)
      const result = await checkScripts(shellcheck, scripts)
      shellcheckError ??= result.error
      checked = parsed.map((_, i) => ({ head: result.comments[2 * i] ?? [], base: result.comments[2 * i + 1] ?? [] }))
    } else if (shellcheck !== null) {
      shellcheckScripts += parsed.reduce((n, p) => n + (p.head.ok ? runScripts(p.head.model, { busybox: false }).length : 0), 0)
    }
    for (const [i, entry] of batch.entries()) {
      const { source } = entry
      const { builds: fileBuilds, ...analysisOptions } = entry.options as AnalysisOptions & { builds: BuildDefinition[] }
      const parts = parsed[i] as (typeof parsed)[number]
      const comments = checked?.[i]
      const lookups = known?.[i]
      const before = entry.before
      // The version before goes first: the head's growth budget compares with its shipped size.
      let previous: PreviousVersion | undefined
      if (before !== null) {
        if (before.ok) previous = analyzeDockerfile(source.path, before.text, { ...analysisOptions, ...(comments === undefined ? {} : { shellcheck: comments.base }), ...(lookups?.base === undefined ? {} : { registry: lookups.base }) }, parts.base ?? undefined)
        else if (before.missing === true) previous = 'new'
        else notes.push(`The base version of ${source.path} could not be read (${before.reason}); its comparison is left out.`)
      }
      const previousShippedSize = previous === undefined || previous === 'new' ? undefined : shippedBaseSize(previous, lookups?.base)
      const analysis = analyzeDockerfile(
        source.path,
        entry.text,
        { ...analysisOptions, ...(comments === undefined ? {} : { shellcheck: comments.head }), ...(lookups?.head === undefined ? {} : { registry: lookups.head }), ...(previousShippedSize === undefined ? {} : { previousShippedSize }) },
        parts.head
      )
      const file: FileReview = { path: source.path, analysis, owned: selectFindings(analysis, source.changed, options.annotate, RULES), builds: fileBuilds, text: entry.text, changed: source.changed }
      if (options.retain !== false) changedOf.set(source.path, source.changed)
      if (previous !== undefined) file.previous = previous
      // A caller whose output is full (a slow pipe) says so by a promise: wait, rather than queue every file's text.
      const written = deps.onFile?.(file)
      if (written !== undefined) await written
      reviewed++
      // The verdict as each file comes: a run that keeps no file keeps none of its findings either.
      failing ||= fails(file.owned, failOn)
      anyOwned ||= file.owned.length > 0
      if (options.retain !== false) {
        files.push(file)
        owned.push(...file.owned.map((finding) => ({ path: file.path, finding })))
      }
    }
  }
  if (shellcheck !== null && 'skipped' in shellcheck && shellcheckScripts > 0) notes.push(shellcheck.skipped)
  if (shellcheckTooLong > 0) notes.push(`${shellcheckTooLong === 1 ? 'One RUN script is' : `${shellcheckTooLong} RUN scripts are`} longer than ${MAX_SCRIPT / 1024} KB and ${shellcheckTooLong === 1 ? 'was' : 'were'} not given to ShellCheck.`)
  if (shellcheckError !== null) notes.push(`ShellCheck failed (${shellcheckError}); its checks of RUN scripts are left out.`)

  const incomplete = [...(options.incomplete ?? [])]
  const result: Review = { config, builds, files, reviewed, unread, incomplete, removed: (options.removed ?? []).filter((p) => !ignored(p)), notes, owned, failOn, fails: false, conclusion: 'success' }
  if (client !== null && files.length > 0) {
    const analyses = files.map((f) => f.analysis)
    const previous = new Map(files.filter((f) => f.previous !== undefined).map((f) => [f.path, f.previous as PreviousVersion]))
    const answers = await askRegistries(analyses, analysedVersions(previous), client, { sizes: registry.sizes, images: registry.images })
    if (answers.sizes !== undefined) result.sizes = answers.sizes
    if (answers.builtImages !== undefined) {
      result.builtImages = answers.builtImages
      // The built image's real size beats the base image's lower bound for size-budget.
      for (const file of files) {
        const built = answers.builtImages.get(file.path)
        if (built === undefined || 'reason' in built) continue
        const budget = withBudgets(fileOptions.options, config, options.budgets, repoPath(file.path))?.['size-budget']?.['max-size']
        const level = options.overrides.levels?.['size-budget'] ?? config.rules['size-budget'] ?? 'error'
        const before = file.analysis.findings
        const suppressions = readSuppressions(file.analysis.model, RULES)
        file.analysis.findings = withBuiltImageBudget(file.analysis, built, typeof budget === 'string' ? budget : null, level).filter((f) => f.rule !== 'size-budget' || !isSuppressed(suppressions, f, fileOptions.honoured))
        if (file.analysis.findings === before) continue
        file.owned = selectFindings(file.analysis, changedOf.get(file.path), options.annotate, RULES)
      }
      owned.splice(0, owned.length, ...files.flatMap((f) => f.owned.map((finding) => ({ path: f.path, finding }))))
    }
    notes.push(...answers.notes)
    const failed = [...(answers.sizes?.values() ?? [])].flatMap((l) => (l.ok ? [] : [{ image: l.image, reason: l.reason }]))
    if (answers.sizes !== undefined) result.registry = { images: answers.sizes.size, failed, requests: client.stats.requests, ms: client.stats.ms }
  }
  // Fail closed: what could not be read or listed was not reviewed, and may be what the change is about.
  const unreviewed = failOn !== 'never' && (unread.length > 0 || incomplete.length > 0)
  // A kept review judges its files' findings as they stand now (a built image's budget may have
  // changed them); a streamed one kept none and judged each file as it came.
  const ownedFindings = owned.map((o) => o.finding)
  const failed = options.retain !== false ? fails(ownedFindings, failOn) : failing
  result.fails = unreviewed || failed
  result.conclusion = unreviewed ? 'failure' : options.retain !== false ? conclusion(ownedFindings, failOn) : conclusionOf(failing, anyOwned)
  return result
}
