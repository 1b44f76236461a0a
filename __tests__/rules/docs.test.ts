/**
 * Every rule has docs/rules/<id>.md with its metadata line, a "Why", and a bad and a good example;
 * the bad example must trigger the rule and the good one must not. The index page is generated.
 */
import { describe, expect, it } from '@jest/globals'
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { analyzeDockerfile } from '../../src/review/analyze.js'
import { emptyConfig, labelPolicy, type Config } from '../../src/config/config.js'
import { NOT_ON_AN_INSTRUCTION, SILENCE_HEADING, buildkitUrl, hadolintUrl, kebabCase, metaLine, registrySource, ruleModuleOf, rulesIndex, withGeneratedParts, withReadmeRules } from '../../src/rules/docs.js'
import { RULES } from '../../src/rules/registry.js'
import type { Rule } from '../../src/rules/types.js'
import { ROOT } from '../helpers/bundle.js'
import { estimateImageSize } from '../../src/enrich/size-estimates.js'
import type { SizeFact } from '../../src/model/image.js'
import { analyzeWithShellcheck } from '../helpers/shellcheck.js'

const DOCS = join(ROOT, 'docs/rules')

function example(doc: string, section: string): string | null {
  const match = new RegExp(`## ${section}\\n\\n\`\`\`dockerfile\\n([\\s\\S]*?)\`\`\``).exec(doc)
  return match?.[1] ?? null
}

describe('rule docs', () => {
  it.each(RULES.map((r) => [r.meta.id, r] as const))('%s has a page whose examples hold', async (id, rule) => {
    const path = join(DOCS, `${id}.md`)
    expect(existsSync(path)).toBe(true)
    // The metadata line (with the equivalents' links) and the closing section are generated.
    generated(path, withGeneratedParts(readFileSync(path, 'utf8'), rule.meta))
    const doc = readFileSync(path, 'utf8')
    const lines = doc.split('\n')
    expect(lines[0]).toBe(`# ${id}`)
    expect(lines[2]).toBe(metaLine(rule.meta))
    expect(doc).toContain('\n## Why\n')
    const options = Object.fromEntries(
      (/<!-- stagecraft-doc-test: (.*) -->/.exec(doc)?.[1] ?? '')
        .split(' ')
        .filter((o) => o.includes('='))
        .map((o) => [o.slice(0, o.indexOf('=')), o.slice(o.indexOf('=') + 1)])
    ) as Record<string, string>
    const target = options.target ?? null
    // The rule's own options, written in the page's test comment as name=value (lists comma-separated).
    const ruleOptions = Object.fromEntries(
      (rule.meta.options ?? []).flatMap((o) => {
        const text = options[o.name]
        if (text === undefined) return []
        return [[o.name, o.type === 'string-list' ? text.split(',') : o.type === 'boolean' ? text === 'true' : o.type === 'number' ? Number(text) : text]]
      })
    )
    const ignore = options.dockerignore
    const buildContext = ignore === undefined ? undefined : { dockerignore: ignore === 'none' ? null : ignore.split(',').join('\n'), dockerignorePath: '.dockerignore' }
    const bad = example(doc, 'Bad')
    const good = example(doc, 'Good')
    expect(bad).not.toBeNull()
    expect(good).not.toBeNull()
    // The label schema, written as labels=key:type,key:type label-preset=oci strict-labels=true.
    const labelSchema = Object.fromEntries((options.labels ?? '').split(',').filter((e) => e.includes(':')).map((e) => [e.slice(0, e.lastIndexOf(':')), e.slice(e.lastIndexOf(':') + 1)])) as Config['labelSchema']
    const labels = labelPolicy({ ...emptyConfig(), labelSchema, labelPreset: options['label-preset'] === 'oci' ? 'oci' : null, strictLabels: options['strict-labels'] === 'true' })
    // An off-by-default rule's page may turn it on for its examples: level=warning.
    const on = options.level === undefined ? {} : { [id]: options.level as 'warning' }
    // `previous=<image>`: the version before the change shipped on that image (its built-in size estimate).
    const previousShippedSize = options.previous === undefined ? undefined : estimatedFact(options.previous)
    const analysisOptions = (levels: Record<string, 'off'> = {}) => ({ target, levels: { ...on, ...levels }, labels, options: { [id]: ruleOptions }, ...(buildContext === undefined ? {} : { buildContext }), ...(previousShippedSize === undefined ? {} : { previousShippedSize }) })
    // The shellcheck rule passes on what ShellCheck says: its examples go through the real program.
    const analyse = async (text: string, levels: Record<string, 'off'> = {}) =>
      id === 'shellcheck' ? await analyzeWithShellcheck(text, analysisOptions(levels)) : analyzeDockerfile('Dockerfile', text, analysisOptions(levels))
    const rulesIn = async (text: string): Promise<string[]> => (await analyse(text)).findings.map((f) => f.rule)
    expect(await rulesIn(bad as string)).toContain(id)
    expect(await rulesIn(good as string)).not.toContain(id)
    // Every way "How to silence this" names silences the Bad example.
    for (const [how, text] of silenced(bad as string, rule.meta, await analyse(bad as string))) {
      // An ignore comment above the instruction cannot reach findings on comments or line 1: those pages say so.
      const reaches = how !== 'stagecraft-ignore above' || !NOT_ON_AN_INSTRUCTION.has(id)
      expect([how, (await rulesIn(text)).includes(id)]).toEqual([how, !reaches])
    }
    expect((await analyse(bad as string, { [id]: 'off' })).findings.map((f) => f.rule)).not.toContain(id)
    // Every option the rule declares is documented on its page.
    for (const o of rule.meta.options ?? []) expect(doc).toContain(`\`${o.name}\``)
  })

  it('has no page for a rule that does not exist', () => {
    const pages = readdirSync(DOCS).filter((f) => f.endsWith('.md') && f !== 'README.md').map((f) => f.slice(0, -3))
    expect(pages.sort()).toEqual(RULES.map((r) => r.meta.id).sort())
  })

  it('has an index generated from the metadata (npm run docs rewrites it)', () => {
    const path = join(DOCS, 'README.md')
    generated(path, rulesIndex(RULES))
  })
})

