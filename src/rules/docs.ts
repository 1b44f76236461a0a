/** What the rule docs must say, derived from the rule metadata so the two cannot drift apart. */
import type { Rule, RuleMeta } from './types.js'

export function scopeLabel(meta: RuleMeta): string {
  return meta.scope === 'all' ? 'all stages' : 'shipped stages only'
}

/** The quote line under a doc page's title. */
export function metaLine(meta: RuleMeta): string {
  const parts = [meta.title, meta.experimental === true ? `off by default (${meta.severity} when on)` : meta.severity, meta.category, scopeLabel(meta)]
  if (meta.equivalents.hadolint !== null) parts.push(`hadolint ${meta.equivalents.hadolint}`)
  if (meta.equivalents.buildkit !== null) parts.push(`BuildKit ${meta.equivalents.buildkit}`)
  return `> ${parts.join(' · ')}`
}

/** docs/rules/README.md: one row per rule. */
export function rulesIndex(rules: readonly Rule[]): string {
  const rows = rules.map(({ meta }) => {
    const cells = [`[\`${meta.id}\`](${meta.id}.md)`, meta.title, meta.experimental === true ? 'off' : meta.severity, meta.category, scopeLabel(meta), meta.equivalents.hadolint ?? '', meta.equivalents.buildkit ?? '']
    return `| ${cells.join(' | ')} |`
  })
  return [
    '# Rules',
    '',
    'Generated from the rule metadata (`npm run docs`); a test fails when this page is out of date.',
    '',
    '| rule | what | default | category | scope | hadolint | BuildKit |',
    '| --- | --- | --- | --- | --- | --- | --- |',
    ...rows,
    ''
  ].join('\n')
}
