// What GitHub makes of a comment, as far as a test can tell. The Markdown is rendered by a
// GitHub-flavoured renderer from npm (marked with gfm: tables, strikethrough, bare-URL and e-mail
// autolinks) plus GitHub's math (`$…$`, `$$…$$`, `$`…`$`) as an extension; then, on the HTML,
// what GitHub does after rendering: it links `@user`/`@org/team` mentions and `#123`, `GH-123`,
// `owner/repo#1` references in text outside `code`, `pre` and links (entities are decoded by then).
//
// Input on stdin: JSON [{ name, markdown }]. Output on stdout: JSON [{ name, html, mentions,
// references, links, math, elements, codes, text }]. Used by the tests (__tests__/helpers/gfm.ts)
// and by scripts/render-comment.mjs (renderGfm).
import { JSDOM } from 'jsdom'
import { Marked } from 'marked'

const math = {
  name: 'math',
  level: 'inline',
  start: (src) => src.indexOf('$'),
  tokenizer(src) {
    const m = /^\$\$([\s\S]+?)\$\$/.exec(src) ?? /^\$(?=\S)([^$\n]*?\S)\$(?!\d)/.exec(src) ?? /^\$`([^`]+)`\$/.exec(src)
    return m === null ? undefined : { type: 'math', raw: m[0], text: m[1] }
  },
  renderer: (token) => `<math-renderer>${String(token.text).replace(/&/g, '&amp;').replace(/</g, '&lt;')}</math-renderer>`
}

/** GitHub-flavoured Markdown → HTML, with GitHub's math marked as <math-renderer>. */
export function renderGfm(markdown, extensions = []) {
  return new Marked({ gfm: true, extensions: [math, ...extensions] }).parse(markdown, { async: false })
}

const SKIPPED = new Set(['CODE', 'PRE', 'A', 'MATH-RENDERER'])

export function view(markdown) {
  const html = renderGfm(markdown)
  const { document } = new JSDOM(`<!doctype html><body>${html}</body>`).window
  const mentions = []
  const references = []
  const walker = document.createTreeWalker(document.body, 4 /* NodeFilter.SHOW_TEXT */)
  for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
    let skip = false
    for (let p = node.parentElement; p !== null; p = p.parentElement) if (SKIPPED.has(p.tagName)) skip = true
    if (skip) continue
    const text = node.textContent ?? ''
    for (const m of text.matchAll(/(?:^|[^\w])@([a-z0-9][a-z0-9-]*(?:\/[\w.-]+)?)/gi)) mentions.push(`@${m[1]}`)
    for (const m of text.matchAll(/(?:^|[^\w&])((?:[\w.-]+\/[\w.-]+)?#\d+|GH-\d+)\b/gi)) references.push(m[1])
  }
  return {
    html,
    mentions,
    references,
    links: [...document.querySelectorAll('a')].map((a) => a.getAttribute('href') ?? ''),
    math: [...document.querySelectorAll('math-renderer')].map((m) => m.textContent ?? ''),
    elements: [...new Set([...document.body.querySelectorAll('*')].map((e) => e.tagName.toLowerCase()))].sort(),
    codes: [...document.querySelectorAll('code')].map((c) => c.textContent ?? ''),
    text: document.body.textContent ?? ''
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  let input = ''
  for await (const chunk of process.stdin) input += chunk
  process.stdout.write(JSON.stringify(JSON.parse(input).map(({ name, markdown }) => ({ name, ...view(markdown) }))))
}
