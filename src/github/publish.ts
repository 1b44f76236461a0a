/**
 * A review, published where people look: reports on disk, the check run (or workflow-command
 * annotations when it cannot be created), the sticky comment, the step's outputs and job summary.
 * Every channel is independent: one that fails (a fork's read-only token, an API outage) is said
 * in the log and in the summaries written after it, and the others still get the findings.
 */
import * as core from './runner.js'
import { constants } from 'node:fs'
import { lstat, mkdir, open, unlink } from 'node:fs/promises'
import { dirname, relative, resolve, sep } from 'node:path'
import { severityRank, tally, type Finding, findingText } from '../model/finding.js'
import { toJsonReport } from '../report/json.js'
import { unreadSentence } from '../report/findings.js'
import { pullRequestFindings, summaryMarkdown } from '../report/markdown.js'
import { ruleDocUrl, type Links } from '../report/links.js'
import { SUGGESTION_CAP, suggestFixes } from '../report/suggestions.js'
import { toSarif } from '../report/sarif.js'
import type { Review } from '../review/review.js'
import { RULES } from '../rules/registry.js'
import { ANNOTATION_CAP, toCheckAnnotation } from './annotations.js'
import { publishCheckRun } from './check-run.js'
import type { GitHubClient } from './client.js'
import { upsertComment } from './comment.js'
import { publishSuggestions } from './suggestions.js'
import type { PullRequestRef } from './event.js'
import type { ActionInputs } from './inputs.js'
import type { RepoRef } from './pull-request.js'

/** GitHub shows at most 10 workflow-command annotations of each type per step. */
const COMMAND_ANNOTATION_CAP = 10

export interface Target {
  inputs: ActionInputs
  workspace: string
  client: GitHubClient | null
  ref: RepoRef
  pr: PullRequestRef | null
  headSha: string | undefined
  /** Where rule links point: the action's repository at the ref the workflow pinned. */
  links: Links
}

/** Workflow-command annotations, when the check run could not be created. Says what did not fit. */
function commandAnnotations(selected: readonly { path: string; finding: Finding }[]): string | null {
  const shown = { error: 0, warning: 0, info: 0 }
  let dropped = 0
  for (const { path, finding: f } of selected) {
    if (shown[f.severity] >= COMMAND_ANNOTATION_CAP) {
      dropped++
      continue
    }
    shown[f.severity]++
    const props = { title: `${f.rule} (${f.severity})`, file: path, startLine: f.line, endLine: f.endLine }
    if (f.severity === 'error') core.error(findingText(f), props)
    else if (f.severity === 'warning') core.warning(findingText(f), props)
    else core.notice(findingText(f), props)
  }
  return dropped === 0 ? null : `${dropped} more finding(s) could not be shown as annotations (GitHub shows ${COMMAND_ANNOTATION_CAP} per type per step): they are in the job summary and the reports`
}

function explain(outcome: { action: string; message: string }, what: string): string {
  return outcome.action === 'forbidden' ? `the token may not ${what} (a pull request from a fork gets a read-only token)` : `the API failed: ${outcome.message}`
}

/**
 * Writes a report without following links: the workspace holds the pull request's files, and a
 * link it planted at `out/report.sarif` (or at `out`) must not make us overwrite a file outside.
 * Folders inside the workspace are made one by one, refusing any that is a link; whatever is at
 * the path itself is replaced, never written through. Returns why it was not written, or null.
 */
async function writeReport(workspace: string, path: string, report: unknown): Promise<string | null> {
  const root = resolve(workspace)
  const target = resolve(root, path)
  const folder = dirname(target)
  try {
    if (target.startsWith(root + sep)) {
      let at = root
      for (const part of relative(root, folder).split(sep).filter((p) => p !== '')) {
        at = resolve(at, part)
        const stat = await lstat(at).catch((err: NodeJS.ErrnoException) => (err.code === 'ENOENT' ? null : Promise.reject(err)))
        if (stat === null) await mkdir(at)
        else if (!stat.isDirectory()) return `${relative(root, at)} is ${stat.isSymbolicLink() ? 'a link' : 'not a folder'}`
      }
    } else await mkdir(folder, { recursive: true })
    const existing = await lstat(target).catch(() => null)
    if (existing?.isDirectory() === true) return `${path} is a folder`
    if (existing !== null) await unlink(target)
    const file = await open(target, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW, 0o644)
    try {
      await file.writeFile(JSON.stringify(report, null, 2) + '\n')
    } finally {
      await file.close()
    }
    return null
  } catch (err) {
    return err instanceof Error ? err.message : String(err)
  }
}

