/**
 * The Markdown that the sticky comment and the job summary show: a status line, then per file a
 * collapsible section with the PR's delta, the stage table and its Mermaid picture, the base
 * images' estimated sizes, the final image's breakdown (and what stays behind), and the findings
 * grouped by stage. Pure.
 *
 * Everything taken from a Dockerfile is escaped, so a file cannot ping people, link issues,
 * inject HTML or break a table; ARG/ENV values are never printed, only names. The body never
 * exceeds GitHub's comment limit: past it, sections drop the picture and the breakdown, then
 * give way to one line of counts per file and a pointer.
 */

import { describeLeftBehind, describeShippedImage, describeStages, stageLabel } from '../graph/image.js'
import { tally, type Finding, type Severity, findingText } from '../model/finding.js'
import type { Stage } from '../model/dockerfile.js'
import { ruleDocUrl, type Links } from './links.js'
import { compareVersions, type FileDelta, type PreviousVersion } from '../enrich/delta.js'
import { stageGraphMermaid } from './mermaid.js'
import { effectiveImage, type EffectiveImage, type EffectiveValue, type ValueOrigin } from '../graph/effective.js'

import type { BuiltImageResult } from '../enrich/built-image.js'
import { ESTIMATES_AS_OF, sizeClassOf } from '../enrich/size-estimates.js'
import { baseSize, formatBytes, formatSize, lookupOf, type BaseSize } from '../enrich/sizes.js'
import { countFindings, plural } from './text.js'
import type { BaseDescription, ImageLookup, PackageList, ShippedImage, StageRow } from '../model/image.js'
import type { FileAnalysis } from '../model/analysis.js'
import type { BuildDefinition } from '../builds/types.js'

/** GitHub's comment body limit, in code points (the safe budget from the research notes). */
export const COMMENT_LIMIT = 65536

const ICONS: Record<Severity, string> = { error: '🔴', warning: '🟡', info: '🔵' }

const ENTITIES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '|': '&#124;',
  '`': '&#96;',
  '@': '&#64;',
  '#': '&#35;',
  '\\': '\\\\',
  '*': '\\*',
  _: '\\_',
  '[': '\\[',
  ']': '\\]',
  '~': '\\~',
  '\n': ' ',
  '\r': ''
}

/** Escapes text for a Markdown table cell or paragraph: no mentions, references, HTML or pipes. One pass. */
export function escapeMarkdown(text: string): string {
  let out = ''
  for (const c of text) out += ENTITIES[c] ?? c
  return out
}

function counts(findings: readonly Finding[]): string {
  const c = tally(findings)
  if (findings.length === 0) return 'no findings'
  return [c.error > 0 ? plural(c.error, 'error') : '', c.warning > 0 ? plural(c.warning, 'warning') : '', c.info > 0 ? `${c.info} info` : ''].filter((s) => s !== '').join(', ')
}

/** Dockerfile text in a code span: `<code>` decodes entities, so the escapes hold inside it. */
export function code(text: string): string {
  return `<code>${escapeMarkdown(text)}</code>`
}

/** At most `max` items, then "+N more". */
function list(items: readonly string[], max = 8, format: (s: string) => string = code): string {
  if (items.length === 0) return '—'
  const shown = items.slice(0, max).map(format).join(', ')
  return items.length > max ? `${shown} +${items.length - max} more` : shown
}

export function findingsTable(findings: readonly Finding[], links: Links): string {
  const rows = findings.map((f) => `| ${f.line === f.endLine ? f.line : `${f.line}–${f.endLine}`} | ${ICONS[f.severity]} ${f.severity} | [\`${f.rule}\`](${ruleDocUrl(links, f.rule)}) | ${escapeMarkdown(findingText(f))} |`)
  return ['| line | severity | rule | finding |', '| ---: | --- | --- | --- |', ...rows].join('\n')
}

/** Findings under a small heading per stage (in file order), then those about the whole file. */
function findingsByStage(analysis: FileAnalysis, links: Links): string {
  const groups = new Map<number | null, Finding[]>()
  for (const f of analysis.findings) groups.set(f.stage, [...(groups.get(f.stage) ?? []), f])
  const order = [...groups.keys()].sort((a, b) => (a === null ? 1 : b === null ? -1 : a - b))
  if (order.length === 1 && order[0] === null) return findingsTable(analysis.findings, links)
  return order
    .map((index) => {
      const stage = index === null ? undefined : analysis.model.stages[index]
      const title = stage === undefined ? '*Whole file*' : `*Stage ${code(stageLabel(stage))} (${analysis.graph.roles[stage.index] ?? 'unused'})*`
      return `${title}\n\n${findingsTable(groups.get(index) ?? [], links)}`
    })
    .join('\n\n')
}

const VIA: Record<string, string> = { from: 'FROM', copy: 'COPY', mount: 'mount' }

function baseCell(base: BaseDescription): string {
  return base.kind === 'stage' ? `stage ${code(base.label.slice('stage '.length))}` : code(base.label)
}

function roleCell(row: StageRow, target: number | null): string {
  if (row.role === 'ships') return row.index === target ? '**ships** (target)' : '**ships**'
  if (row.role === 'environment') return row.index === target ? '**environment** (target)' : 'environment'
  return row.role
}