/** The Bad example silenced each way the page's closing section names. */
function silenced(bad: string, meta: Rule['meta'], analysis: ReturnType<typeof analyzeDockerfile>): [string, string][] {
  const lines = bad.replace(/\n$/, '').split('\n')
  // A comment goes above the instruction a finding is in (or above the finding's own line).
  const above = [...new Set(analysis.findings.filter((f) => f.rule === meta.id).map((f) => analysis.model.instructions.find((i) => i.line <= f.line && f.line <= i.endLine)?.line ?? f.line))].sort((a, b) => b - a)
  const withAbove = (comment: string): string => {
    const out = [...lines]
    for (const line of above) out.splice(line - 1, 0, comment)
    return `${out.join('\n')}\n`
  }
  const ways: [string, string][] = [
    ['stagecraft-ignore above', withAbove(`# stagecraft-ignore ${meta.id}`)],
    ['stagecraft-ignore-file', `${lines.join('\n')}\n# stagecraft-ignore-file ${meta.id}\n`]
  ]
  const { hadolint, buildkit } = meta.equivalents
  // The page says a global ignore for findings an ignore above an instruction cannot reach.
  if (hadolint !== null) ways.push(NOT_ON_AN_INSTRUCTION.has(meta.id) ? ['hadolint global ignore', `# hadolint global ignore=${hadolint}\n${lines.join('\n')}\n`] : ['hadolint ignore above', withAbove(`# hadolint ignore=${hadolint}`)])
  if (buildkit !== null) {
    const first = lines[0] ?? ''
    // One check directive per file: add skip to the one the example has.
    ways.push(['check=skip', first.startsWith('# check=') ? [`${first};skip=${buildkit}`, ...lines.slice(1), ''].join('\n') : `# check=skip=${buildkit}\n${lines.join('\n')}\n`])
  }
  return ways
}

