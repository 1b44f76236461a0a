/**
 * The `stagecraft` command, as a function of its arguments and a small I/O surface, so tests
 * can run it in-process. Exit codes: 0 nothing at the failing level, 1 findings at the failing
 * level, 2 usage or I/O error (one line on stderr).
 */
import { parseArgs } from 'node:util'
import { HOME, VERSION } from '../model/version.js'
import { linksAt, releaseTag, type Links } from '../report/links.js'
import { JSON_REPORT_OPEN, jsonFilePiece, jsonReportClose, toJsonFile, toJsonReport } from '../report/json.js'
import { summaryMarkdown } from '../report/markdown.js'
import { textFilePiece, textTotals } from '../report/text.js'
import { toSarif } from '../report/sarif.js'
import { toCheckstyle } from '../report/checkstyle.js'
import { toJunit } from '../report/junit.js'
import { toGitlabCodeQuality } from '../report/gitlab.js'
import { toRdjson } from '../report/rdjson.js'
import { gnuFilePiece, gnuUnread } from '../report/gnu.js'
import { unreadSentence } from '../report/findings.js'
import type { FailOn } from '../review/policy.js'
import { ConfigError, review, type FileReview, type Source } from '../review/review.js'
import type { RuleLevel } from '../rules/engine.js'
import { documentationOrder } from '../rules/docs.js'
import { loadConfig } from '../config/config.js'
import { explainConfig } from '../config/explain.js'
import { RULES } from '../rules/registry.js'
import { BuildContextReader } from '../sources/build-context.js'
import { repositoryFiles } from '../sources/repository.js'
import { formatBuilds, readBuildDefinitions } from '../builds/index.js'
import { discoverDockerfiles } from '../sources/discover.js'
import { asMissing, readAtRevision } from '../sources/git.js'
import { readWorkspaceFile } from '../sources/workspace.js'
import { allowEntryProblem } from '../parse/settings.js'

/** The CLI's links: the package's repository at the tag of its version (computed once, here). */
export const CLI_LINKS: Links = linksAt(HOME, releaseTag(VERSION))

export interface CliIo {
  cwd: string
  stdout: (text: string) => void
  stderr: (text: string) => void
  isTty: boolean
  /** The environment, for GITHUB_ACTIONS (the problem matcher); absent: none. */
  env?: Readonly<Record<string, string | undefined>>
  /** The problem matcher file shipped with the package (.github/stagecraft-matcher.json), when found. */
  matcherFile?: string | null
  /**
   * When stdout holds more than it has written (a pipe read slowly), a promise that settles once
   * it has caught up; else null. Absent: never wait. Without it a run over 100,000 files into
   * a pipe would queue its whole report in memory.
   */
  drained?: () => Promise<void> | null
}

export const FORMATS = ['text', 'json', 'markdown', 'sarif', 'checkstyle', 'gitlab', 'junit', 'rdjson', 'gnu'] as const
export type Format = (typeof FORMATS)[number]

/** The owners in .github/stagecraft-matcher.json (a test keeps them in step), removed when the run ends. */
export const MATCHER_OWNERS: readonly string[] = ['stagecraft-error', 'stagecraft-warning', 'stagecraft-info', 'stagecraft-gnu-error', 'stagecraft-gnu-warning', 'stagecraft-gnu-info']

