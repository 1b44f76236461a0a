/**
 * The final-image table of the summary: only rows that say something, variables put in with
 * their defaults (or named as build arguments), and each setting with where it comes from — the
 * same values the rules read (src/graph/effective.ts), the registry's config when it answered.
 */
import { describe, expect, it } from '@jest/globals'
import { analyzeDockerfile } from '../../src/review/analyze.js'
import { summaryMarkdown } from '../../src/report/markdown.js'
import type { BaseFacts, ImageLookup } from '../../src/model/image.js'
import { df } from '../helpers/dockerfile.js'
import { LINKS, reviewOf } from '../helpers/review.js'
import { NO_FACTS } from '../helpers/rule-tester.js'

/** The rows of the table, by label. */
function finalImage(md: string): Record<string, string> {
  const table = md.split('**Final image**')[1]?.split('\n\n')[1] ?? ''
  return Object.fromEntries(
    table
      .split('\n')
      .slice(2)
      .map((row) => /^\| (.+?) \| (.*) \|$/.exec(row))
      .flatMap((m) => (m === null ? [] : [[m[1] as string, m[2] as string]]))
  )
}

const lookup = (image: string, facts: Partial<BaseFacts>): ImageLookup => ({
  ok: true,
  image,
  canonical: image,
  digest: 'sha256:1',
  platform: 'linux/amd64',
  compressedSize: 5_000_000,
  size: null,
  layers: [],
  config: { history: [], platform: 'linux/amd64', size: null, facts: { ...NO_FACTS, ...facts } },
  platformMismatch: null
})

describe('the final-image table', () => {
  it('leaves out rows with nothing to say (no "—", "inherited", "none set here")', () => {
    const rows = finalImage(summaryMarkdown(reviewOf([analyzeDockerfile('Dockerfile', df('FROM alpine:3.22', 'USER app', 'CMD ["app"]'))]), { links: LINKS }))
    expect(Object.keys(rows)).toEqual(['base chain', 'user', 'cmd'])
    expect(Object.values(rows).join(' ')).not.toMatch(/—\s*\||none set here|inherited from the base image|usually root/)
    expect(rows.user).toBe('<code>app</code> — set here (line 2)')
  })

  it('distroless :nonroot is not "usually root": the image is known to run as non-root, as root-user knows', () => {
    const a = analyzeDockerfile('Dockerfile', df('FROM gcr.io/distroless/static-debian12:nonroot', 'COPY app /app', 'EXPOSE 8080', 'ENTRYPOINT ["/app"]'))
    expect(a.findings.map((f) => f.rule)).not.toContain('root-user')
    const rows = finalImage(summaryMarkdown(reviewOf([a]), { links: LINKS }))
    expect(rows.user).toBe('not root: <code>gcr.io/distroless/static-debian12:nonroot</code> is an image that runs as a non-root user')
  })

  it('puts in variables with their defaults, and names a variable without one as a build argument', () => {
    const a = analyzeDockerfile('Dockerfile', df('FROM alpine:3.22', 'ARG PORT=8080', 'ARG ADMIN_PORT', 'ENV APP_HOME=/srv/app', 'WORKDIR $APP_HOME', 'EXPOSE ${PORT} ${ADMIN_PORT}', 'USER app', 'CMD ["app"]'))
    const rows = finalImage(summaryMarkdown(reviewOf([a]), { links: LINKS }))
    expect(rows['exposed ports']).toBe('<code>8080</code>, <code>\\${ADMIN\\_PORT}</code> (build argument <code>ADMIN\\_PORT</code>, no default here) — set here (line 6)')
    expect(rows.workdir).toBe('<code>/srv/app</code> — set here (line 5)')
  })

  it("with the registry's config: the base image's user, workdir, entrypoint, cmd, ports and healthcheck, saying so", () => {
    const image = 'registry.example/team/node-base:22'
    const a = analyzeDockerfile('Dockerfile', df(`FROM ${image}`, 'COPY . .'))
    const sizes = new Map([[`${image}|linux/amd64`, lookup(image, { user: 'node', workdir: '/home/node', entrypoint: ['docker-entrypoint.sh'], cmd: ['node'], ports: ['3000/tcp'], healthcheck: ['CMD-SHELL', 'curl -f http://localhost:3000/'] })]])
    const rows = finalImage(summaryMarkdown(reviewOf([a], { sizes }), { links: LINKS }))
    const from = `inherited from <code>${image}</code> (its config, from the registry)`
    expect(rows).toMatchObject({
      user: `<code>node</code> — ${from}`,
      workdir: `<code>/home/node</code> — ${from}`,
      entrypoint: `<code>\\["docker-entrypoint.sh"\\]</code> — ${from}`,
      cmd: `<code>\\["node"\\]</code> — ${from}`,
      'exposed ports': `<code>3000/tcp</code> — ${from}`,
      healthcheck: `<code>CMD curl -f http:\u200b//localhost:3000/</code> — ${from}`
    })
  })

  it("an ENTRYPOINT set here resets the base image's CMD (Docker's rule), and a config with no user is root", () => {
    const image = 'registry.example/base:1'
    const a = analyzeDockerfile('Dockerfile', df(`FROM ${image}`, 'ENTRYPOINT ["/app"]'))
    const sizes = new Map([[`${image}|linux/amd64`, lookup(image, { cmd: ['sh'] })]])
    const rows = finalImage(summaryMarkdown(reviewOf([a], { sizes }), { links: LINKS }))
    expect(rows.cmd).toBeUndefined()
    expect(rows.entrypoint).toBe('<code>\\["/app"\\]</code> — set here (line 2)')
    expect(rows.user).toBe(`⚠️ <code>root</code> (root) — inherited from <code>${image}</code> (its config, from the registry), which sets no other user`)
  })
})