describe('rule page links', () => {
  it("names BuildKit's checks as Docker's docs do, and links hadolint's wiki", () => {
    expect(['JSONArgsRecommended', 'SecretsUsedInArgOrEnv', 'FromPlatformFlagConstDisallowed', 'CopyIgnoredFile', 'UndefinedVar'].map(kebabCase)).toEqual(['json-args-recommended', 'secrets-used-in-arg-or-env', 'from-platform-flag-const-disallowed', 'copy-ignored-file', 'undefined-var'])
    expect(buildkitUrl('StageNameCasing')).toBe('https://docs.docker.com/reference/build-checks/stage-name-casing/')
    expect(hadolintUrl('DL3006')).toBe('https://github.com/hadolint/hadolint/wiki/DL3006')
  })

  it('every page with an equivalent links its docs, and ends with how to silence it', () => {
    for (const { meta } of RULES) {
      const doc = readFileSync(join(DOCS, `${meta.id}.md`), 'utf8')
      if (meta.equivalents.hadolint !== null) expect(doc).toContain(`(${hadolintUrl(meta.equivalents.hadolint)})`)
      if (meta.equivalents.buildkit !== null) expect(doc).toContain(`(${buildkitUrl(meta.equivalents.buildkit)})`)
      const headings = doc.split('\n').filter((l) => l.startsWith('## '))
      expect([meta.id, headings[headings.length - 1]]).toEqual([meta.id, SILENCE_HEADING])
    }
  })
})

describe('rule metadata', () => {
  it('keeps every rule in its own file, src/rules/<id>.ts', () => {
    expect(RULES.map((r) => r.meta.id).filter((id) => !existsSync(join(ROOT, 'src/rules', `${id}.ts`)))).toEqual([])
  })

  it('has unique kebab-case ids and a title for every rule', () => {
    const ids = RULES.map((r) => r.meta.id)
    expect(new Set(ids).size).toBe(ids.length)
    for (const { meta } of RULES) {
      expect(meta.id).toMatch(/^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/)
      expect(meta.title.length).toBeGreaterThan(10)
    }
  })
})

/** `npm run docs` (UPDATE_DOCS=1) writes what these tests compare; without it a stale file fails. */
function estimatedFact(image: string): SizeFact {
  const [name = image, tag = null] = image.split(':')
  const estimate = estimateImageSize(name, tag)
  if (estimate === null) throw new Error(`no built-in size estimate for ${image}`)
  return { image, bytes: estimate.megabytes * 1_000_000, source: 'estimate' }
}

function generated(path: string, expected: string): void {
  if (process.env.UPDATE_DOCS === '1') writeFileSync(path, expected)
  expect(readFileSync(path, 'utf8')).toBe(expected)
}

describe('generated from the rule files', () => {
  const modules = readdirSync(join(ROOT, 'src/rules'))
    .filter((f) => f.endsWith('.ts'))
    .flatMap((f) => {
      const m = ruleModuleOf(f, readFileSync(join(ROOT, 'src/rules', f), 'utf8'))
      return m === null ? [] : [m]
    })

  it('src/rules/registry.ts lists every rule file', () => {
    expect(modules.length).toBeGreaterThan(60)
    generated(join(ROOT, 'src/rules/registry.ts'), registrySource(modules))
    expect(RULES.map((r) => r.meta.id)).toEqual(modules.map((m) => m.id))
  })

  it('the README names every rule and the count, between its markers', () => {
    const path = join(ROOT, 'README.md')
    const expected = withReadmeRules(readFileSync(path, 'utf8'), RULES)
    expect(expected).not.toBeNull()
    generated(path, expected as string)
    expect(RULES.map((r) => r.meta.id).filter((id) => !(expected as string).includes(`\`${id}\``))).toEqual([])
  })

  it('every rule has its own spec file, __tests__/rules/<id>.test.ts', () => {
    expect(RULES.map((r) => r.meta.id).filter((id) => !existsSync(join(ROOT, '__tests__/rules', `${id}.test.ts`)))).toEqual([])
  })
})
