/**
 * Inline suggestions (input `suggestions: true`): a pull-request review comment with a
 * ```suggestion block on each changed line that has a mechanical fix, so the author applies it
 * with one click. At most SUGGESTION_CAP per run. Each comment carries a hidden marker with the
 * suggestion's id (path, rules and the line as written), so a re-run finds its own comments
 * (written by the token's identity, as for the sticky comment): an unchanged suggestion is left
 * alone, a changed one is edited, and one that no longer applies (the line was fixed or changed)
 * is edited to say so, never posted again.
 */
import { SUGGESTION_CAP, suggestionBody, suggestionId, type Suggestion } from '../report/suggestions.js'
import type { GitHubClient } from './client.js'
import { whoAmI, writtenBy } from './comment.js'
import { classifyFailure } from './errors.js'
import type { RepoRef } from './pull-request.js'

export type SuggestionsOutcome =
  | { action: 'done'; created: number; updated: number; resolved: number; unchanged: number; notShown: number }
  | { action: 'forbidden' | 'failed'; message: string }

/** What a suggestion that no longer applies says (its marker stays, so it is not resolved twice). */
export const RESOLVED = '✅ This suggestion no longer applies: the line was fixed or changed.'

export interface SuggestionTarget {
  pull: number
  headSha: string
  /** Keeps the suggestions of several jobs apart, like the sticky comment's marker. */
  scope: string
  ruleUrl: (rule: string) => string
}

export async function publishSuggestions(client: GitHubClient, ref: RepoRef, target: SuggestionTarget, suggestions: readonly Suggestion[]): Promise<SuggestionsOutcome> {
  const prefix = `<!-- stagecraft-suggestion:${target.scope} `
  const markerOf = (s: Suggestion): string => `${prefix}${suggestionId(s.key)} -->`
  try {
    const listed = await client.paginate(client.rest.pulls.listReviewComments, { ...ref, pull_number: target.pull, per_page: 100 })
    const marked = listed.filter((c) => c.body.startsWith(prefix))
    const viewer = marked.length === 0 ? null : await whoAmI(client)
    const ours = new Map<string, (typeof marked)[number]>()
    for (const c of marked) if (writtenBy(c, viewer)) ours.set(c.body.slice(0, c.body.indexOf('-->') + 3), c)
    const outcome = { action: 'done' as const, created: 0, updated: 0, resolved: 0, unchanged: 0, notShown: Math.max(0, suggestions.length - SUGGESTION_CAP) }
    const wanted = new Set(suggestions.map(markerOf))
    for (const s of suggestions.slice(0, SUGGESTION_CAP)) {
      const marker = markerOf(s)
      const body = suggestionBody(s, target.ruleUrl, marker)
      const existing = ours.get(marker)
      if (existing === undefined) {
        await client.rest.pulls.createReviewComment({ ...ref, pull_number: target.pull, commit_id: target.headSha, path: s.path, line: s.line, side: 'RIGHT', body })
        outcome.created++
      } else if (existing.body !== body) {
        await client.rest.pulls.updateReviewComment({ ...ref, comment_id: existing.id, body })
        outcome.updated++
      } else outcome.unchanged++
    }
    // Our suggestions that this run no longer makes: say so once (the author may have applied them).
    for (const [marker, c] of ours) {
      if (wanted.has(marker)) continue
      const body = `${marker}\n${RESOLVED}\n`
      if (c.body === body) continue
      await client.rest.pulls.updateReviewComment({ ...ref, comment_id: c.id, body })
      outcome.resolved++
    }
    return outcome
  } catch (err) {
    return classifyFailure(err)
  }
}
