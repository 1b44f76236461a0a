/**
 * The action's orchestration: which files, read from where, analysed how, reported where.
 * Every channel is independent: a channel that fails (a fork's read-only token, an API outage)
 * is said in the log and the job summary, and the others still get the findings.
 */
import * as core from '@actions/core'
import { context } from '@actions/github'
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { dirname, resolve } from 'node:path'
import picomatch from 'picomatch'
import { analyzeDockerfile, type FileAnalysis } from './analyze.js'
import { ConfigError, analysisOptions, ignoredBy, loadConfig } from './config/config.js'
import { readBuildContext } from './context.js'
import { DOCKERFILE_PATTERNS, IGNORED_PATTERNS, discoverDockerfiles } from './discover.js'
import { publishCheckRun } from './github/check-run.js'
import { RegistryClient, type ImageLookup } from './registry/client.js'
import { askRegistries } from './registry/lookup.js'
import type { BuiltImageResult } from './report/built-image.js'
import { createClient, type GitHubClient } from './github/client.js'
import { upsertComment, viewerLogin } from './github/comment.js'
import { gitHead, hasCommit, readAtRevision, textOrReason, type ReadResult } from './files.js'
import { readFileAt } from './github/contents.js'
import { listPullRequestFiles, listPushFiles, type ChangedFile } from './github/pull-request.js'
import { trimTrailingSlashes } from './parse/paths.js'
import { InputError, readInputs, type ActionInputs } from './inputs.js'
import { tally, type Finding } from './model/finding.js'
import { conclusion, fails, selectFindings, toCheckAnnotation, type ChangedLines } from './report/annotations.js'
import { toJsonReport } from './report/json.js'
import { analysedVersions } from './report/delta.js'
import { summaryMarkdown, type PreviousVersion } from './report/markdown.js'
import { toSarif } from './report/sarif.js'
import { RULES } from './rules/registry.js'

/** GitHub shows at most 10 workflow-command annotations of each type per step. */
const COMMAND_ANNOTATION_CAP = 10

interface Target {
  path: string
  changed: ChangedLines | undefined
  /** GitHub's file status (added, modified, renamed...), when the file list came from the API. */
  status?: string
  previousPath?: string
}

const toTarget = (f: ChangedFile): Target => ({ path: f.path, changed: f.lines, status: f.status, ...(f.previousPath !== undefined ? { previousPath: f.previousPath } : {}) })

