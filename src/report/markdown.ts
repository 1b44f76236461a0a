/**
 * The Markdown that the sticky comment, the job summary and the check run show. It leads with
 * what the pull request did: a status line that counts the PR's own findings, then per file the
 * delta in Docker Scout compare's shape (before → after), the PR's new findings by severity (with
 * their stage), the findings that were already there in a closed `<details>`, and last, closed,
 * the stage table, its Mermaid picture, the base images and the final image. Pure.
 *
 * Everything taken from a Dockerfile is escaped for where it lands (src/report/escape.ts: Markdown
 * cells and paragraphs, or HTML blocks), so a file cannot ping people, link issues, inject HTML
 * or break a table; ARG/ENV values are never printed, only names. Images are shown by
 * `displayImage` (full reference in a tooltip). Repeated findings of one rule are one row. The
 * body never exceeds GitHub's comment limit: past it, sections drop the picture, the breakdown
 * and the old findings, then give way to one line of counts per file and a pointer.
 */

import { shownTarget } from '../graph/graph.js'
import { describeLeftBehind, describeShippedImage, describeStages, stageLabel } from '../graph/image.js'
import { severityRank, tally, type Finding, type Severity, findingText } from '../model/finding.js'
import type { Stage } from '../model/dockerfile.js'
import { ruleDocUrl, type Links } from './links.js'
import { compareVersions, type FileDelta, type PreviousVersion } from '../enrich/delta.js'
import { stageGraphMermaid } from './mermaid.js'
import { effectiveImage, type EffectiveImage, type EffectiveValue, type ValueOrigin } from '../graph/effective.js'

import type { BuiltImageResult } from '../enrich/built-image.js'
import { ESTIMATES_AS_OF, sizeClassOf } from '../enrich/size-estimates.js'
import { baseSize, formatBytes, formatSize, lookupOf, type BaseSize } from '../enrich/sizes.js'
import { plural } from './text.js'
import type { BaseDescription, ImageLookup, PackageList, ShippedImage, StageRow } from '../model/image.js'
import type { FileAnalysis } from '../model/analysis.js'
import type { BuildDefinition } from '../builds/types.js'
import { escapeHtml, escapeHtmlCode, escapeMarkdown, escapeMarkdownCode } from './escape.js'
import { displayImage, displayText } from './display.js'

export { escapeHtml, escapeMarkdown }

/** GitHub's comment body limit, in code points (the safe budget from the research notes). */
export const COMMENT_LIMIT = 65536

/** From this many findings of one rule and severity in a table, they are one row. */
export const GROUP_FROM = 3

const ICONS: Record<Severity, string> = { error: '🔴', warning: '🟡', info: '🔵' }

function counts(findings: readonly Finding[]): string {
  const c = tally(findings)
  if (findings.length === 0) return 'no findings'
  return [c.error > 0 ? plural(c.error, 'error') : '', c.warning > 0 ? plural(c.warning, 'warning') : '', c.info > 0 ? `${c.info} info` : ''].filter((s) => s !== '').join(', ')
}

/** Dockerfile text as code in a Markdown paragraph or table cell (inline `<code>`: Markdown is parsed inside it). */
export function code(text: string): string {
  return `<code>${escapeMarkdownCode(text)}</code>`
}

/** Dockerfile text as code inside an HTML block (the `<summary>` line): entities only. */
export function htmlCode(text: string): string {
  return `<code>${escapeHtmlCode(text)}</code>`
}

/** An image as `displayImage` shows it, the full reference in a tooltip when it was shortened. */
export function imageCode(ref: string, html = false): string {
  const shown = displayImage(ref)
  const text = html ? escapeHtmlCode(shown.text) : escapeMarkdownCode(shown.text)
  return shown.text === shown.full ? `<code>${text}</code>` : `<code title="${escapeHtmlCode(shown.full)}">${text}</code>`
}

/** At most `max` items, then "+N more". */
function list(items: readonly string[], max = 8, format: (s: string) => string = code): string {
  if (items.length === 0) return '—'
  const shown = items.slice(0, max).map(format).join(', ')
  return items.length > max ? `${shown} +${items.length - max} more` : shown
}

/** The PR's findings of a file and the ones that were already there; `compared` when there was a "before". */
export interface FindingsSplit {
  compared: boolean
  fresh: Finding[]
  old: Finding[]
}

