/** What the rule docs must say, derived from the rule metadata so the two cannot drift apart. */
import type { Category, Rule, RuleMeta } from './types.js'

export function scopeLabel(meta: RuleMeta): string {
  return meta.scope === 'all' ? 'all stages' : 'shipped stages only'
}

/** hadolint's page for one of its rules (its wiki). */
export function hadolintUrl(code: string): string {
  return `https://github.com/hadolint/hadolint/wiki/${code}`
}

/** BuildKit's check names in the URL form of Docker's docs: JSONArgsRecommended → json-args-recommended. */
export function kebabCase(name: string): string {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1-$2')
    .toLowerCase()
}

/** Docker's page for one of BuildKit's build checks. */
export function buildkitUrl(name: string): string {
  return `https://docs.docker.com/reference/build-checks/${kebabCase(name)}/`
}

/** The quote line under a doc page's title, linking the equivalents' own documentation. */
export function metaLine(meta: RuleMeta): string {
  const parts = [meta.title, meta.experimental === true ? `off by default (${meta.severity} when on)` : meta.severity, meta.category, scopeLabel(meta)]
  if (meta.equivalents.hadolint !== null) parts.push(`hadolint [${meta.equivalents.hadolint}](${hadolintUrl(meta.equivalents.hadolint)})`)
  if (meta.equivalents.buildkit !== null) parts.push(`BuildKit [${meta.equivalents.buildkit}](${buildkitUrl(meta.equivalents.buildkit)})`)
  return `> ${parts.join(' · ')}`
}

export const SILENCE_HEADING = '## How to silence this'

/**
 * Rules whose findings sit on a comment or on the file's first line, not on an instruction, so
 * an ignore comment above an instruction cannot reach them (the docs test keeps this list true).
 */
export const NOT_ON_AN_INSTRUCTION: ReadonlySet<string> = new Set(['inline-ignore', 'invalid-definition-description', 'invalid-suppression', 'unknown-target'])

/**
 * The section every rule page ends with: how to silence the rule on one instruction, in one
 * file (ours and the peers' comments, which Stagecraft honours), and everywhere (its level in
 * the configuration). The docs test checks that each way does silence the page's Bad example.
 */
export function silenceSection(meta: RuleMeta): string {
  const { hadolint, buildkit } = meta.equivalents
  const peers = [
    hadolint === null ? null : NOT_ON_AN_INSTRUCTION.has(meta.id) ? `\`# hadolint global ignore=${hadolint}\` (hadolint's comment) works too` : `\`# hadolint ignore=${hadolint}\` on the line above (hadolint's comment) works too`,
    buildkit === null ? null : `BuildKit's directive \`# check=skip=${buildkit}\` at the top of the file skips it for the whole file, for \`docker build\` as well`
  ].filter((p): p is string => p !== null)
  const everywhere =
    meta.experimental === true
      ? ['It is off by default; to turn it on, or back off, for every Dockerfile, set its level in `.stagecraft.yml`:', '', '```yaml', 'rules:', `  ${meta.id}: warning   # off, info, warning or error`, '```']
      : ['For every Dockerfile, set its level in `.stagecraft.yml` (or `--rule ' + meta.id + '=off` on the command line):', '', '```yaml', 'rules:', `  ${meta.id}: off   # or info, warning, error`, '```']
  const sentences = peers.map((p) => `${p}.`).join(' ')
  const perInstruction = !NOT_ON_AN_INSTRUCTION.has(meta.id)
  const oneInstruction = perInstruction ? ['For one instruction, put a comment on the line above it:', '', '```dockerfile', `# stagecraft-ignore ${meta.id}`, '```', ''] : []
  const file = perInstruction
    ? `For the whole file, \`# stagecraft-ignore-file ${meta.id}\` anywhere in it.`
    : `Its findings are on a comment or on the first line, not on an instruction, so an ignore comment above an instruction does not reach them: for the whole file, write \`# stagecraft-ignore-file ${meta.id}\` anywhere in it.`
  return [
    SILENCE_HEADING,
    '',
    ...oneInstruction,
    `${file}${sentences === '' ? '' : ` ${sentences}`}`,
    '',
    ...everywhere,
    ''
  ].join('\n')
}

/** A page with its metadata line and its closing "How to silence this" section as generated. */
export function withGeneratedParts(page: string, meta: RuleMeta): string {
  const lines = page.split('\n')
  lines[2] = metaLine(meta)
  const text = lines.join('\n')
  const at = text.indexOf(`\n${SILENCE_HEADING}\n`)
  const body = (at < 0 ? text : text.slice(0, at)).trimEnd()
  return `${body}\n\n${silenceSection(meta)}`
}