export const USAGE = `Usage: stagecraft [paths|globs...] [options]

Reviews Dockerfiles: parses each one, builds its stage graph and reports findings.
With no path, searches the current folder for Dockerfile, Containerfile, *.Dockerfile,
*.dockerfile, Dockerfile.* and Containerfile.* (skipping node_modules and .git).

Options:
  --format FORMAT        output format (default: text): text, json, markdown (the pull
                         request comment the action writes), sarif (code scanning),
                         checkstyle, gitlab (Code Quality), junit, rdjson (reviewdog) or
                         gnu (file:line: severity: message [rule]); under GitHub Actions,
                         text and gnu register a problem matcher, so findings become
                         annotations
  --base REV             with --format markdown: compare each file with its version at
                         this git revision (e.g. origin/main), as the comment does for a PR
  --image REF            the image built from the Dockerfile (PATH=REF with several files):
                         its layers, sizes and the instruction behind each (markdown, json)
  --registry             ask the registries for the real size of each base image (markdown
                         and json; anonymous, network needed); without it sizes are estimates
  --registry-allow HOST  a registry on a loopback, private or link-local address that the
                         look-ups may ask (refused otherwise): a host, host:port, address or
                         CIDR range (repeatable or comma-separated; over the configuration's
                         registry-allow)
  --target NAME          the stage that is built (default: the targets the repository's build
                         definitions build, else the last stage)
  --build-arg K=V        a build argument, as docker build takes it (repeatable)
  --fail-on LEVEL        error|warning|info|never: lowest severity that exits 1 (default: the
                         configuration's fail-on, or .hadolint.yaml's failure-threshold, else
                         error)
  --config FILE          configuration file (default: .stagecraft.yml, .stagecraft.yaml,
                         .github/stagecraft.yml or .github/stagecraft.yaml, if present)
  --hadolint-config FILE hadolint's configuration, read under ours (default: .hadolint.yaml
                         or .hadolint.yml, if present); ours wins where both set a thing
  --explain-config       print the effective configuration, where each setting comes from,
                         and what was read but not applied, and exit (also: config --explain)
  --rule ID=LEVEL        set a rule to off|info|warning|error (repeatable; beats the config)
  --list-rules           list the rules with their defaults and exit
  --builds               list what the repository's workflows, bake, compose and dev
                         container files build (run it from the repository's root) and exit
  -h, --help             show this help
  -v, --version          print the version

Exit codes: 0 no finding at the failing level, 1 findings at the failing level,
2 usage or I/O error.

Documentation: ${HOME}#readme
Rule pages:    ${CLI_LINKS.rules}/README.md`

class UsageError extends Error {}

interface CliOptions {
  paths: string[]
  format: Format
  base: string | null
  registry: boolean
  /** Internal registries the look-ups may ask (`--registry-allow`), over the configuration's. */
  registryAllow: string[]
  images: string[]
  target: string | null
  buildArgs: Record<string, string>
  failOn: FailOn | null
  config: string | null
  hadolintConfig: string | null
  explainConfig: boolean
  rules: Record<string, RuleLevel>
  listRules: boolean
  builds: boolean
  help: boolean
  version: boolean
}

function parseCliArgs(argv: readonly string[]): CliOptions {
  let parsed
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        format: { type: 'string', default: 'text' },
        base: { type: 'string' },
        registry: { type: 'boolean', default: false },
        'registry-allow': { type: 'string', multiple: true, default: [] },
        image: { type: 'string', multiple: true },
        target: { type: 'string' },
        'build-arg': { type: 'string', multiple: true, default: [] },
        'fail-on': { type: 'string' },
        config: { type: 'string' },
        'hadolint-config': { type: 'string' },
        'explain-config': { type: 'boolean', default: false },
        explain: { type: 'boolean', default: false },
        rule: { type: 'string', multiple: true, default: [] },
        'list-rules': { type: 'boolean', default: false },
        builds: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
        version: { type: 'boolean', short: 'v', default: false }
      }
    })
  } catch (err) {
    throw new UsageError(err instanceof Error ? err.message : String(err))
  }
  const { values, positionals } = parsed
  const format = values.format
  if (!(FORMATS as readonly string[]).includes(format)) throw new UsageError(`--format must be ${FORMATS.slice(0, -1).join(', ')} or ${FORMATS[FORMATS.length - 1] as string}, not "${format}"`)
  const base = values.base ?? null
  if (base !== null && format !== 'markdown') throw new UsageError('--base needs --format markdown (the delta is part of the comment)')
  const failOn = values['fail-on'] ?? null
  if (failOn !== null && failOn !== 'error' && failOn !== 'warning' && failOn !== 'info' && failOn !== 'never') {
    throw new UsageError(`--fail-on must be error, warning, info or never, not "${failOn}"`)
  }
  const buildArgs: Record<string, string> = {}
  for (const pair of values['build-arg'] ?? []) {
    const eq = pair.indexOf('=')
    if (eq <= 0) throw new UsageError(`--build-arg expects K=V, got "${pair}"`)
    buildArgs[pair.slice(0, eq)] = pair.slice(eq + 1)
  }
  const registryAllow = (values['registry-allow'] ?? []).flatMap((v) => v.split(',')).map((e) => e.trim()).filter((e) => e !== '')
  for (const entry of registryAllow) {
    const problem = allowEntryProblem(entry)
    if (problem !== null) throw new UsageError(`--registry-allow: ${problem}`)
  }
  const rules: Record<string, RuleLevel> = {}
  for (const pair of values.rule ?? []) {
    const eq = pair.indexOf('=')
    const id = eq < 0 ? pair : pair.slice(0, eq)
    const level = eq < 0 ? '' : pair.slice(eq + 1)
    if (!RULES.some((r) => r.meta.id === id)) throw new UsageError(`--rule: unknown rule "${id}" (see --list-rules)`)
    if (level !== 'off' && level !== 'info' && level !== 'warning' && level !== 'error') throw new UsageError(`--rule ${id} must be set to off, info, warning or error`)
    rules[id] = level
  }
  // `stagecraft config --explain` is --explain-config; a folder named config is still a path otherwise.
  const explainConfig = (values['explain-config'] ?? false) || (values.explain === true && positionals[0] === 'config')
  if (values.explain === true && !explainConfig) throw new UsageError('--explain goes with the config command: stagecraft config --explain')
  return {
    paths: explainConfig && positionals[0] === 'config' ? positionals.slice(1) : positionals,
    format: format as Format,
    base,
    registry: values.registry ?? false,
    registryAllow,
    images: values.image ?? [],
    target: values.target ?? null,
    buildArgs,
    failOn,
    config: values.config ?? null,
    hadolintConfig: values['hadolint-config'] ?? null,
    explainConfig,
    rules,
    listRules: values['list-rules'] ?? false,
    builds: values.builds ?? false,
    help: values.help ?? false,
    version: values.version ?? false
  }
}