/**
 * Which findings a file's change brought: those the base version did not have (matched by rule,
 * stage and message, lines left out), all of a new file's; with no "before", all of them.
 */
export function pullRequestFindings(file: { analysis: FileAnalysis; previous?: PreviousVersion }): FindingsSplit {
  const known = splits.get(file.analysis)
  if (known !== undefined && known.previous === file.previous) return known.split
  const split = splitFindings(file.analysis, file.previous)
  splits.set(file.analysis, { previous: file.previous, split })
  return split
}

/** A summary asks several times per file (status line, section, fallback); the comparison runs once. */
const splits = new WeakMap<FileAnalysis, { previous: PreviousVersion | undefined; split: FindingsSplit }>()

function splitFindings(analysis: FileAnalysis, previous: PreviousVersion | undefined): FindingsSplit {
  if (previous === undefined) return { compared: false, fresh: [...analysis.findings], old: [] }
  if (previous === 'new') return { compared: true, fresh: [...analysis.findings], old: [] }
  const fresh = new Set(compareVersions(previous, analysis).newInHead)
  return { compared: true, fresh: analysis.findings.filter((f) => fresh.has(f)), old: analysis.findings.filter((f) => !fresh.has(f)) }
}

function bySeverity(findings: readonly Finding[]): Finding[] {
  return [...findings].sort((a, b) => severityRank(b.severity) - severityRank(a.severity) || a.line - b.line || a.rule.localeCompare(b.rule))
}

/** Findings as table rows: one per finding, or one per rule and severity when it repeats (GROUP_FROM). */
function findingGroups(findings: readonly Finding[]): Finding[][] {
  const groups = new Map<string, Finding[]>()
  for (const f of bySeverity(findings)) {
    const key = `${f.severity}\u0000${f.rule}`
    groups.set(key, [...(groups.get(key) ?? []), f])
  }
  const rows: Finding[][] = []
  for (const f of bySeverity(findings)) {
    const group = groups.get(`${f.severity}\u0000${f.rule}`) as Finding[]
    if (group.length < GROUP_FROM) rows.push([f])
    else if (group[0] === f) rows.push(group)
  }
  return rows
}

function stageCell(analysis: FileAnalysis, index: number | null): string {
  const stage = index === null ? undefined : analysis.model.stages[index]
  return stage === undefined ? 'whole file' : `${code(stageLabel(stage))} (${analysis.graph.roles[stage.index] ?? 'unused'})`
}

function lineCell(f: Finding): string {
  return f.line === f.endLine ? String(f.line) : `${f.line}–${f.endLine}`
}

function groupRow(group: readonly Finding[], analysis: FileAnalysis): { stage: string; line: string; text: string } {
  const first = group[0] as Finding
  if (group.length === 1) return { stage: stageCell(analysis, first.stage), line: lineCell(first), text: escapeMarkdown(displayText(findingText(first))) }
  const stages = [...new Set(group.map((f) => f.stage))]
  const labels = stages.map((i) => (i === null ? 'whole file' : stageLabel(analysis.model.stages[i] as Stage)))
  const lines = group.map(lineCell)
  const stage = stages.length === 1 ? stageCell(analysis, first.stage) : `${plural(stages.length, 'stage')}: ${list(labels, 6)}`
  const line = lines.length > 5 ? `${lines.slice(0, 5).join(', ')} +${lines.length - 5}` : lines.join(', ')
  const where = stages.length > 1 ? 'each stage is in the stage table' : `lines ${line}`
  return { stage, line, text: `**${group.length}×** ${escapeMarkdown(displayText(findingText(first)))} — and ${group.length - 1} more like it (${where})` }
}

/** A table of findings, most severe first; `mark` says on each row that it is new (🆕). */
export function findingsTable(findings: readonly Finding[], analysis: FileAnalysis, links: Links, mark = false): string {
  const rows = findingGroups(findings).map((group) => {
    const f = group[0] as Finding
    const r = groupRow(group, analysis)
    return `| ${mark ? '🆕 ' : ''}${ICONS[f.severity]} ${f.severity} | [\`${f.rule}\`](${ruleDocUrl(links, f.rule)}) | ${r.stage} | ${r.line} | ${r.text} |`
  })
  return ['| severity | rule | stage | line | finding |', '| --- | --- | --- | ---: | --- |', ...rows].join('\n')
}

