/**
 * A base image on a release line past its end of life gets no security fixes. Judged offline
 * from a dated table (src/rules/eol-data.ts, from endoflife.date): the language or server line a
 * tag names (`node:16-alpine` → Node.js 16), and the distribution release it is built on when the
 * tag says (`python:3.12-buster` → Debian 10). A warning for the shipped image, info within 90
 * days of the date and in build stages (they never reach users). Tags written through ARG
 * defaults count, and the finding points at that ARG.
 */
import { isDockerHub, parseImageReference } from '../parse/image-ref.js'
import type { Stage } from '../model/dockerfile.js'
import { EOL_TABLE, type EolLine } from './eol-data.js'
import { argBehindFrom, fromOrArg } from './helpers.js'
import type { Rule, RuleReport } from './types.js'

/** How long before the date a line is worth a note. */
const SOON_DAYS = 90

interface Product {
  /** endoflife.date's product id (the table's key). */
  id: string
  /** As a reader names it. */
  name: string
  /** The release line the tag names, or null (`latest`, `lts`, a variant without a version). */
  line(tag: string, image: string): string | null
}

const leading = (re: RegExp) => (tag: string) => re.exec(tag)?.[1] ?? null

const DEBIAN = EOL_TABLE.products.debian ?? []
const UBUNTU = EOL_TABLE.products.ubuntu ?? []

/** `bookworm`, `12`, `12.5-slim`, `bullseye-20240101` → the Debian line. */
function debianLine(tag: string): string | null {
  const number = /^(\d+)(?:[.-]|$)/.exec(tag)?.[1]
  if (number !== undefined) return number
  const name = tag.split(/[-.]/)[0] ?? ''
  return DEBIAN.find((l) => l.codename === name)?.line ?? null
}

function ubuntuLine(tag: string): string | null {
  const number = /^(\d\d\.\d\d)/.exec(tag)?.[1]
  if (number !== undefined) return number
  const name = tag.split(/[-.]/)[0] ?? ''
  return UBUNTU.find((l) => l.codename === name)?.line ?? null
}

/** Docker Hub official images (as `node`, `library/node`, `docker.io/library/node`) by repository name. */
const OFFICIAL: Readonly<Record<string, Product>> = {
  node: { id: 'nodejs', name: 'Node.js', line: leading(/^(\d+)(?:[.-]|$)/) },
  python: { id: 'python', name: 'Python', line: leading(/^(\d+\.\d+)(?:[.-]|$)/) },
  golang: { id: 'go', name: 'Go', line: leading(/^(1\.\d+)(?:[.-]|$)/) },
  debian: { id: 'debian', name: 'Debian', line: debianLine },
  ubuntu: { id: 'ubuntu', name: 'Ubuntu', line: ubuntuLine },
  alpine: { id: 'alpine', name: 'Alpine Linux', line: leading(/^(\d+\.\d+)(?:[.-]|$)/) },
  centos: { id: 'centos', name: 'CentOS', line: leading(/^(?:centos)?(\d+)(?:[.-]|$)/) },
  rockylinux: { id: 'rocky-linux', name: 'Rocky Linux', line: leading(/^(\d+)(?:[.-]|$)/) },
  almalinux: { id: 'almalinux', name: 'AlmaLinux', line: leading(/^(\d+)(?:[.-]|$)/) },
  amazonlinux: { id: 'amazon-linux', name: 'Amazon Linux', line: leading(/^(2023|2|1)(?:[.-]|$)/) },
  'eclipse-temurin': { id: 'eclipse-temurin', name: 'Eclipse Temurin', line: leading(/^(\d+)(?:[.u_-]|$)/) },
  amazoncorretto: { id: 'amazon-corretto', name: 'Amazon Corretto', line: leading(/^(\d+)(?:[.-]|$)/) },
  php: { id: 'php', name: 'PHP', line: leading(/^(\d+\.\d+)(?:[.-]|$)/) },
  ruby: { id: 'ruby', name: 'Ruby', line: leading(/^(\d+\.\d+)(?:[.-]|$)/) },
  nginx: { id: 'nginx', name: 'nginx', line: leading(/^(\d+\.\d+)(?:[.-]|$)/) },
  postgres: { id: 'postgresql', name: 'PostgreSQL', line: leading(/^(9\.6|\d{2})(?:[.-]|$)/) },
  mysql: { id: 'mysql', name: 'MySQL', line: leading(/^(\d+\.\d+)(?:[.-]|$)/) },
  redis: { id: 'redis', name: 'Redis', line: leading(/^(\d+\.\d+)(?:[.-]|$)/) }
}