/** Does a repository path name a Dockerfile the inputs ask for? */
function pathMatcher(inputs: ActionInputs): (path: string) => boolean {
  const names = picomatch([...DOCKERFILE_PATTERNS], { nocase: true, dot: true })
  const ignored = picomatch([...IGNORED_PATTERNS], { dot: true })
  if (inputs.dockerfiles.length === 0) return (p) => names(p) && !ignored(p)
  const globs = picomatch(inputs.dockerfiles, { dot: true })
  const folders = inputs.dockerfiles.filter((d) => !/[*?[{]/.test(d)).map((d) => `${trimTrailingSlashes(d.replace(/^\.\/?/, ''))}/`)
  return (p) => !ignored(p) && (globs(p) || (names(p) && folders.some((f) => f === '/' || p.startsWith(f))))
}

/** A real commit SHA: a new branch's push has `before` all zeros. */
function isCommit(sha: unknown): boolean {
  return typeof sha === 'string' && /^[0-9a-f]{7,40}$/.test(sha) && !/^0+$/.test(sha)
}

/** Reads files as they were at a commit: from git when the workspace has that commit, else through the API. */
function commitReader(workspace: string, client: GitHubClient, ref: { owner: string; repo: string }, sha: string): (path: string) => Promise<ReadResult> {
  if (!hasCommit(workspace, sha)) return (path) => readFileAt(client, ref, path, sha)
  return (path) => Promise.resolve(readAtRevision(workspace, sha, path))
}

async function readWorkspace(workspace: string, path: string): Promise<ReadResult> {
  try {
    return textOrReason(await readFile(resolve(workspace, path)))
  } catch (err) {
    return { ok: false, reason: (err as NodeJS.ErrnoException).code ?? String(err) }
  }
}

/** Workflow-command annotations, when the check run could not be created. Says what did not fit. */
function commandAnnotations(selected: { path: string; finding: Finding }[]): string | null {
  const shown = { error: 0, warning: 0, info: 0 }
  let dropped = 0
  for (const { path, finding: f } of selected) {
    if (shown[f.severity] >= COMMAND_ANNOTATION_CAP) {
      dropped++
      continue
    }
    shown[f.severity]++
    const props = { title: `${f.rule} (${f.severity})`, file: path, startLine: f.line, endLine: f.endLine }
    if (f.severity === 'error') core.error(f.message, props)
    else if (f.severity === 'warning') core.warning(f.message, props)
    else core.notice(f.message, props)
  }
  return dropped === 0 ? null : `${dropped} more finding(s) could not be shown as annotations (GitHub shows ${COMMAND_ANNOTATION_CAP} per type per step): they are in the job summary and the reports`
}

function explain(outcome: { action: string; message: string }, what: string): string {
  return outcome.action === 'forbidden' ? `the token may not ${what} (a pull request from a fork gets a read-only token)` : `the API failed: ${outcome.message}`
}

export async function run(): Promise<void> {
  try {
    await analyzeAndReport()
  } catch (err) {
    core.setFailed(err instanceof InputError || err instanceof ConfigError ? err.message : `stagecraft failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`)
  }
}

async function analyzeAndReport(): Promise<void> {
  const inputs = readInputs()
  const workspace = process.env.GITHUB_WORKSPACE ?? process.cwd()
  const { config } = loadConfig(workspace, inputs.config, RULES.map((r) => r.meta.id))
  const event = context.eventName
  const pr = (context.payload.pull_request ?? null) as { number: number; head: { sha: string }; base?: { sha?: unknown } } | null
  // context.repo throws without GITHUB_REPOSITORY (a local run); nothing talks to GitHub then.
  const ref = process.env.GITHUB_REPOSITORY !== undefined ? { owner: context.repo.owner, repo: context.repo.repo } : { owner: '', repo: '' }
  const notes: string[] = []
  const client: GitHubClient | null = inputs.token === '' || ref.owner === '' ? null : createClient(inputs.token, { log: (m) => core.info(m) })

  // Which files, and their changed lines.
  let targets: Target[]
  let read: (path: string) => Promise<ReadResult>
  // The files before the change, for the summary's delta; null when there is no "before".
  let readPrevious: ((path: string) => Promise<ReadResult>) | null = null
  let removed: string[] = []
  if (pr !== null && client !== null && (event === 'pull_request' || event === 'pull_request_target')) {
    const listed = await listPullRequestFiles(client, ref, pr.number)
    if (listed.truncated) notes.push(`This pull request changes ${listed.changedFiles} files; GitHub lists only the first 3,000, so Dockerfiles beyond them were not reviewed.`)
    const matches = pathMatcher(inputs)
    targets = listed.files.filter((f) => matches(f.path)).map(toTarget)
    removed = listed.removed.filter(matches)
    const baseSha = pr.base?.sha
    if (typeof baseSha === 'string' && baseSha !== '') readPrevious = commitReader(workspace, client, ref, baseSha)
    // pull_request_target runs with a write token: never read the PR's files from disk, only as data.
    const fromWorkspace = event === 'pull_request' && gitHead(workspace) === pr.head.sha
    read = fromWorkspace ? (p) => readWorkspace(workspace, p) : (p) => readFileAt(client, ref, p, pr.head.sha)
  } else if (event === 'push' && client !== null && isCommit(context.payload.before) && isCommit(context.payload.after)) {
    const after = context.payload.after as string
    const listed = await listPushFiles(client, ref, context.payload.before as string, after)
    if (listed.truncated) notes.push('This push changes 300 files or more; GitHub lists only the first 300, so Dockerfiles beyond them were not reviewed.')
    const matches = pathMatcher(inputs)
    targets = listed.files.filter((f) => matches(f.path)).map(toTarget)
    removed = listed.removed.filter(matches)
    readPrevious = commitReader(workspace, client, ref, context.payload.before as string)
    read = gitHead(workspace) === after ? (p) => readWorkspace(workspace, p) : (p) => readFileAt(client, ref, p, after)
  } else {
    // Other events, and a push that creates a branch: every Dockerfile in the workspace.
    const found = await discoverDockerfiles(inputs.dockerfiles, workspace)
    targets = found.files.map((path) => ({ path, changed: 'all' as const }))
    read = (p) => readWorkspace(workspace, p)
  }
  const ignored = ignoredBy(config)
  targets = targets.filter((t) => !ignored(t.path))
  removed = removed.filter((p) => !ignored(p))

  // Analyse.
  const options = analysisOptions(config, { target: inputs.target, buildArgs: inputs.buildArgs })
  const analyses: FileAnalysis[] = []
  const previous = new Map<string, PreviousVersion>()
  const owned: { path: string; finding: Finding }[] = []
  for (const target of targets) {
    const content = await read(target.path)
    if (!content.ok) {
      notes.push(`${target.path} could not be read (${content.reason}); it was not analysed.`)
      core.warning(`could not read ${target.path}: ${content.reason}`, { file: target.path })
      continue
    }
    const buildContext = await readBuildContext(resolve(workspace, target.path), target.path)
    const analysis = analyzeDockerfile(target.path, content.text, { ...options, buildContext })
    analyses.push(analysis)
    if (readPrevious !== null) {
      const before = target.status === 'added' ? ({ ok: false, reason: 'added', missing: true } as const) : await readPrevious(target.previousPath ?? target.path)
      if (before.ok) previous.set(target.path, analyzeDockerfile(target.path, before.text, { ...options, buildContext }))
      else if (before.missing === true) previous.set(target.path, 'new')
      else notes.push(`The base version of ${target.path} could not be read (${before.reason}); its comparison is left out.`)
    }
    for (const finding of selectFindings(analysis, target.changed, inputs.annotate, RULES)) owned.push({ path: target.path, finding })
  }
  const ownedFindings = owned.map((o) => o.finding)

  // Real base image sizes, head and base versions in one pass (one cache); failures fall back to estimates.
  let sizes: Map<string, ImageLookup> | undefined
  let builtImages: Map<string, BuiltImageResult> | undefined
  if ((inputs.registryLookup || inputs.images.length > 0) && analyses.length > 0) {
    const registry = new RegistryClient({ credentials: inputs.registryCredentials, timeoutMs: inputs.registryTimeoutMs })
    const answers = await askRegistries(analyses, analysedVersions(previous), registry, { sizes: inputs.registryLookup, images: inputs.images })
    sizes = answers.sizes
    builtImages = answers.builtImages
    notes.push(...answers.notes)
    if (sizes !== undefined) {
      const failed = [...sizes.values()].filter((l) => !l.ok).length
      core.info(`registry: ${sizes.size} image(s) looked up, ${failed} fell back to estimates, ${registry.stats.requests} request(s), ${Math.round(registry.stats.ms)} ms`)
    }
    for (const [path, result] of builtImages ?? []) if ('reason' in result) core.warning(`image ${result.image} (${path}) could not be read: ${result.reason}`)
  }

  // Reports on disk.
  if (inputs.sarifFile !== null) await writeReport(workspace, inputs.sarifFile, toSarif(analyses, RULES))
  if (inputs.jsonFile !== null) await writeReport(workspace, inputs.jsonFile, toJsonReport(analyses, sizes, builtImages))

  // What every summary shows; `notes` is the live list, so notes added below reach the later ones.
  const summaryOf = { notes, previous, removed, sizes, builtImages }

  // Check run, or workflow-command annotations when it cannot be created.
  const headSha = pr?.head.sha ?? context.sha
  let checkRunDone = false
  if (inputs.checkRun && client !== null && headSha !== undefined && headSha !== '') {
    const errors = ownedFindings.filter((f) => f.severity === 'error').length
    const outcome = await publishCheckRun(client, ref, {
      name: inputs.checkName,
      headSha,
      conclusion: conclusion(ownedFindings, inputs.failOn),
      title: ownedFindings.length === 0 ? 'No findings' : `${ownedFindings.length} finding(s), ${errors} error(s)`,
      // The Checks API takes 65,535 characters (UTF-16 units); an emoji counts twice, so keep a margin.
      summary: summaryMarkdown(analyses, { ...summaryOf, limit: 60_000 }),
      annotations: owned.map((o) => toCheckAnnotation(o.path, o.finding))
    })
    if (outcome.action === 'created') checkRunDone = true
    else {
      const why = explain(outcome, 'create check runs')
      notes.push(`The check run could not be created: ${why}. Findings are shown as annotations instead.`)
      core.warning(`check run not created: ${why}`)
    }
  }
  if (!checkRunDone) {
    const overflow = commandAnnotations(owned)
    if (overflow !== null) notes.push(overflow)
  }

  // Sticky comment.
  let commentUrl = ''
  const wantComment = inputs.comment === 'always' || (inputs.comment === 'on-findings' && ownedFindings.length > 0)
  if (pr !== null && client !== null && inputs.comment !== 'never') {
    const marker = `<!-- stagecraft:${process.env.GITHUB_WORKFLOW ?? ''}/${process.env.GITHUB_JOB ?? ''}/${inputs.commentKey} -->`
    const body = summaryMarkdown(analyses, { ...summaryOf, marker, fullReportHint: 'the job summary of this run' })
    const viewer = await viewerLogin(client)
    // on-findings with nothing to say only updates an existing comment (a fixed PR says so), never creates one.
    const outcome = await upsertComment(client, ref, pr.number, marker, body, viewer, wantComment)
    if (outcome.url !== null) commentUrl = outcome.url
    else if (outcome.action !== 'skipped') {
      const why = explain(outcome, 'comment')
      notes.push(`The pull request comment could not be written: ${why}.`)
      core.warning(`comment not written: ${why}`)
    }
  }

  // Outputs, job summary (always, when the runner gives one), exit.
  const totals = tally(ownedFindings)
  const count = (s: Finding['severity']): number => totals[s]
  core.setOutput('dockerfiles', analyses.length)
  core.setOutput('findings', ownedFindings.length)
  core.setOutput('errors', count('error'))
  core.setOutput('warnings', count('warning'))
  core.setOutput('sarif-file', inputs.sarifFile ?? '')
  core.setOutput('json-file', inputs.jsonFile ?? '')
  core.setOutput('comment-url', commentUrl)
  if (process.env.GITHUB_STEP_SUMMARY !== undefined) {
    try {
      // GitHub takes 1 MiB per step summary: 262,144 code points fit even at 4 UTF-8 bytes each.
      await core.summary.addRaw(summaryMarkdown(analyses, { ...summaryOf, limit: 262_144 })).write()
    } catch (err) {
      core.warning(`job summary not written: ${err instanceof Error ? err.message : String(err)}`)
    }
  }
  core.info(`stagecraft: ${analyses.length} Dockerfile(s), ${count('error')} error(s), ${count('warning')} warning(s), ${count('info')} info`)
  if (fails(ownedFindings, inputs.failOn)) core.setFailed(`stagecraft: findings at or above fail-on (${inputs.failOn})`)
}

async function writeReport(workspace: string, path: string, report: unknown): Promise<void> {
  const target = resolve(workspace, path)
  await mkdir(dirname(target), { recursive: true })
  await writeFile(target, JSON.stringify(report, null, 2) + '\n')
}