const VIA: Record<string, string> = { from: 'FROM', copy: 'COPY', mount: 'mount' }

function baseCell(base: BaseDescription): string {
  return base.kind === 'stage' ? `stage ${code(base.label.slice('stage '.length))}` : imageCode(base.label)
}

function roleCell(row: StageRow, target: number | null): string {
  if (row.role === 'ships') return row.index === target ? '**ships** (target)' : '**ships**'
  if (row.role === 'environment') return row.index === target ? '**environment** (target)' : 'environment'
  return row.role
}

function stageTable(rows: readonly StageRow[], target: number | null): string {
  const lines = rows.map((r) => {
    const deps = r.dependsOn.map((d) => `${d.stage === null ? imageCode(d.label) : code(d.label)} (${VIA[d.via]})`)
    return `| ${r.index} | ${code(r.label)} | ${baseCell(r.base)} | ${roleCell(r, target)} | ${r.instructions} | ${deps.length === 0 ? '—' : deps.join(', ')} |`
  })
  return ['| # | stage | base | role | instructions | depends on |', '| ---: | --- | --- | --- | ---: | --- |', ...lines].join('\n')
}

/** Registry answers by image and platform; undefined when there was no look-up. */
type Sizes = ReadonlyMap<string, ImageLookup> | undefined

function sizeText(size: BaseSize | null): string {
  if (size === null) return 'unknown'
  return `${formatSize(size)}, ${size.sizeSource === 'registry' ? 'from the registry' : 'estimate'}`
}

/** Every external base image with its size (the registry's, else the estimate), largest first. */
function baseImagesTable(rows: readonly StageRow[], sizes: Sizes): string | null {
  const bases = new Map<string, { base: BaseDescription; stages: string[] }>()
  for (const r of rows) {
    if (r.base.kind === 'stage') continue
    const entry = bases.get(r.base.label) ?? { base: r.base, stages: [] }
    entry.stages.push(r.label)
    bases.set(r.base.label, entry)
  }
  if (bases.size === 0) return null
  const entries = [...bases.values()].map((e) => ({ ...e, size: baseSize(e.base, sizes), lookup: lookupOf(e.base, sizes) }))
  entries.sort((a, b) => (b.size?.compressedSize ?? -1) - (a.size?.compressedSize ?? -1))
  const lines = entries.map((e) => {
    const family = e.size?.estimate === null || e.size === null ? '—' : escapeMarkdown(e.size.estimate.label)
    const sizeClass = e.size === null ? '—' : sizeClassOf(e.size.compressedSize / 1e6)
    return `| ${baseCell(e.base)} | ${list(e.stages, 4)} | ${family} | ${sizeClass} | ${e.size === null ? 'unknown' : formatSize(e.size)} | ${e.size === null ? '—' : e.size.sizeSource} |`
  })
  const failed = entries.flatMap((e) => (e.lookup?.ok === false ? [`${baseCell(e.base)}: ${escapeMarkdown(e.lookup.reason)}`] : []))
  const mismatched = entries.flatMap((e) => (e.lookup?.ok === true && e.lookup.platformMismatch !== null ? [`⚠️ ${baseCell(e.base)} is built for ${code(e.lookup.platformMismatch)}, not ${code(e.lookup.platform)}: the build would fail or run emulated (BuildKit's InvalidBaseImagePlatform).`] : []))
  const note =
    sizes === undefined
      ? `*Sizes are estimates from a built-in table (${ESTIMATES_AS_OF}), compressed, linux/amd64; the registry look-up gives real ones.*`
      : failed.length > 0
        ? `*Estimated because the registry look-up failed:* ${failed.join('; ')}`
        : ''
  const table = ['| base image | used by | family | size class | compressed size | source |', '| --- | --- | --- | --- | ---: | --- |', ...lines].join('\n')
  return [table, note, ...mismatched].filter((p) => p !== '').join('\n\n')
}

function packagesCell(lists: readonly PackageList[]): string {
  if (lists.length === 0) return '—'
  return lists.map((l) => `${l.manager}: ${list(l.packages)}`).join('; ')
}