/** Images outside Docker Hub's official set, by full repository name. */
function otherProduct(registry: string | null, name: string): Product | null {
  const repo = `${registry ?? ''}/${name}`
  if (/^mcr\.microsoft\.com\/dotnet\/(?:sdk|aspnet|runtime|runtime-deps)$/.test(repo)) return { id: 'dotnet', name: '.NET', line: leading(/^(\d+\.\d+)(?:[.-]|$)/) }
  // ubi8/ubi-minimal, redhat/ubi9, registry.access.redhat.com/ubi9: the line is in the name.
  const ubi = /(?:^|\/)ubi(\d+)(?:\/|$)/.exec(name)
  if (ubi !== null && (registry === null || /redhat\.(?:com|io)$/.test(registry) || name.startsWith('redhat/'))) return { id: 'rhel', name: 'Red Hat UBI', line: () => ubi[1] as string }
  if (registry === 'quay.io' && name === 'centos/centos') return { id: 'centos-stream', name: 'CentOS Stream', line: leading(/^stream(\d+)(?:[.-]|$)/) }
  if (isDockerHub(registry) && (name === 'rockylinux/rockylinux' || name === 'amazoncorretto/amazoncorretto')) return OFFICIAL[name.split('/')[0] === 'rockylinux' ? 'rockylinux' : 'amazoncorretto'] ?? null
  return null
}

/** The distribution a language image's tag names (`3.12-slim-bookworm`, `20-alpine3.16`, `17-jdk-focal`). */
function osOfTag(tag: string): { product: Product; line: string } | null {
  for (const part of tag.split('-')) {
    const debian = DEBIAN.find((l) => l.codename === part)
    if (debian !== undefined) return { product: OFFICIAL.debian as Product, line: debian.line }
    const ubuntu = UBUNTU.find((l) => l.codename === part)
    if (ubuntu !== undefined) return { product: OFFICIAL.ubuntu as Product, line: ubuntu.line }
    const alpine = /^alpine(\d+\.\d+)$/.exec(part)
    if (alpine !== null) return { product: OFFICIAL.alpine as Product, line: alpine[1] as string }
  }
  return null
}

/** `3.10` < `3.9` is false: release lines compare number by number. */
function compareLines(a: string, b: string): number {
  const x = a.split('.').map(Number)
  const y = b.split('.').map(Number)
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    const d = (x[i] ?? 0) - (y[i] ?? 0)
    if (d !== 0) return d
  }
  return 0
}

const daysBetween = (from: string, to: string): number => Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000)

/** A move is worth making to a line with at least this much support left (Node 22 with five months left is not). */
const WORTH_MOVING_DAYS = 365

/**
 * The oldest newer line with a year of support left, else the oldest newer one supported beyond
 * the warning window: the smallest move that lasts.
 */
export function nearestSupported(lines: readonly EolLine[], current: string, today: string): EolLine | null {
  const newer = lines.filter((l) => compareLines(l.line, current) > 0).sort((a, b) => compareLines(a.line, b.line))
  const lasting = newer.find((l) => l.eol === null || daysBetween(today, l.eol) > WORTH_MOVING_DAYS)
  return lasting ?? newer.find((l) => l.eol === null || daysBetween(today, l.eol) > SOON_DAYS) ?? null
}

export interface EolStatus {
  product: string
  line: string
  eol: string
  /** Days from today to the date (negative: past). */
  days: number
  /** The tag on the nearest supported line, when one can be written. */
  suggestion: string | null
  /** The line's code name (`bullseye`), when it has one. */
  codename?: string
}

/**
 * What the table says of a reference on a date: a pure function of the two, and the same few
 * base images recur across files, so each answer is worked out once (the table is bounded: a
 * run over many distinct references starts it over).
 */