function listRules(): string {
  const rows = documentationOrder(RULES).map(({ meta }) => [meta.id, meta.severity, meta.category, meta.scope === 'all' ? 'all stages' : 'ships only', meta.equivalents.hadolint ?? '-', meta.equivalents.buildkit ?? '-', meta.title])
  const header = ['rule', 'default', 'category', 'scope', 'hadolint', 'buildkit', 'title']
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] as string).length)))
  const line = (cells: string[]): string => cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i] as number))).join('  ')
  return [line(header), ...rows.map(line), '', `Each rule's page: ${CLI_LINKS.rules}/<rule>.md`].join('\n') + '\n'
}

export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  let options: CliOptions
  try {
    options = parseCliArgs(argv)
  } catch (err) {
    io.stderr(`stagecraft: ${(err as Error).message} (see stagecraft --help)\n`)
    return 2
  }
  if (options.help) {
    io.stdout(USAGE + '\n')
    return 0
  }
  if (options.version) {
    io.stdout(`stagecraft ${VERSION}\n`)
    return 0
  }
  if (options.listRules) {
    io.stdout(listRules())
    return 0
  }
  if (options.explainConfig) {
    try {
      const loaded = loadConfig(io.cwd, options.config, RULES, options.hadolintConfig)
      io.stdout(explainConfig(loaded, RULES, { levels: options.rules, target: options.target, failOn: options.failOn, buildArgs: options.buildArgs }))
      return 0
    } catch (err) {
      if (!(err instanceof ConfigError)) throw err
      io.stderr(`stagecraft: ${err.message}\n`)
      return 2
    }
  }
  if (options.builds) {
    io.stdout(formatBuilds(readBuildDefinitions(repositoryFiles(io.cwd))))
    return 0
  }

  const discovery = await discoverDockerfiles(options.paths, io.cwd)
  if (discovery.unmatched.length > 0) {
    io.stderr(`stagecraft: no Dockerfile found at ${discovery.unmatched.map((u) => `"${u}"`).join(', ')}\n`)
    return 2
  }
  const base = options.base
  const sources: Source[] = discovery.files.map((path) => ({
    path,
    changed: 'all',
    // The user names the files: one outside the folder (or a link out of it) is theirs to review.
    read: () => readWorkspaceFile(io.cwd, path, false),
    // Any file that cannot be read at the revision is new to it (the summary says "New file").
    ...(base === null ? {} : { readPrevious: () => asMissing(readAtRevision(io.cwd, base, `./${path.replace(/^\.\//, '')}`)) })
  }))
  // Only markdown and JSON show sizes and layers: ask the registries only for them.
  const registry = options.format === 'json' || options.format === 'markdown' ? { sizes: options.registry, images: options.images, allow: options.registryAllow } : { sizes: false, images: [] }
  // Text, gnu, and JSON without registry answers, print each file as it is reviewed and keep nothing.
  const streaming = options.format === 'text' || options.format === 'gnu' || (options.format === 'json' && !registry.sizes && registry.images.length === 0)
  // Under GitHub Actions a plain `npx stagecraft` step gets annotations through the problem matcher.
  const matcher = io.env?.GITHUB_ACTIONS === 'true' && (options.format === 'text' || options.format === 'gnu') && io.matcherFile !== undefined && io.matcherFile !== null ? io.matcherFile : null
  const totals = { files: 0, error: 0, warning: 0, info: 0 }
  let printed = 0
  const onFile = (file: FileReview): Promise<void> | undefined => {
    if (options.format === 'text') {
      io.stdout(textFilePiece(file.analysis, { colour: io.isTty }))
      totals.files++
      for (const f of file.analysis.findings) totals[f.severity]++
    } else if (options.format === 'gnu') {
      io.stdout(gnuFilePiece(file.analysis))
    } else {
      if (printed === 0) io.stdout(JSON_REPORT_OPEN)
      io.stdout(jsonFilePiece(toJsonFile(file), printed === 0))
    }
    printed++
    return io.drained?.() ?? undefined
  }
  const contexts = new BuildContextReader(io.cwd)
  let result
  if (matcher !== null) io.stdout(`::add-matcher::${matcher}\n`)
  const removeMatcher = (): void => {
    if (matcher !== null) for (const owner of MATCHER_OWNERS) io.stdout(`::remove-matcher owner=${owner}::\n`)
  }
  try {
    result = await review(
      sources,
      { root: io.cwd, configFile: options.config, hadolintConfigFile: options.hadolintConfig, overrides: { target: options.target, buildArgs: options.buildArgs, levels: options.rules }, annotate: 'all', failOn: options.failOn, registry, retain: !streaming },
      { buildContext: (p, context) => contexts.read(p, context), repository: repositoryFiles(io.cwd), ...(streaming ? { onFile } : {}) }
    )
  } catch (err) {
    removeMatcher()
    if (!(err instanceof ConfigError)) throw err
    io.stderr(`stagecraft: ${err.message}\n`)
    return 2
  }
  for (const u of result.unread) io.stderr(`stagecraft: cannot read ${u.path}: ${u.reason}\n`)
  if (result.registry !== undefined) {
    const { images, requests, failed } = result.registry
    io.stderr(`stagecraft: registry: ${images} image(s), ${requests} request(s)${failed.length > 0 ? `; estimated: ${failed.map((f) => `${f.image} (${f.reason})`).join(', ')}` : ''}\n`)
  }
  for (const note of result.notes) io.stderr(`stagecraft: ${note}\n`)
  if (options.format === 'text') io.stdout(textTotals(totals))
  // One line per finding was printed as each file was reviewed; the files that could not be read come last.
  else if (options.format === 'gnu') io.stdout(gnuUnread(result))
  else if (options.format === 'json' && streaming) io.stdout(printed === 0 ? `${JSON_REPORT_OPEN}${jsonReportClose(0, result)}` : jsonReportClose(printed, result))
  else if (options.format === 'json') io.stdout(JSON.stringify(toJsonReport(result), null, 2) + '\n')
  else if (options.format === 'sarif') io.stdout(JSON.stringify(toSarif(result, RULES, CLI_LINKS), null, 2) + '\n')
  else if (options.format === 'checkstyle') io.stdout(toCheckstyle(result))
  else if (options.format === 'junit') io.stdout(toJunit(result, CLI_LINKS))
  else if (options.format === 'gitlab') io.stdout(JSON.stringify(toGitlabCodeQuality(result, RULES, CLI_LINKS), null, 2) + '\n')
  else if (options.format === 'rdjson') io.stdout(JSON.stringify(toRdjson(result, CLI_LINKS), null, 2) + '\n')
  else {
    // As the action's summary does: each file left out is said at the top.
    const notes = [...result.unread.map((u) => `${unreadSentence(u)}.`), ...result.notes]
    io.stdout(summaryMarkdown(result, { links: CLI_LINKS, limit: Number.MAX_SAFE_INTEGER, change: 'this change', notes }))
  }
  removeMatcher()

  if (result.unread.length > 0) return 2
  return result.fails ? 1 : 0
}