function copiesCell(items: readonly { line: number; sources: string[]; destination: string | null; from?: string; stage?: number | null }[]): string {
  if (items.length === 0) return '—'
  const shown = items.slice(0, 6).map((c) => {
    const sources = list(c.sources.map((s) => (s.startsWith('<<') ? `inline file ${s.slice(2)}` : s === '' ? '(empty after expansion)' : s)), 4)
    const from = c.from === undefined ? '' : ` from ${c.stage === null ? imageCode(c.from) : code(c.from)}`
    return `${sources}${from} → ${c.destination === null ? '?' : code(c.destination)} (line ${c.line})`
  })
  return items.length > 6 ? `${shown.join('<br>')}<br>+${items.length - 6} more` : shown.join('<br>')
}

/** Where a final-image value comes from, in words. */
function originText(origin: ValueOrigin): string {
  switch (origin.kind) {
    case 'here':
      return `set here (line ${origin.line})`
    case 'stage':
      return `inherited from stage ${code(origin.stage)} (line ${origin.line})`
    case 'config':
      return `inherited from ${imageCode(origin.image)} (its config, from the registry)`
    case 'known':
      return `${imageCode(origin.image)} is ${escapeMarkdown(origin.why)}`
    default:
      return "Docker's default"
  }
}

/** A value with its build arguments named (`${PORT}`: a build argument, no default here). */
function valueText(v: EffectiveValue): string {
  const args = v.buildArgs.length === 0 ? '' : ` (build argument${v.buildArgs.length > 1 ? 's' : ''} ${v.buildArgs.map((a) => code(a)).join(', ')}, no default here)`
  return `${code(clip(v.value ?? ''))}${args}`
}

function userCell(user: EffectiveImage['user']): string {
  const where = originText(user.origin)
  if (user.origin.kind === 'known') return `not root: ${where}`
  if (user.value === null) return "⚠️ not set here: the base image's default (root unless the base image sets a user; the registry look-up tells)"
  if (user.root === true) return `⚠️ ${code(user.value)} (root) — ${user.origin.kind === 'config' ? `${where}, which sets no other user` : user.origin.kind === 'default' ? 'the image has no user of its own' : where}`
  return `${valueText(user)} — ${where}`
}

/**
 * The shipped image at a glance: only the rows that say something, each runtime setting with
 * where it comes from (src/graph/effective.ts, which the rules read too).
 */
function finalImageTable(analysis: FileAnalysis, image: ShippedImage, sizes: Sizes): string {
  const stages = analysis.model.stages
  const chain = [...image.chain].reverse().map((i) => code(stageLabel(stages[i] as Stage)))
  const size = baseSize(image.base, sizes)
  const lookup = lookupOf(image.base, sizes)
  const facts = lookup?.ok === true ? (lookup.config?.facts ?? null) : null
  const effective = effectiveImage(analysis.model, image.target, facts)
  const baseText = `${baseCell(image.base)}${size === null ? '' : ` — ${size.estimate === null ? '' : `${escapeMarkdown(size.estimate.label)}, `}${sizeClassOf(size.compressedSize / 1e6)}, ${sizeText(size)}`}`
  const left = describeLeftBehind(analysis.model, analysis.graph)
  const leftStages = left.stages.map((s) => `${code(s.label)} on ${baseCell(s.base)}${((b) => (b === null ? '' : ` (${sizeText(b)})`))(baseSize(s.base, sizes))}`)
  const setting = (label: string, v: EffectiveValue): [string, string] | null => (v.value === null ? null : [label, `${label === 'healthcheck' && v.value === 'NONE' ? 'disabled (NONE)' : valueText(v)} — ${originText(v.origin)}`])
  // Ports grouped by where they come from: `8080`, `8443` — set here (line 9).
  const byOrigin = new Map<string, string[]>()
  for (const p of effective.ports) byOrigin.set(originText(p.origin), [...(byOrigin.get(originText(p.origin)) ?? []), valueText(p)])
  const ports = [...byOrigin].map(([where, values]) => `${values.length > 8 ? `${values.slice(0, 8).join(', ')} +${values.length - 8} more` : values.join(', ')} — ${where}`)
  const rows: ([string, string] | null)[] = [
    ['base chain', `${chain.join(' ← ')} ← ${baseText}`],
    image.platform === null ? null : ['platform', code(image.platform)],
    ['user', userCell(effective.user)],
    setting('workdir', effective.workdir),
    ports.length === 0 ? null : ['exposed ports', ports.join('; ')],
    setting('entrypoint', effective.entrypoint),
    setting('cmd', effective.cmd),
    setting('healthcheck', effective.healthcheck),
    image.contextFiles.length === 0 ? null : ['files from the build context', copiesCell(image.contextFiles)],
    image.artifacts.length === 0 ? null : ['artifacts from other stages and images', copiesCell(image.artifacts)],
    image.packages.length === 0 ? null : ['packages installed', packagesCell(image.packages)],
    image.envNames.length === 0 ? null : ['ENV (names only)', list(image.envNames, 12)],
    leftStages.length === 0 ? null : ['**left behind** in build stages', `${leftStages.join(', ')}${left.packages.length > 0 ? `; ${packagesCell(left.packages)}` : ''}`]
  ]
  return ['| | what ships |', '| --- | --- |', ...rows.flatMap((r) => (r === null ? [] : [`| ${r[0]} | ${r[1]} |`]))].join('\n')
}