const verdicts = new Map<string, readonly EolStatus[]>()
const MAX_VERDICTS = 4096

/** The end-of-life status of what an image reference names (its own line, then its OS line), for lines past or near their date. */
export function eolStatuses(reference: string, today: string): readonly EolStatus[] {
  const key = `${today}\n${reference}`
  let statuses = verdicts.get(key)
  if (statuses === undefined) {
    if (verdicts.size >= MAX_VERDICTS) verdicts.clear()
    statuses = Object.freeze(judge(reference, today).map((s) => Object.freeze(s)))
    verdicts.set(key, statuses)
  }
  return statuses
}

function judge(reference: string, today: string): EolStatus[] {
  const ref = parseImageReference(reference)
  if (ref === null || ref.tag === null) return []
  const tag = ref.tag.toLowerCase()
  const official = isDockerHub(ref.registry) ? OFFICIAL[ref.name.replace(/^library\//, '')] : undefined
  const product = official ?? otherProduct(ref.registry, ref.name)
  const found: { product: Product; line: string; swap: (next: EolLine) => string | null }[] = []
  const written = reference.slice(0, reference.length - ref.tag.length - (ref.digest === null ? 0 : ref.digest.length + 1))
  if (product !== null) {
    const line = product.line(tag, ref.name)
    if (line !== null) {
      const codename = (EOL_TABLE.products[product.id] ?? []).find((l) => l.line === line)?.codename
      found.push({
        product,
        line,
        swap: (next) => {
          if (product.id === 'rhel') return null
          if (codename !== undefined && tag.startsWith(codename) && next.codename !== undefined) return `${written}${next.codename}${tag.slice(codename.length)}`
          const prefix = /^(?:centos|stream)/.exec(tag)?.[0] ?? ''
          return tag.startsWith(`${prefix}${line}`) ? `${written}${prefix}${next.line}${tag.slice(prefix.length + line.length).replace(/^\.\d+(?:\.\d+)*/, '')}` : null
        }
      })
    }
  }
  // A language image's tag names the distribution under it; a distribution image's own tag was judged above.
  const os = product === null || ['debian', 'ubuntu', 'alpine'].includes(product.id) ? null : osOfTag(tag)
  if (os !== null) {
    const codename = (EOL_TABLE.products[os.product.id] ?? []).find((l) => l.line === os.line)?.codename
    found.push({
      product: os.product,
      line: os.line,
      swap: (next) => {
        if (codename !== undefined && next.codename !== undefined) return `${written}${tag.replace(codename, next.codename)}`
        return os.product.id === 'alpine' ? `${written}${tag.replace(`alpine${os.line}`, `alpine${next.line}`)}` : null
      }
    })
  }
  return found.flatMap(({ product: p, line, swap }) => {
    const lines = EOL_TABLE.products[p.id] ?? []
    const entry = lines.find((l) => l.line === line)
    if (entry === undefined || entry.eol === null) return []
    const days = daysBetween(today, entry.eol)
    if (days > SOON_DAYS) return []
    const next = nearestSupported(lines, line, today)
    return [{ product: p.name, line, eol: entry.eol, days, suggestion: next === null ? null : swap(next), ...(entry.codename === undefined ? {} : { codename: entry.codename }) }]
  })
}

const when = (s: EolStatus): string =>
  s.days < 0 ? `reached its end of life on ${s.eol}` : s.days === 0 ? `reaches its end of life today (${s.eol})` : `reaches its end of life on ${s.eol}, in ${s.days} days`

/**
 * The tag to move to: each line's suggestion applied in turn (`golang:1.22-alpine3.20` → Go's
 * next line, then Alpine's), so one finding gives one tag that fixes every line it names.
 */
function combinedSuggestion(reference: string, today: string): string | null {
  let current = reference
  for (let step = 0; step < 4; step++) {
    const next = eolStatuses(current, today).find((s) => s.suggestion !== null && s.suggestion !== current)?.suggestion
    if (next === undefined || next === null) break
    current = next
  }
  return current === reference ? null : current
}

/**
 * The folder (or file name) that says this file builds the ended release on purpose: one variant
 * of an image matrix, like docker-node's `22/bullseye-slim/Dockerfile` or dotnet-docker's
 * `monitor-base/9.0/…`. Its maintainers retire the variant when the release ends; retagging it
 * is not the fix. A word of the path must be the code name or the dotted line (`9.0`, `3.18`):
 * a bare number says too little.
 */
export function variantFolder(path: string | undefined, statuses: readonly EolStatus[]): string | null {
  if (path === undefined) return null
  const parts = path.split('/')
  for (const part of parts) {
    const words = part.toLowerCase().split(/[-_]/)
    const named = statuses.some((s) => words.some((w) => (s.codename !== undefined && w === s.codename) || (s.line.includes('.') && (w === s.line || w === `${s.product.toLowerCase()}${s.line}`))))
    if (named) return part
  }
  return null
}

function message(subject: string, statuses: readonly EolStatus[], suggestion: string | null, variant: string | null): string {
  const lines = statuses.map((s) => `${s.product} ${s.line} ${when(s)}`).join(', and ')
  const then = statuses.every((s) => s.days >= 0) ? 'after that it gets no security fixes' : 'it gets no security fixes'
  const move = suggestion === null ? 'move to a supported release' : `move to ${suggestion}`
  const said = `${subject}: ${lines} (${EOL_TABLE.source}, table of ${EOL_TABLE.takenOn}); ${then}`
  if (variant !== null) return `${said}; the folder ${variant} says this file builds that release on purpose: retire the variant when its time comes${suggestion === null ? '' : ` (or ${move})`}`
  return `${said}: ${move}`
}

export const baseImageEol: Rule = {
  meta: {
    id: 'base-image-eol',
    title: 'A base image is on a release line past its end of life',
    severity: 'warning',
    category: 'security',
    scope: 'all',
    equivalents: { hadolint: null, buildkit: null }
  },
  check: ({ model, graph, today, path }) => {
    const date = today ?? new Date().toISOString().slice(0, 10)
    // One finding per ARG line the tag comes from, naming every FROM that uses it; the strongest stage decides the level.
    const byArg = new Map<number, { report: RuleReport; froms: number[] }>()
    const reports: RuleReport[] = []
    for (const stage of model.stages as readonly Stage[]) {
      const role = graph.roles[stage.index]
      if (stage.base.kind !== 'image' || role === 'unused') continue
      const statuses = eolStatuses(stage.base.resolved, date)
      if (statuses.length === 0) continue
      const variant = variantFolder(path, statuses)
      const suggestion = combinedSuggestion(stage.base.resolved, date)
      const warn = role === 'ships' && statuses.some((s) => s.days < 0) && variant === null
      // The tag may come from an ARG default: the finding goes there, as base-image-latest's does.
      // Only an ARG that holds the tag (`ARG NODE_VERSION=16`), not one that names the repository (`ARG REPO=mcr…/aspnet`).
      const tag = parseImageReference(stage.base.resolved)?.tag ?? null
      const arg = tag === null ? null : argBehindFrom(model, stage, (value) => value !== '' && tag.includes(value))
      if (arg === null) {
        const { subject, ...at } = fromOrArg(stage, null)
        reports.push({ ...at, message: message(subject, statuses, suggestion, variant), stage: stage.index, ...(warn ? {} : { severity: 'info' as const }) })
        continue
      }
      const known = byArg.get(arg.line)
      if (known !== undefined) {
        known.froms.push(stage.line)
        known.report.alsoSuppressedAt = [...(known.report.alsoSuppressedAt ?? []), stage.line]
        known.report.message = message(`ARG ${arg.name}=${arg.value ?? ''} (used by FROM on lines ${known.froms.join(', ')})`, statuses, suggestion, variant)
        if (warn) delete known.report.severity
        continue
      }
      const { subject, ...at } = fromOrArg(stage, arg)
      const report: RuleReport = { ...at, message: message(subject, statuses, suggestion, variant), stage: stage.index, ...(warn ? {} : { severity: 'info' as const }) }
      byArg.set(arg.line, { report, froms: [stage.line] })
      reports.push(report)
    }
    return reports
  }
}
