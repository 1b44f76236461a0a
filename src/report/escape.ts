/**
 * Text from a Dockerfile (paths, stage and image names, messages that quote them) made inert for
 * the two places GitHub renders it. Pure.
 *
 * - `escapeMarkdown`: a Markdown paragraph or table cell. Markdown is parsed there, so emphasis,
 *   links, pipes, backticks, HTML and `$` (math) are escaped with backslashes or entities.
 * - `escapeHtml`: inside an HTML block (the `<summary>` of a `<details>`). Markdown is not parsed
 *   there, so a backslash would show: only HTML's own characters become entities.
 *
 * Both neutralise what GitHub links after rendering: `@user` mentions and `#123` references get a
 * zero-width space after `@`/`#` (entities like `&#64;` do not help: GitHub decodes them before it
 * links), and bare URLs (`https://`, `www.`) are broken the same way so they are not autolinked.
 * Inside code GitHub links no mentions or references, so the `*Code` variants keep `@` and `#`
 * as written (a copied path stays exact) and only break URLs.
 */

/** Zero-width space: invisible, but it stops `@name`, `#1`, `GH-1`, `http://` and `www.` from being linked. */
export const ZWSP = '\u200b'

/** Bare-URL autolinks (GFM's extended autolinks): `scheme://` and `www.`. */
function breakAutolinks(text: string): string {
  return text.replace(/:\/\//g, `:${ZWSP}//`).replace(/\b(www)\./gi, `$1${ZWSP}.`)
}

/** Mentions (`@user`, `@org/team`, e-mail addresses) and references (`#123`, `GH-123`, `owner/repo#1`). */
function breakMentions(text: string): string {
  return text.replace(/([@#])/g, `$1${ZWSP}`).replace(/\b(GH-)(?=\d)/gi, `$1${ZWSP}`)
}

const MARKDOWN: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '\\': '\\\\',
  '`': '\\`',
  '*': '\\*',
  _: '\\_',
  '[': '\\[',
  ']': '\\]',
  '~': '\\~',
  '|': '\\|',
  $: '\\$',
  '\n': ' ',
  '\r': ''
}

const HTML: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
  // A line break would end the HTML block (a blank line) or the summary's line.
  '\n': ' ',
  '\r': ''
}

function replaceEach(text: string, table: Readonly<Record<string, string>>): string {
  let out = ''
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string
    out += table[c] ?? c
  }
  return out
}

/** Markdown text for code (`<code>` in a paragraph or table cell): Markdown escapes, URLs broken. */
export function escapeMarkdownCode(text: string): string {
  return replaceEach(breakAutolinks(text), MARKDOWN)
}

/** Plain text in a Markdown paragraph or table cell: nothing in it formats, links, pings or breaks the table. */
export function escapeMarkdown(text: string): string {
  return replaceEach(breakMentions(breakAutolinks(text)), MARKDOWN)
}

/** Code inside an HTML block: entities only, URLs broken. */
export function escapeHtmlCode(text: string): string {
  return replaceEach(breakAutolinks(text), HTML)
}

/** Plain text inside an HTML block (e.g. `<summary>`): entities, mentions, references and URLs broken. */
export function escapeHtml(text: string): string {
  return replaceEach(breakMentions(breakAutolinks(text)), HTML)
}