/** docs/rules/README.md: one row per rule. */
export function rulesIndex(rules: readonly Rule[]): string {
  const rows = documentationOrder(rules).map(({ meta }) => {
    const { hadolint, buildkit } = meta.equivalents
    const cells = [`[\`${meta.id}\`](${meta.id}.md)`, meta.title, meta.experimental === true ? 'off' : meta.severity, meta.category, scopeLabel(meta), hadolint === null ? '' : `[${hadolint}](${hadolintUrl(hadolint)})`, buildkit === null ? '' : `[${buildkit}](${buildkitUrl(buildkit)})`]
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

const CATEGORY_ORDER: readonly Category[] = ['correctness', 'structure', 'size', 'cache', 'security', 'style']
const CATEGORY_LABEL: Record<Category, string> = { correctness: 'correctness', structure: 'structure', size: 'size (what ships)', cache: 'cache', security: 'security', style: 'style' }

/** Rules in documentation order: by category, then id. */
export function documentationOrder<T extends { meta: RuleMeta }>(rules: readonly T[]): T[] {
  return [...rules].sort((a, b) => CATEGORY_ORDER.indexOf(a.meta.category) - CATEGORY_ORDER.indexOf(b.meta.category) || a.meta.id.localeCompare(b.meta.id))
}

/** A rule module as the registry sees it: `src/rules/<id>.ts` exporting one rule constant. */
export interface RuleModule {
  id: string
  exportName: string
}

/**
 * The rule a source file defines, read from its text (the registry cannot import what it does
 * not list yet): a file `<id>.ts` that exports one constant and names its own id.
 */
export function ruleModuleOf(fileName: string, text: string): RuleModule | null {
  const id = fileName.replace(/\.ts$/, '')
  const exported = [...text.matchAll(/^export const (\w+)\b/gm)]
  if (exported.length !== 1 || !text.includes(`'${id}'`)) return null
  return { id, exportName: (exported[0] as RegExpMatchArray)[1] as string }
}

/** src/rules/registry.ts, generated by `npm run docs` from the rule files. */
export function registrySource(modules: readonly RuleModule[]): string {
  const ordered = [...modules].sort((a, b) => a.id.localeCompare(b.id))
  return [
    '/** Every rule, by id. Generated by `npm run docs` from the files src/rules/<id>.ts: do not edit. */',
    ...ordered.map((m) => `import { ${m.exportName} } from './${m.id}.js'`),
    "import type { Rule } from './types.js'",
    '',
    'export const RULES: readonly Rule[] = [',
    ordered.map((m) => `  ${m.exportName}`).join(',\n'),
    ']',
    '',
    'export function ruleById(id: string): Rule | undefined {',
    '  return RULES.find((r) => r.meta.id === id)',
    '}',
    ''
  ].join('\n')
}

export const README_RULES_START = '<!-- rules: generated by npm run docs -->'
export const README_RULES_END = '<!-- /rules -->'

/** The README's rule section between its markers: the count and a table by category. */
export function readmeRules(rules: readonly Rule[]): string {
  const note = (meta: RuleMeta): string => (meta.experimental === true ? ' (off by default)' : (meta.options ?? []).length > 0 ? ' (configured)' : '')
  const rows = CATEGORY_ORDER.flatMap((category) => {
    const ids = documentationOrder(rules.filter((r) => r.meta.category === category)).map((r) => `\`${r.meta.id}\`${note(r.meta)}`)
    return ids.length === 0 ? [] : [`| ${CATEGORY_LABEL[category]} | ${ids.join(', ')} |`]
  })
  return [
    README_RULES_START,
    `${rules.length} rules, one page each in [\`docs/rules/\`](docs/rules/README.md) (why, a bad and a good example,`,
    "links to the hadolint and BuildKit equivalents' docs, and how to silence it; a test checks that every",
    'bad example triggers its rule, every good one does not, and every way to silence it works). List',
    'them with `npx stagecraft --list-rules`.',
    '',
    '| category | rules |',
    '| --- | --- |',
    ...rows,
    README_RULES_END
  ].join('\n')
}

/** The README with its rule section replaced; null when it has no markers. */
export function withReadmeRules(readme: string, rules: readonly Rule[]): string | null {
  const start = readme.indexOf(README_RULES_START)
  const end = readme.indexOf(README_RULES_END)
  if (start < 0 || end < start) return null
  return readme.slice(0, start) + readmeRules(rules) + readme.slice(end + README_RULES_END.length)
}
