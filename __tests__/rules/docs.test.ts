/**
 * Every rule has docs/rules/<id>.md with its metadata line, a "Why", and a bad and a good example;
 * the bad example must trigger the rule and the good one must not. The index page is generated.
 */
import { describe, expect, it } from '@jest/globals'
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { analyzeDockerfile } from '../../src/review/analyze.js'
import { metaLine, registrySource, ruleModuleOf, rulesIndex, withReadmeRules } from '../../src/rules/docs.js'
import { RULES } from '../../src/rules/registry.js'
import { ROOT } from '../helpers/bundle.js'
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
    const analysisOptions = { target, options: { [id]: ruleOptions }, ...(buildContext === undefined ? {} : { buildContext }) }
    // The shellcheck rule passes on what ShellCheck says: its examples go through the real program.
    const rulesIn = async (text: string): Promise<string[]> =>
      (id === 'shellcheck' ? await analyzeWithShellcheck(text, analysisOptions) : analyzeDockerfile('Dockerfile', text, analysisOptions)).findings.map((f) => f.rule)
    expect(await rulesIn(bad as string)).toContain(id)
    expect(await rulesIn(good as string)).not.toContain(id)
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