function stageTable(rows: readonly StageRow[], target: number | null): string {
  const lines = rows.map((r) => {
    const deps = r.dependsOn.map((d) => `${code(d.label)} (${VIA[d.via]})`)
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
    return `| ${code(e.base.label)} | ${list(e.stages, 4)} | ${family} | ${sizeClass} | ${e.size === null ? 'unknown' : formatSize(e.size)} | ${e.size === null ? '—' : e.size.sizeSource} |`
  })
  const failed = entries.flatMap((e) => (e.lookup?.ok === false ? [`${code(e.base.label)}: ${escapeMarkdown(e.lookup.reason)}`] : []))
  const mismatched = entries.flatMap((e) => (e.lookup?.ok === true && e.lookup.platformMismatch !== null ? [`⚠️ ${code(e.base.label)} is built for ${code(e.lookup.platformMismatch)}, not ${code(e.lookup.platform)}: the build would fail or run emulated (BuildKit's InvalidBaseImagePlatform).`] : []))
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

function copiesCell(items: readonly { line: number; sources: string[]; destination: string | null; from?: string }[]): string {
  if (items.length === 0) return '—'
  const shown = items.slice(0, 6).map((c) => {
    const sources = list(c.sources.map((s) => (s.startsWith('<<') ? `inline file ${s.slice(2)}` : s === '' ? '(empty after expansion)' : s)), 4)
    const from = c.from === undefined ? '' : ` from ${code(c.from)}`
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
      return `inherited from ${code(origin.image)} (its config, from the registry)`
    case 'known':
      return `${code(origin.image)} is ${escapeMarkdown(origin.why)}`
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
  const chars = [...text]
  return chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : text
}

function builtImageSection(result: BuiltImageResult): string {
  if ('reason' in result) return `**Built image** ${code(result.image)}: could not be read (${escapeMarkdown(result.reason)}).`
  const added = result.compressedSize - result.baseSize
  const head = `**Built image** ${code(result.image)} (${escapeMarkdown(result.platform)}): ${formatBytes(result.compressedSize)} compressed in ${plural(result.layers.length, 'layer')} — the base image ${formatBytes(result.baseSize)} in ${plural(result.baseLayers, 'layer')}, this Dockerfile adds ${formatBytes(added)}.`
  const shown = result.layers.slice(-30)
  const rows = shown.map((l) => {
    const from = l.origin === 'base image' ? 'base image' : l.origin === 'unknown' ? '?' : `${code(l.stage ?? '')}, line ${l.line ?? '?'}${l.copiedFrom === null ? '' : ` (from ${code(l.copiedFrom)})`}`
    return `| ${l.index} | ${formatBytes(l.size)} | ${from} | ${code(l.createdBy === '' ? '(no history)' : l.createdBy)} |`
  })
  const hidden = result.layers.length - shown.length
  const table = ['| layer | size | from | made by |', '| ---: | ---: | --- | --- |', ...rows].join('\n')
  const largest = `Largest: ${result.largest.map((l) => `layer ${l.index} ${formatBytes(l.size)}`).join(', ')}.`
  const waste = result.waste.length === 0 ? '' : `\n\n${result.waste.map((w) => `- ${escapeMarkdown(w)}`).join('\n')}`
  return `${head}${hidden > 0 ? ` The ${hidden} lowest layers are not listed.` : ''}\n\n${table}\n\n${largest}${waste}`
}

/** How much the base changed: exact bytes when the registry gave both, else estimates. */
function sizeChange(before: BaseDescription | null, after: BaseDescription | null, sizes: Sizes): string {
  const a = before === null ? null : baseSize(before, sizes)
  const b = after === null ? null : baseSize(after, sizes)
  if (a === null || b === null) return ''
  const d = b.compressedSize - a.compressedSize
  const exact = a.sizeSource === 'registry' && b.sizeSource === 'registry'
  const change = d === 0 ? 'same size' : `${d > 0 ? '+' : '−'}${exact ? formatBytes(Math.abs(d)) : `${Math.round(Math.abs(d) / 1e6)} MB`}`
  return ` (${formatSize(a)} → ${formatSize(b)}, ${change}${exact ? ', compressed, from the registry' : ', estimates'})`
}

function deltaLines(delta: FileDelta, sizes: Sizes): string[] {
  const out: string[] = []
  if (delta.stagesAdded.length > 0) out.push(`stages added: ${list(delta.stagesAdded)}`)
  if (delta.stagesRemoved.length > 0) out.push(`stages removed: ${list(delta.stagesRemoved)}`)
  for (const r of delta.stagesRenamed) out.push(`stage ${code(r.from)} renamed to ${code(r.to)}`)
  const { before, after } = delta.finalBase
  if (before !== null && after !== null && before.label !== after.label) out.push(`final base image ${baseCell(before)} → ${baseCell(after)}${sizeChange(before, after, sizes)}`)
  const shortList = (fs: readonly Finding[]): string => list(fs.map((f) => f.rule), 6, (r) => `\`${r}\``)
  out.push(delta.newFindings.length === 0 ? 'no new findings' : `${plural(delta.newFindings.length, 'new finding')} (${shortList(delta.newFindings)})`)
  if (delta.fixedFindings.length > 0) out.push(`${plural(delta.fixedFindings.length, 'finding')} fixed (${shortList(delta.fixedFindings)})`)
  return out
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

function fileSection(analysis: FileAnalysis, previous: PreviousVersion | undefined, detail: Detail, sizes: Sizes, built: BuiltImageResult | undefined, builds: readonly BuildDefinition[] | undefined, links: Links): string {
  const hasErrors = analysis.findings.some((f) => f.severity === 'error')
  const rows = describeStages(analysis.model, analysis.graph)
  const image = describeShippedImage(analysis.model, analysis.graph)
  const runtime = analysis.graph.targets.find((t) => t.stage === analysis.graph.target)?.purpose !== 'environment'
  const ships = image === null ? '' : ` · ${runtime ? 'ships' : 'a build environment'} on ${baseCell(image.base)}`
  const summary = `<summary>${code(analysis.path)} — ${counts(analysis.findings)} · ${plural(rows.length, 'stage')}${ships}</summary>`
  // The blank line after </summary> is what makes GitHub render the Markdown inside.
  const parts: string[] = []
  const origin = builtByLine(builds)
  if (origin !== null) parts.push(origin)
  const purpose = purposeLine(analysis)
  if (purpose !== null) parts.push(purpose)
  if (previous === 'new') parts.push('**New file** in this pull request.')
  else if (previous !== undefined) parts.push(`**This pull request:** ${deltaLines(compareVersions(previous, analysis), sizes).join('; ')}.`)
  if (rows.length > 0) {
    parts.push(`**Stages**\n\n${stageTable(rows, analysis.graph.target)}`)
    if (detail === 'full') {
      const mermaid = stageGraphMermaid(rows, analysis.graph)
      parts.push(mermaid === null ? '*The stage graph is too large to draw; the table above has it all.*' : `\`\`\`mermaid\n${mermaid}\n\`\`\``)
      const bases = baseImagesTable(rows, sizes)
      if (bases !== null) parts.push(`**Base images**\n\n${bases}`)
      if (image !== null) parts.push(`**Final image** (target ${code(stageLabel(analysis.model.stages[image.target] as Stage))})\n\n${finalImageTable(analysis, image, sizes)}`)
      if (built !== undefined) parts.push(builtImageSection(built))
    }
  }
  parts.push(analysis.findings.length === 0 ? '**Findings:** none.' : `**Findings**\n\n${findingsByStage(analysis, links)}`)
  return `<details${hasErrors ? ' open' : ''}>\n${summary}\n\n${parts.join('\n\n')}\n\n</details>\n`
}

/** What a summary shows: a review (src/review) or anything shaped like one. */
export interface Summarised {
  files: readonly { path: string; analysis: FileAnalysis; previous?: PreviousVersion; builds?: readonly BuildDefinition[] }[]
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
  /** Notes to show instead of the review's own (a publisher's list grows as channels fail). */
  notes?: readonly string[]
}

function statusLine(analyses: readonly FileAnalysis[], removed: number): string {
  const t = countFindings(analyses)
  if (analyses.length === 0) return removed > 0 ? `${plural(removed, 'Dockerfile')} removed, none changed.` : 'No Dockerfile changed.'
  const total = t.error + t.warning + t.info
  if (total === 0) return `✅ ${plural(t.files, 'Dockerfile')} reviewed: no findings.`
  return `${t.error > 0 ? '❌' : t.warning > 0 ? '⚠️' : 'ℹ️'} ${plural(t.files, 'Dockerfile')} reviewed: ${plural(t.error, 'error')}, ${plural(t.warning, 'warning')}, ${t.info} info.`
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
  const removed = review.removed ?? []
  const analyses = review.files.map((f) => f.analysis)
  const head = [options.marker ?? '', '### Stagecraft', '', statusLine(analyses, removed.length), ...(options.notes ?? review.notes ?? []).map((n) => `\n> ${escapeMarkdown(n)}`), ''].filter((l, i) => i > 0 || l !== '').join('\n')
  const tail = removed.length === 0 ? '' : `\n**Removed by this pull request:** ${list(removed, 20)}\n`
  for (const detail of ['full', 'compact'] as const) {
    const body = `${head}\n${review.files.map((f) => fileSection(f.analysis, f.previous, detail, review.sizes, review.builtImages?.get(f.path), f.builds, options.links)).join('\n')}${tail}`
    if (codePoints(body) <= limit) return body
  }
  // Still too long: one line per file, worst first, as many as fit.
  const hint = options.fullReportHint ?? 'the job summary'
  const lines = [...analyses]
    .sort((a, b) => b.findings.filter((f) => f.severity === 'error').length - a.findings.filter((f) => f.severity === 'error').length)
    .map((a) => `| ${code(a.path)} | ${counts(a.findings)} |`)
  const note = `\nThe full report did not fit in ${limit.toLocaleString('en-US')} characters: see ${hint}.\n\n| file | findings |\n| --- | --- |\n`
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
