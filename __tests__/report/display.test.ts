/** How image references are shown to people (comment, job summary, check run, CLI text), and that reports keep them whole. */
import { describe, expect, it } from '@jest/globals'
import { displayImage, displayText } from '../../src/report/display.js'
import { analyzeDockerfile } from '../../src/review/analyze.js'
import { summaryMarkdown } from '../../src/report/markdown.js'
import { formatText } from '../../src/report/text.js'
import { toJsonReport } from '../../src/report/json.js'
import { df } from '../helpers/dockerfile.js'
import { LINKS, reviewOf } from '../helpers/review.js'

const DIGEST = 'sha256:' + '0123456789abcdef'.repeat(4)

describe('displayImage', () => {
  it("drops Docker Hub's docker.io/library/ (and docker.io/ for user images)", () => {
    expect(displayImage('docker.io/library/node:20-slim').text).toBe('node:20-slim')
    expect(displayImage('index.docker.io/library/alpine').text).toBe('alpine')
    expect(displayImage('docker.io/bitnami/redis:7').text).toBe('bitnami/redis:7')
    expect(displayImage('ghcr.io/docker.io/library/x:1').text).toBe('ghcr.io/docker.io/library/x:1')
  })

  it('shortens a digest to 12 hex digits and keeps the full reference', () => {
    expect(displayImage(`node:20@${DIGEST}`)).toEqual({ text: 'node:20@sha256:0123456789ab…', full: `node:20@${DIGEST}` })
    expect(displayImage(`docker.io/library/node@${DIGEST}`).text).toBe('node@sha256:0123456789ab…')
  })

  it('cuts a long name in the middle, keeping the registry and the tag', () => {
    const long = '123456789012.dkr.ecr.eu-central-1.amazonaws.com/platform/team/service-name:1.2.3-build.45'
    const shown = displayImage(long).text
    expect([...shown].length).toBe(48)
    expect(shown.startsWith('123456789012.dkr')).toBe(true)
    expect(shown.endsWith('service-name:1.2.3-build.45')).toBe(true)
    expect(shown).toContain('…')
    expect(displayImage('node:20').text).toBe('node:20')
  })

  it('shortens digests inside a message', () => {
    expect(displayText(`FROM docker.io/library/node:20@${DIGEST} is pinned`)).toBe('FROM node:20@sha256:0123456789ab… is pinned')
    expect(displayText('no image here: sha256 alone')).toBe('no image here: sha256 alone')
  })
})

describe('one display everywhere, the full reference in the reports', () => {
  const a = analyzeDockerfile('Dockerfile', df(`FROM docker.io/library/golang:1.22@${DIGEST} AS build`, 'RUN go build -o /app', `FROM gcr.io/distroless/static-debian12:nonroot@${DIGEST}`, 'COPY --from=build /app /app'))
  it('the comment (and so the job summary and check run) shows it short, with the full one as a tooltip', () => {
    const md = summaryMarkdown(reviewOf([a]), { links: LINKS })
    expect(md).toContain(`<code title="docker.io/library/golang:1.22@${DIGEST}">golang:1.22@sha256:0123456789ab…</code>`)
    expect(md).toContain('ships on <code title="gcr.io/distroless/static-debian12:nonroot@')
    expect(md).not.toMatch(new RegExp(`>[^<]*${DIGEST}`))
  })

  it('the CLI text shows it short', () => {
    const text = formatText(reviewOf([a]), { colour: false })
    expect(text).toContain('· ships on gcr.io/distroless/static-debian12:nonroot@sha256:0123456789ab…')
    expect(text).not.toContain(DIGEST)
  })

  it('the JSON report keeps it whole', () => {
    expect(JSON.stringify(toJsonReport(reviewOf([a]) as never))).toContain(DIGEST)
  })
})