/** A run that cannot start (bad inputs or configuration, or a bug): the step fails with the reason. */
export function failRun(message: string): void {
  core.setFailed(message)
}

export function log(message: string): void {
  core.info(message)
}

export async function publish(review: Review, target: Target): Promise<void> {
  const { inputs, workspace, client, ref, pr, headSha, links } = target
  // Every summary shows these; the list grows as channels fail, so later summaries say so.
  const notes = [...review.notes]
  // Fail closed: what was not reviewed fails the check, unless fail-on: never.
  const verdict = review.failOn === 'never' ? '' : ' The check fails: what was not reviewed may be what the change is about (fail-on: never lets it pass).'
  const change = pr === null ? 'this push' : 'this pull request'
  for (const u of review.unread) {
    notes.push(`${unreadSentence(u)}.${verdict}`)
    core.warning(`could not read ${u.path}: ${u.reason}`, { file: u.path })
  }
  for (const reason of review.incomplete) {
    notes.push(`${reason}${verdict}`)
    core.warning(reason)
  }
  if (review.registry !== undefined) {
    const { images, failed, requests, ms } = review.registry
    core.info(`registry: ${images} image(s) looked up, ${failed.length} fell back to estimates, ${requests} request(s), ${Math.round(ms)} ms`)
  }
  for (const [path, result] of review.builtImages ?? []) if ('reason' in result) core.warning(`image ${result.image} (${path}) could not be read: ${result.reason}`)

  const written = { sarif: '', json: '' }
  for (const [kind, file, report] of [
    ['sarif', inputs.sarifFile, () => toSarif(review, RULES, links)],
    ['json', inputs.jsonFile, () => toJsonReport(review)]
  ] as const) {
    if (file === null) continue
    const refused = await writeReport(workspace, file, report())
    if (refused === null) written[kind] = file
    else {
      notes.push(`The ${kind === 'sarif' ? 'SARIF' : 'JSON'} report was not written to ${file}: ${refused}.`)
      core.warning(`${kind} report not written to ${file}: ${refused}`)
    }
  }

  const owned = review.owned
  const ownedFindings = owned.map((o) => o.finding)
  let checkRunDone = false
  let checkRunUrl = ''
  if (inputs.checkRun && client !== null && headSha !== undefined && headSha !== '') {
    const errors = ownedFindings.filter((f) => f.severity === 'error').length
    const unreviewed = review.unread.length + review.incomplete.length
    const annotated = owned.slice(0, ANNOTATION_CAP)
    const over = owned.length - annotated.length
    const runNotes = over === 0 ? notes : [...notes, `${over} more finding(s) are not shown as annotations (a check run gets at most ${ANNOTATION_CAP} here): they are in the job summary and the reports.`]
    const outcome = await publishCheckRun(client, ref, {
      name: inputs.checkName,
      headSha,
      conclusion: review.conclusion,
      title: unreviewed > 0 ? `Not reviewed: ${review.unread.length} file(s) could not be read${review.incomplete.length > 0 ? ', the file list is incomplete' : ''}` : ownedFindings.length === 0 ? 'No findings' : `${ownedFindings.length} finding(s), ${errors} error(s)`,
      // The Checks API takes 65,535 characters (UTF-16 units); an emoji counts twice, so keep a margin.
      summary: summaryMarkdown(review, { links, notes: runNotes, change, limit: 60_000 }),
      annotations: annotated.map((o) => toCheckAnnotation(o.path, o.finding, links)),
      externalId: `${process.env.GITHUB_RUN_ID ?? 'local'}-${process.env.GITHUB_RUN_ATTEMPT ?? '1'}-${inputs.checkName}-${process.pid}`.slice(0, 200)
    })
    if (outcome.action === 'created') {
      checkRunDone = true
      checkRunUrl = outcome.url
      if (over > 0) notes.push(`${over} more finding(s) are not annotations on the check run (at most ${ANNOTATION_CAP}): they are listed here and in the reports.`)
      if (outcome.incomplete !== undefined) {
        notes.push(`The check run was completed, but ${outcome.incomplete}.`)
        core.warning(`check run incomplete: ${outcome.incomplete}`)
      }
    } else {
      const why = explain(outcome, 'create check runs')
      notes.push(`The check run could not be created: ${why}. Findings are shown as annotations instead.`)
      core.warning(`check run not created: ${why}`)
    }
  }
  if (!checkRunDone) {
    const overflow = commandAnnotations(owned)
    if (overflow !== null) notes.push(overflow)
  }

  let commentUrl = ''
  // Only the PR's own findings at or above comment-min-severity create a comment (info alone does not, by default).
  const worth = severityRank(inputs.commentMinSeverity)
  const wantComment = inputs.comment === 'always' || (inputs.comment === 'on-findings' && review.files.some((f) => pullRequestFindings(f).fresh.some((x) => severityRank(x.severity) >= worth)))
  if (pr !== null && client !== null && inputs.comment !== 'never') {
    const marker = `<!-- stagecraft:${process.env.GITHUB_WORKFLOW ?? ''}/${process.env.GITHUB_JOB ?? ''}/${inputs.commentKey} -->`
    const body = summaryMarkdown(review, { links, notes, change, marker, fullReportHint: 'the job summary of this run' })
    // on-findings with nothing worth saying only updates an existing comment (a fixed PR says so), never creates one.
    const outcome = await upsertComment(client, ref, pr.number, marker, body, wantComment)
    if (outcome.url !== null) commentUrl = outcome.url
    else if (outcome.action !== 'skipped') {
      const why = explain(outcome, 'comment')
      notes.push(`The pull request comment could not be written: ${why}.`)
      core.warning(`comment not written: ${why}`)
    }
  }

  if (inputs.suggestions && pr !== null && client !== null && headSha !== undefined && headSha !== '') {
    const wanted = review.files.flatMap((f) => suggestFixes(f, f.owned))
    const scope = `${process.env.GITHUB_WORKFLOW ?? ''}/${process.env.GITHUB_JOB ?? ''}/${inputs.commentKey}`
    const outcome = await publishSuggestions(client, ref, { pull: pr.number, headSha, scope, ruleUrl: (rule) => ruleDocUrl(links, rule) }, wanted)
    if (outcome.action === 'done') {
      core.info(`suggestions: ${outcome.created} posted, ${outcome.updated} updated, ${outcome.unchanged} unchanged, ${outcome.resolved} no longer apply`)
      if (outcome.notShown > 0) notes.push(`${outcome.notShown} more one-click suggestion(s) were not posted (at most ${SUGGESTION_CAP} per run); they come as earlier ones are applied.`)
    } else {
      const why = explain(outcome, 'write review comments')
      notes.push(`The inline suggestions could not be posted: ${why}.`)
      core.warning(`suggestions not posted: ${why}`)
    }
  }

  const totals = tally(ownedFindings)
  core.setOutput('dockerfiles', review.reviewed)
  core.setOutput('findings', ownedFindings.length)
  core.setOutput('errors', totals.error)
  core.setOutput('warnings', totals.warning)
  core.setOutput('sarif-file', written.sarif)
  core.setOutput('json-file', written.json)
  core.setOutput('comment-url', commentUrl)
  core.setOutput('check-run-url', checkRunUrl)
  core.setOutput('conclusion', review.conclusion)
  if (process.env.GITHUB_STEP_SUMMARY !== undefined) {
    try {
      // GitHub takes 1 MiB per step summary: 262,144 code points fit even at 4 UTF-8 bytes each.
      await core.appendSummary(summaryMarkdown(review, { links, notes, change, limit: 262_144 }))
    } catch (err) {
      core.warning(`job summary not written: ${err instanceof Error ? err.message : String(err)}`)
    }
  }
  core.info(`stagecraft: ${review.reviewed} Dockerfile(s), ${totals.error} error(s), ${totals.warning} warning(s), ${totals.info} info`)
  if (review.fails) {
    const unreviewed = review.unread.length + review.incomplete.length > 0
    core.setFailed(unreviewed ? 'stagecraft: some Dockerfiles could not be read or listed, so they were not reviewed (see the job summary)' : `stagecraft: findings at or above fail-on (${review.failOn})`)
  }
}