function clip(text: string, max = 100): string {
  // A code point is at most two UTF-16 units: the first max of them lie in the first 2 × max units (never spread a 25 MB word).
  const chars = [...text.slice(0, 2 * max + 2)]
  return chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : text
}

function builtImageSection(result: BuiltImageResult): string {
  if ('reason' in result) return `**Built image** ${imageCode(result.image)}: could not be read (${escapeMarkdown(result.reason)}).`
  const added = result.compressedSize - result.baseSize
  const head = `**Built image** ${imageCode(result.image)} (${escapeMarkdown(result.platform)}): ${formatBytes(result.compressedSize)} compressed in ${plural(result.layers.length, 'layer')} — the base image ${formatBytes(result.baseSize)} in ${plural(result.baseLayers, 'layer')}, this Dockerfile adds ${formatBytes(added)}.`
  const shown = result.layers.slice(-30)
  const rows = shown.map((l) => {
    const from = l.origin === 'base image' ? 'base image' : l.origin === 'unknown' ? '?' : `${code(l.stage ?? '')}, line ${l.line ?? '?'}${l.copiedFrom === null ? '' : ` (from ${imageCode(l.copiedFrom)})`}`
    return `| ${l.index} | ${formatBytes(l.size)} | ${from} | ${code(l.createdBy === '' ? '(no history)' : l.createdBy)} |`
  })
  const hidden = result.layers.length - shown.length
  const table = ['| layer | size | from | made by |', '| ---: | ---: | --- | --- |', ...rows].join('\n')
  const largest = `Largest: ${result.largest.map((l) => `layer ${l.index} ${formatBytes(l.size)}`).join(', ')}.`
  const waste = result.waste.length === 0 ? '' : `\n\n${result.waste.map((w) => `- ${escapeMarkdown(w)}`).join('\n')}`
  return `${head}${hidden > 0 ? ` The ${hidden} lowest layers are not listed.` : ''}\n\n${table}\n\n${largest}${waste}`
}

/** The base image's size, and how much it changed: exact bytes when the registry gave both, else estimates. */
function sizeChange(before: BaseDescription | null, after: BaseDescription | null, sizes: Sizes): { before: string; after: string } {
  const a = before === null ? null : baseSize(before, sizes)
  const b = after === null ? null : baseSize(after, sizes)
  const one = (x: BaseSize | null): string => (x === null ? '' : ` (${formatSize(x)}${x.sizeSource === 'registry' ? '' : ', estimate'})`)
  if (a === null || b === null) return { before: one(a), after: one(b) }
  const d = b.compressedSize - a.compressedSize
  const exact = a.sizeSource === 'registry' && b.sizeSource === 'registry'
  const change = d === 0 ? 'same size' : `${d > 0 ? '+' : '−'}${exact ? formatBytes(Math.abs(d)) : `${Math.round(Math.abs(d) / 1e6)} MB`}`
  return { before: ` (${formatSize(a)})`, after: ` (${formatSize(b)}, ${change}${exact ? ', compressed, from the registry' : ', estimates'})` }
}

