// Renders a summary comment (GitHub-flavoured Markdown + Mermaid) in headless Chromium and saves
// a PNG, so the README can show what the action posts. Needs Debian's chromium (apt-get install
// chromium); not part of CI.
//
//   node scripts/render-comment.mjs [input.md] [output.png]
//   (defaults: the pr-delta golden file → docs/comment-example.png)
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { marked } from 'marked'
import { chromium } from 'playwright-core'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const input = resolve(process.argv[2] ?? join(root, '__tests__/report/golden/pr-delta.md'))
const output = resolve(process.argv[3] ?? join(root, 'docs/comment-example.png'))
const executablePath = process.env.CHROMIUM ?? '/usr/bin/chromium'

// GitHub renders ```mermaid fences as diagrams; show every <details> open for the picture.
const markdown = readFileSync(input, 'utf8').replace(/<details>/g, '<details open>')
const renderer = new marked.Renderer()
const renderCode = renderer.code.bind(renderer)
renderer.code = (token) => (token.lang === 'mermaid' ? `<pre class="mermaid">${token.text.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</pre>` : renderCode(token))
const body = marked.parse(markdown, { gfm: true, renderer })

// A small subset of GitHub's comment styles (Primer), enough to look like the real thing.
const css = `
body { margin: 0; background: #f6f8fa; font: 14px/1.5 -apple-system, "Segoe UI", "Noto Sans", Helvetica, Arial, sans-serif; color: #1f2328; }
.comment { width: 880px; margin: 16px; background: #fff; border: 1px solid #d1d9e0; border-radius: 6px; }
.header { padding: 8px 16px; background: #f6f8fa; border-bottom: 1px solid #d1d9e0; border-radius: 6px 6px 0 0; color: #59636e; }
.header b { color: #1f2328; }
.body { padding: 16px; }
h3 { margin: 0 0 12px; font-size: 20px; }
table { border-collapse: collapse; margin: 8px 0 16px; display: block; overflow: auto; }
th, td { border: 1px solid #d1d9e0; padding: 6px 13px; vertical-align: top; }
tr:nth-child(2n) { background: #f6f8fa; }
code { font: 12px ui-monospace, SFMono-Regular, Menlo, monospace; background: rgba(129,139,152,.12); padding: .2em .4em; border-radius: 6px; }
details summary { cursor: pointer; margin-bottom: 8px; }
pre.mermaid { background: #fff; text-align: center; }
a { color: #0969da; text-decoration: none; }
`
const html = `<!doctype html><html><head><meta charset="utf-8"><style>${css}</style></head><body>
<div class="comment"><div class="header"><b>github-actions</b> <span>bot</span> commented</div><div class="body">${body}</div></div>
<script>${readFileSync(join(root, 'node_modules/mermaid/dist/mermaid.min.js'), 'utf8')}</script>
<script>mermaid.initialize({ startOnLoad: false, securityLevel: 'strict', theme: 'default' }); mermaid.run().then(() => { document.body.dataset.done = '1' })</script>
</body></html>`

const dir = mkdtempSync(join(tmpdir(), 'stagecraft-render-'))
const page = join(dir, 'comment.html')
writeFileSync(page, html)
const browser = await chromium.launch({
  executablePath,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync']
})
try {
  const tab = await browser.newPage({ viewport: { width: 920, height: 800 }, deviceScaleFactor: 1 })
  await tab.goto(pathToFileURL(page).href)
  await tab.waitForSelector('body[data-done="1"]', { timeout: 20000 })
  const errors = await tab.$$eval('pre.mermaid', (nodes) => nodes.filter((n) => !n.querySelector('svg')).length)
  if (errors > 0) throw new Error(`${errors} diagram(s) did not render`)
  await tab.locator('.comment').screenshot({ path: output })
  console.log(`wrote ${output}`)
} finally {
  await browser.close()
  rmSync(dir, { recursive: true, force: true })
}
