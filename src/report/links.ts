/**
 * Where a run's links point: the tool's home and its rule pages, at the version that ran, so a
 * link in a comment or a SARIF log opens the page that explains that very finding. The edges
 * compute them once (src/github from the running action, src/cli from package.json) and hand
 * them to the reports. Pure.
 */
import { INTERNAL_ERROR } from '../review/analyze.js'

export interface Links {
  /** The repository's page, e.g. https://github.com/owner/name. */
  home: string
  /** The folder of rule pages at the ref that ran; a rule's page is `${rules}/<id>.md`. */
  rules: string
}

/** The links of a GitHub repository at a ref (a tag, a branch or a commit SHA). */
export function linksAt(home: string, ref: string): Links {
  const root = home.replace(/\/+$/, '')
  return { home: root, rules: `${root}/blob/${encodeURI(ref)}/docs/rules` }
}

/** The page that documents a rule; for Stagecraft's own failure, where to report it. */
export function ruleDocUrl(links: Links, id: string): string {
  return id === INTERNAL_ERROR ? `${links.home}/issues/new` : `${links.rules}/${id}.md`
}

/** The tag a release of a version gets (scripts/release.mjs makes it). */
export function releaseTag(version: string): string {
  return `v${version}`
}
