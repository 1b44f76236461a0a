/** review(): the verdict of a run that keeps its files and of one that lets each go (the CLI's streaming formats). */
import { afterAll, describe, expect, it } from '@jest/globals'
import { review, type FileReview, type Source } from '../../src/review/review.js'
import type { FailOn } from '../../src/review/policy.js'
import { df } from '../helpers/dockerfile.js'
import { tempTree } from '../helpers/tmp.js'

const tree = tempTree({ 'empty/.keep': '' })
afterAll(() => tree.remove())

const FILES: Record<string, string> = {
  // stage-forward-reference: an error.
  'bad/Dockerfile': df('FROM alpine:3.20', 'COPY --from=later /x /x', 'FROM alpine:3.20 AS later'),
  // Nothing to say.
  'clean/Dockerfile': df('FROM scratch', 'COPY app /app', 'USER 1000', 'ENTRYPOINT ["/app"]'),
  // maintainer-deprecated: info only.
  'info/Dockerfile': df('FROM scratch', 'MAINTAINER someone', 'COPY app /app', 'USER 1000', 'ENTRYPOINT ["/app"]')
}

async function run(paths: string[], failOn: FailOn, retain: boolean) {
  const sources: Source[] = paths.map((path) => ({ path, changed: 'all', read: () => ({ ok: true, text: FILES[path] as string }) }))
  const seen: FileReview[] = []
  const result = await review(
    sources,
    { root: tree.dir, configFile: null, overrides: { target: null, buildArgs: {} }, annotate: 'all', failOn, registry: { sizes: false, images: [] }, shellcheck: false, retain },
    {
      buildContext: () => ({ dockerignore: null, dockerignorePath: null }),
      onFile: (file) => {
        seen.push(file)
      }
    }
  )
  return { result, seen }
}

describe('the verdict', () => {
  const cases: [string[], FailOn, boolean, 'success' | 'neutral' | 'failure'][] = [
    [['bad/Dockerfile', 'clean/Dockerfile'], 'error', true, 'failure'],
    [['clean/Dockerfile', 'bad/Dockerfile'], 'error', true, 'failure'],
    [['clean/Dockerfile'], 'error', false, 'success'],
    [['info/Dockerfile', 'clean/Dockerfile'], 'error', false, 'neutral'],
    [['info/Dockerfile'], 'info', true, 'failure'],
    [['bad/Dockerfile'], 'never', false, 'neutral']
  ]
  it.each(cases)('%j with fail-on %s: fails %s, %s, whether the files are kept or not', async (paths, failOn, fails, conclusion) => {
    for (const retain of [true, false]) {
      const { result, seen } = await run(paths, failOn, retain)
      expect([result.fails, result.conclusion]).toEqual([fails, conclusion])
      expect(result.reviewed).toBe(paths.length)
      expect(seen.map((f) => f.path)).toEqual(paths)
    }
  })

  it('keeps every owned finding when it keeps the files, and none when it lets them go', async () => {
    const kept = await run(['bad/Dockerfile', 'info/Dockerfile'], 'error', true)
    expect(kept.result.files).toHaveLength(2)
    expect(kept.result.owned.map((o) => o.path)).toEqual([...kept.seen[0]!.owned.map(() => 'bad/Dockerfile'), ...kept.seen[1]!.owned.map(() => 'info/Dockerfile')])
    expect(kept.result.owned.length).toBeGreaterThan(1)
    const streamed = await run(['bad/Dockerfile', 'info/Dockerfile'], 'error', false)
    expect([streamed.result.files, streamed.result.owned]).toEqual([[], []])
    expect(streamed.seen.flatMap((f) => f.owned)).toEqual(kept.seen.flatMap((f) => f.owned))
  })
})