/** Rule ids with their counts: `unused-stage` ×2, `pip-cache`. */
function ruleCounts(findings: readonly Finding[], max = 6): string {
  const counts = new Map<string, number>()
  for (const f of findings) counts.set(f.rule, (counts.get(f.rule) ?? 0) + 1)
  return list([...counts].map(([rule, n]) => (n === 1 ? rule : `${rule}\u0000${n}`)), max, (r) => {
    const [rule, n] = r.split('\u0000')
    return n === undefined ? `\`${rule}\`` : `\`${rule}\` ×${n}`
  })
}

/** Before → after, in the shape of Docker Scout's compare: stages, the shipped base and its size, new and fixed findings. */
function deltaTable(delta: FileDelta, before: FileAnalysis, after: FileAnalysis, sizes: Sizes): string {
  const changes = [
    ...(delta.stagesAdded.length > 0 ? [`added ${list(delta.stagesAdded)}`] : []),
    ...(delta.stagesRemoved.length > 0 ? [`removed ${list(delta.stagesRemoved)}`] : []),
    ...delta.stagesRenamed.map((r) => `${code(r.from)} renamed to ${code(r.to)}`)
  ]
  const rows: [string, string, string][] = [['stages', String(before.model.stages.length), `${after.model.stages.length}${changes.length > 0 ? `: ${changes.join('; ')}` : ''}`]]
  const { before: b, after: a } = delta.finalBase
  if (b !== null || a !== null) {
    const size = sizeChange(b, a, sizes)
    const same = b !== null && a !== null && b.label === a.label
    rows.push(['shipped base image', b === null ? '—' : `${baseCell(b)}${size.before}`, a === null ? '—' : same ? 'unchanged' : `${baseCell(a)}${size.after}`])
  }
  rows.push(['new findings', '', delta.newInHead.length === 0 ? '0' : `**${delta.newInHead.length}**: ${ruleCounts(delta.newInHead)}`])
  rows.push(['fixed findings', '', delta.fixedFindings.length === 0 ? '0' : `${delta.fixedFindings.length}: ${ruleCounts(delta.fixedFindings)}`])
  return ['| | before | after |', '| --- | --- | --- |', ...rows.map(([k, x, y]) => `| ${k} | ${x} | ${y} |`)].join('\n')
}

export type { PreviousVersion }

/** Where the builds of the file come from, in one line (or that none names it: the last stage is assumed). */
function builtByLine(builds: readonly BuildDefinition[] | undefined): string | null {
  if (builds === undefined || builds.length === 0) return null
  const shown = builds.slice(0, 4).map((b) => {
    const what = [b.targetUnknown ? 'target unknown' : b.target === null ? 'last stage' : `target ${code(b.target)}`, ...(b.push === true ? ['pushed'] : [])]
    return `${code(`${b.source.file}:${b.source.line}`)} (${what.join(', ')})`
  })
  const more = builds.length - shown.length
  return `*Built by* ${shown.join(', ')}${more > 0 ? ` and ${more} more` : ''}.`
}

/** Said once per file when a built image is a build environment: the runtime-image rules skip it. */
function purposeLine(analysis: FileAnalysis): string | null {
  const environments = analysis.graph.targets.filter((t) => t.purpose === 'environment')
  if (environments.length === 0) return null
  const stages = analysis.model.stages
  const each = environments.map((t) => `${code(stageLabel(stages[t.stage] as Stage))} ${escapeMarkdown(`because ${t.because}`)}`)
  return `*Treated as a build environment (no runtime-image checks):* ${each.join('; ')}. Set \`images:\` in \`.stagecraft.yml\` to change it.`
}

type Detail = 'full' | 'compact'

/** A closed `<details>` (its summary is plain text in an HTML block); the blank line after </summary> is what makes GitHub render the Markdown inside. */
function details(summary: string, body: string): string {
  return `<details>\n<summary>${escapeHtml(summary)}</summary>\n\n${body}\n\n</details>`
}

