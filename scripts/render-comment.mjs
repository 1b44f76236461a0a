// Renders a summary comment (GitHub-flavoured Markdown + Mermaid) the way a reviewer sees it, so
// people (and the README picture) can check it: headless Chromium screenshots it as a PNG, in
// GitHub's light or dark colours. The Markdown goes through scripts/gfm-view.mjs's renderer (the
// one the tests use: GFM + GitHub's math). Needs a Chromium (Debian: apt-get install chromium;
// or CHROMIUM=/path); with --html it writes the HTML page only and needs none. Not part of CI.
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, dirname, join, resolve } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { parseArgs } from 'node:util'
import { renderGfm } from './gfm-view.mjs'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const GOLDEN = join(root, '__tests__/report/golden')

const HELP = `Usage: node scripts/render-comment.mjs [input.md] [output.png] [options]

Renders a Stagecraft summary comment (Markdown) as GitHub shows it and saves a screenshot.
Defaults: the pr-delta golden comment → docs/comment-example.png.

Options:
  --theme light|dark|both  GitHub's colours (default light; both writes NAME.png and NAME-dark.png)
  --open                   show every <details> open (default: as posted, closed ones closed)
  --goldens DIR            render every golden comment (${GOLDEN.slice(root.length + 1)}/*.md) into DIR
  --html                   write the HTML page instead of a PNG (no Chromium needed)
  --width N                the comment's width in CSS pixels (default 880)
  -h, --help               show this help

Environment: CHROMIUM, the browser to run (default /usr/bin/chromium).
Example: npx stagecraft --format markdown --base origin/main > pr.md && node scripts/render-comment.mjs pr.md pr.png --theme both
`

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { theme: { type: 'string', default: 'light' }, open: { type: 'boolean', default: false }, goldens: { type: 'string' }, html: { type: 'boolean', default: false }, width: { type: 'string', default: '880' }, help: { type: 'boolean', short: 'h', default: false } }
})
if (values.help) {
  process.stdout.write(HELP)
  process.exit(0)
}
if (!['light', 'dark', 'both'].includes(values.theme)) {
  process.stderr.write(`--theme must be light, dark or both, not "${values.theme}"\n\n${HELP}`)
  process.exit(2)
}
const width = Number(values.width)

// A subset of GitHub's comment styles (Primer), in both colour modes.
const THEMES = {
  light: { canvas: '#f6f8fa', bg: '#ffffff', fg: '#1f2328', muted: '#59636e', border: '#d1d9e0', stripe: '#f6f8fa', code: 'rgba(129,139,152,.12)', link: '#0969da', mermaid: 'default' },
  dark: { canvas: '#010409', bg: '#0d1117', fg: '#f0f6fc', muted: '#9198a1', border: '#3d444d', stripe: '#151b23', code: 'rgba(101,108,118,.2)', link: '#4493f8', mermaid: 'dark' }
}

