/**
 * A comment as GitHub would show it (scripts/gfm-view.mjs: a GFM renderer from npm, GitHub's math,
 * and its mention and reference linking), run in a child process because jsdom does not load
 * under jest's ESM mode. All documents at once.
 */
import { spawnSync } from 'node:child_process'
import { join } from 'node:path'
import { ROOT } from './bundle.js'

export interface GitHubView {
  name: string
  html: string
  /** Mentions GitHub would link (and notify). */
  mentions: string[]
  /** Issue and pull-request references GitHub would link. */
  references: string[]
  /** Every link's href: Markdown links, bare-URL and e-mail autolinks. */
  links: string[]
  /** Math GitHub would typeset. */
  math: string[]
  /** Element names in the rendered HTML. */
  elements: string[]
  /** The text of every `<code>`. */
  codes: string[]
  /** All the text a reader sees. */
  text: string
}

export function renderLikeGitHub(documents: readonly { name: string; markdown: string }[]): GitHubView[] {
  const run = spawnSync(process.execPath, [join(ROOT, 'scripts/gfm-view.mjs')], { input: JSON.stringify(documents), encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 })
  if (run.status !== 0) throw new Error(`gfm-view failed: ${run.stderr}`)
  return JSON.parse(run.stdout) as GitHubView[]
}