function stagesSection(analysis: FileAnalysis, rows: readonly StageRow[], image: ShippedImage | null, detail: Detail, sizes: Sizes, built: BuiltImageResult | undefined, context: readonly string[]): string | null {
  if (rows.length === 0) return context.length === 0 ? null : context.join('\n\n')
  const parts = [...context, stageTable(rows, analysis.graph.target)]
  const titled = ['table']
  if (detail === 'full') {
    const picture = stageGraphMermaid(rows, analysis.graph)
    if (picture === null) parts.push('*The stage graph is too large to draw; the table above has it all.*')
    else {
      parts.push(`\`\`\`mermaid\n${picture.source}\n\`\`\``)
      const said = [
        ...(picture.foldedUnused.length > 0 ? [`${plural(picture.foldedUnused.length, 'unused stage')} (${list(picture.foldedUnused, 8)}) drawn as one node`] : []),
        ...(picture.leftOut.length > 0 ? [`${plural(picture.leftOut.length, 'stage')} left out to keep it readable: ${list(picture.leftOut, 8)}`] : [])
      ]
      if (said.length > 0) parts.push(`*The graph shows the built targets' stages and what they need; ${said.join('; ')}. The table has every stage.*`)
      titled.push('graph')
    }
    const bases = baseImagesTable(rows, sizes)
    if (bases !== null) {
      parts.push(`**Base images**\n\n${bases}`)
      titled.push('base images')
    }
    if (image !== null) {
      parts.push(`**Final image** (target ${code(stageLabel(analysis.model.stages[image.target] as Stage))})\n\n${finalImageTable(analysis, image, sizes)}`)
      titled.push('final image')
    }
    if (built !== undefined) {
      parts.push(builtImageSection(built))
      titled.push('built image')
    }
  }
  return details(`${plural(rows.length, 'stage')}: ${titled.join(', ')}`, parts.join('\n\n'))
}

function fileSection(file: SummarisedFile, detail: Detail, sizes: Sizes, built: BuiltImageResult | undefined, links: Links, change: string): string {
  const { analysis, previous } = file
  const rows = describeStages(analysis.model, analysis.graph)
  const image = describeShippedImage(analysis.model, analysis.graph)
  const runtime = shownTarget(analysis.graph)?.purpose !== 'environment'
  const split = pullRequestFindings(file)
  const facts = [plural(rows.length, 'stage'), ...(image === null ? [] : [`${runtime ? 'ships' : 'a build environment'} on ${baseCell(image.base)}`])]
  const parts: string[] = [`#### ${code(analysis.path)}\n\n${facts.join(' · ')}`]
  if (previous === 'new') parts.push(`**New file** in ${change}: every finding is new.`)
  else if (previous !== undefined) parts.push(deltaTable(compareVersions(previous, analysis), previous, analysis, sizes))
  const title = split.compared ? `New in ${change}` : 'Findings'
  if (split.fresh.length === 0) parts.push(split.compared ? '**No new findings.**' : '**Findings:** none.')
  else parts.push(`**${title}** (${counts(split.fresh)})\n\n${findingsTable(split.fresh, analysis, links, split.compared)}`)
  if (split.old.length > 0) {
    const summary = `${plural(split.old.length, 'finding')} already there before ${change} (${counts(split.old)})`
    parts.push(detail === 'full' ? details(summary, findingsTable(split.old, analysis, links)) : `*${summary}: not listed, to keep this short.*`)
  }
  // Where the builds come from and which images are build environments: context, after the findings.
  const context = [builtByLine(file.builds), purposeLine(analysis)].filter((l): l is string => l !== null)
  const stages = stagesSection(analysis, rows, image, detail, sizes, built, context)
  if (stages !== null) parts.push(stages)
  return `${parts.join('\n\n')}\n`
}

/** What a summary shows: a review (src/review) or anything shaped like one. */
export interface SummarisedFile {
  path: string
  analysis: FileAnalysis
  previous?: PreviousVersion
  builds?: readonly BuildDefinition[]
}

export interface Summarised {
  files: readonly SummarisedFile[]
  /** Dockerfiles the change deletes. */
  removed?: readonly string[]
  /** Said under the status line (e.g. "the PR has more than 3,000 files"). */
  notes?: readonly string[]
  /** Registry look-ups by image and platform (`sizeKey`); without them sizes are estimates. */
  sizes?: ReadonlyMap<string, ImageLookup>
  /** The image the workflow built, by Dockerfile path. */
  builtImages?: ReadonlyMap<string, BuiltImageResult>
}