function page(markdown, theme) {
  const t = THEMES[theme]
  const source = values.open ? markdown.replace(/<details>/g, '<details open>') : markdown
  const mermaid = { name: 'mermaid', level: 'block', start: (src) => src.indexOf('```mermaid'), tokenizer(src) { const m = /^```mermaid\n([\s\S]*?)\n```(?:\n|$)/.exec(src); return m ? { type: 'mermaid', raw: m[0], text: m[1] } : undefined }, renderer: (token) => `<pre class="mermaid">${token.text.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</pre>` }
  const body = renderGfm(source, [mermaid])
  const css = `
body { margin: 0; background: ${t.canvas}; font: 14px/1.5 -apple-system, "Segoe UI", "Noto Sans", Helvetica, Arial, sans-serif, "Noto Color Emoji"; color: ${t.fg}; }
.comment { width: ${width}px; margin: 16px; background: ${t.bg}; border: 1px solid ${t.border}; border-radius: 6px; }
.header { padding: 8px 16px; background: ${t.stripe}; border-bottom: 1px solid ${t.border}; border-radius: 6px 6px 0 0; color: ${t.muted}; }
.header b { color: ${t.fg}; }
.body { padding: 16px; }
h3 { margin: 0 0 12px; font-size: 20px; } h4 { margin: 20px 0 8px; font-size: 16px; } h4 code { font-size: inherit; }
table { border-collapse: collapse; margin: 8px 0 16px; display: block; overflow: auto; max-width: 100%; }
th, td { border: 1px solid ${t.border}; padding: 6px 13px; vertical-align: top; }
tr:nth-child(2n) { background: ${t.stripe}; }
code { font: 12px ui-monospace, SFMono-Regular, Menlo, monospace; background: ${t.code}; padding: .2em .4em; border-radius: 6px; }
math-renderer { outline: 2px solid red; }
details summary { cursor: pointer; margin-bottom: 8px; }
pre.mermaid { background: transparent; text-align: center; }
a { color: ${t.link}; text-decoration: none; }
`
  return `<!doctype html><html><head><meta charset="utf-8"><style>${css}</style></head><body>
<div class="comment"><div class="header"><b>github-actions</b> <span>bot</span> commented</div><div class="body">${body}</div></div>
<script>${readFileSync(join(root, 'node_modules/mermaid/dist/mermaid.min.js'), 'utf8')}</script>
<script>mermaid.initialize({ startOnLoad: false, securityLevel: 'strict', theme: '${t.mermaid}' }); mermaid.run().then(() => { document.body.dataset.done = '1' }, (e) => { document.body.dataset.done = 'error: ' + e })</script>
</body></html>`
}

/** [input, output, theme] for each picture asked for. */
const jobs = []
const themes = values.theme === 'both' ? ['light', 'dark'] : [values.theme]
const outputFor = (out, theme) => (values.theme === 'both' && theme === 'dark' ? out.replace(/(\.\w+)?$/, (ext) => `-dark${ext || ''}`) : out)
if (values.goldens !== undefined) {
  const dir = resolve(values.goldens)
  mkdirSync(dir, { recursive: true })
  for (const file of readdirSync(GOLDEN).filter((f) => f.endsWith('.md')).sort()) for (const theme of themes) jobs.push([join(GOLDEN, file), outputFor(join(dir, basename(file, '.md') + (values.html ? '.html' : '.png')), theme), theme])
} else {
  const input = resolve(positionals[0] ?? join(GOLDEN, 'pr-delta.md'))
  const output = resolve(positionals[1] ?? join(root, values.html ? 'docs/comment-example.html' : 'docs/comment-example.png'))
  for (const theme of themes) jobs.push([input, outputFor(output, theme), theme])
}

if (values.html) {
  for (const [input, output, theme] of jobs) {
    writeFileSync(output, page(readFileSync(input, 'utf8'), theme))
    console.log(`wrote ${output}`)
  }
  process.exit(0)
}

const { chromium } = await import('playwright-core')
const dir = mkdtempSync(join(tmpdir(), 'stagecraft-render-'))
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync']
})
try {
  for (const [input, output, theme] of jobs) {
    const file = join(dir, 'comment.html')
    writeFileSync(file, page(readFileSync(input, 'utf8'), theme))
    const tab = await browser.newPage({ viewport: { width: width + 40, height: 800 }, deviceScaleFactor: 1, colorScheme: theme })
    await tab.goto(pathToFileURL(file).href)
    await tab.waitForSelector('body[data-done]', { timeout: 20000 })
    const done = await tab.locator('body').getAttribute('data-done')
    const broken = await tab.$$eval('pre.mermaid', (nodes) => nodes.filter((n) => !n.querySelector('svg')).length)
    if (done !== '1' || broken > 0) throw new Error(`${input}: ${broken} diagram(s) did not render (${done})`)
    await tab.locator('.comment').screenshot({ path: output })
    await tab.close()
    console.log(`wrote ${output}`)
  }
} finally {
  await browser.close()
  rmSync(dir, { recursive: true, force: true })
}