/** The three summaries (check run, comment, job summary) differ in budget and marker only. */
export interface SummaryOptions {
  /** Where rule links point (the version that ran). */
  links: Links
  /** Hidden marker put first, so the sticky comment can be found again. */
  marker?: string
  /** Where the full report is, said when the body had to be shortened. */
  fullReportHint?: string
  limit?: number
  /** What the "before" is compared with, as the text names it (default `this pull request`; a push says `this push`). */
  change?: string
  /** Notes to show instead of the review's own (a publisher's list grows as channels fail). */
  notes?: readonly string[]
}

function statusLine(files: readonly SummarisedFile[], removed: number, change: string): string {
  if (files.length === 0) return removed > 0 ? `${plural(removed, 'Dockerfile')} removed, none changed.` : 'No Dockerfile changed.'
  const splits = files.map(pullRequestFindings)
  const fresh = splits.flatMap((s) => s.fresh)
  const old = splits.reduce((n, s) => n + s.old.length, 0)
  const t = tally(fresh)
  const icon = t.error > 0 ? '❌' : t.warning > 0 ? '⚠️' : t.info > 0 ? 'ℹ️' : '✅'
  const reviewed = `${plural(files.length, 'Dockerfile')} reviewed`
  const already = old === 0 ? '' : `; ${plural(old, 'finding')} ${old === 1 ? 'was' : 'were'} already there`
  if (!splits.some((s) => s.compared)) return fresh.length === 0 ? `✅ ${reviewed}: no findings.` : `${icon} ${reviewed}: ${plural(t.error, 'error')}, ${plural(t.warning, 'warning')}, ${t.info} info.`
  if (fresh.length === 0) return `✅ ${reviewed}: ${change} adds no findings${already}.`
  return `${icon} ${reviewed}: ${change} adds **${counts(fresh)}**${already}.`
}

/** Code points without copying the string into an array (a summary can be megabytes long). */
function codePoints(s: string): number {
  let n = s.length
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i)
    // A high surrogate followed by a low one is one code point in two UTF-16 units.
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1)
      if (d >= 0xdc00 && d <= 0xdfff) {
        n--
        i++
      }
    }
  }
  return n
}

export function summaryMarkdown(review: Summarised, options: SummaryOptions): string {
  const limit = options.limit ?? COMMENT_LIMIT
  const change = options.change ?? 'this pull request'
  const removed = review.removed ?? []
  const head = [options.marker ?? '', '### Stagecraft', '', statusLine(review.files, removed.length, change), ...(options.notes ?? review.notes ?? []).map((n) => `\n> ${escapeMarkdown(n)}`), ''].filter((l, i) => i > 0 || l !== '').join('\n')
  const tail = removed.length === 0 ? '' : `\n**Removed by ${change}:** ${list(removed, 20)}\n`
  for (const detail of ['full', 'compact'] as const) {
    const body = `${head}\n${review.files.map((f) => fileSection(f, detail, review.sizes, review.builtImages?.get(f.path), options.links, change)).join('\n')}${tail}`
    if (codePoints(body) <= limit) return body
  }
  // Still too long: one line per file, worst first, as many as fit.
  const hint = options.fullReportHint ?? 'the job summary'
  const lines = review.files
    .map((f) => ({ path: f.analysis.path, split: pullRequestFindings(f) }))
    .sort((a, b) => b.split.fresh.filter((f) => f.severity === 'error').length - a.split.fresh.filter((f) => f.severity === 'error').length)
    .map(({ path, split }) => `| ${code(path)} | ${counts(split.fresh)} | ${split.old.length === 0 ? '—' : counts(split.old)} |`)
  const note = `\nThe full report did not fit in ${limit.toLocaleString('en-US')} characters: see ${hint}.\n\n| file | ${review.files.some((f) => f.previous !== undefined) ? change : 'findings'} | already there |\n| --- | --- | --- |\n`
  let body = `${head}${note}`
  let used = codePoints(body)
  let shown = 0
  for (const line of lines) {
    const size = codePoints(line) + 1
    if (used + size + 200 > limit) break
    body += `${line}\n`
    used += size
    shown++
  }
  if (shown < lines.length) body += `\n…and ${lines.length - shown} more files.\n`
  return body
}
