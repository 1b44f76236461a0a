/** The pieces of the summary: size estimates, the Mermaid source, the image breakdown, the PR delta. */
import { describe, expect, it } from '@jest/globals'
import { analyzeDockerfile } from '../../src/review/analyze.js'
import { describeLeftBehind, describeShippedImage, describeStages } from '../../src/graph/image.js'
import { compareVersions } from '../../src/enrich/delta.js'
import { summaryMarkdown } from '../../src/report/markdown.js'
import { MERMAID_BUDGET, MERMAID_LIMITS, mermaidText, shortPaths, stageGraphMermaid } from '../../src/report/mermaid.js'
import { estimateImageSize, sizeClassOf } from '../../src/enrich/size-estimates.js'
import { formatBytes, platformOf, sizeKey } from '../../src/enrich/sizes.js'

import { df } from '../helpers/dockerfile.js'
import type { ImageLookup } from '../../src/model/image.js'
import { LINKS, reviewOf } from '../helpers/review.js'

const analyse = (...lines: string[]): ReturnType<typeof analyzeDockerfile> => analyzeDockerfile('Dockerfile', df(...lines))

describe('estimateImageSize', () => {
  it.each([
    ['node', '20', 'node', 'large'],
    ['node', '20-slim', 'node (slim)', 'medium'],
    ['node', '20-alpine3.20', 'node (alpine)', 'small'],
    ['docker.io/library/python', '3.12-slim-bookworm', 'python (slim)', 'small'],
    ['eclipse-temurin', '21-jre-alpine', 'java (JRE, alpine)', 'medium'],
    ['eclipse-temurin', '21-jdk', 'java (JDK)', 'medium'],
    ['mcr.microsoft.com/dotnet/sdk', '8.0', '.NET (sdk)', 'large'],
    ['mcr.microsoft.com/dotnet/aspnet', '8.0', '.NET (aspnet)', 'medium'],
    ['gcr.io/distroless/static-debian12', 'nonroot', 'distroless (static)', 'tiny'],
    ['rust', '1.80', 'rust', 'huge'],
    ['golang', null, 'golang', 'large'],
    ['scratch', null, 'scratch', 'none']
  ])('%s:%s is %s, %s', (image, tag, label, sizeClass) => {
    expect(estimateImageSize(image, tag)).toMatchObject({ label, sizeClass })
  })

  it('knows nothing of images outside the table', () => {
    expect(estimateImageSize('ghcr.io/acme/base', '1')).toBeNull()
    expect(estimateImageSize('nodejs', '20')).toBeNull()
  })

  it('puts sizes in classes at the boundaries', () => {
    expect([0, 9, 10, 59, 60, 199, 200, 449, 450].map(sizeClassOf)).toEqual(['none', 'tiny', 'small', 'small', 'medium', 'medium', 'large', 'large', 'huge'])
  })
})

describe('Mermaid source', () => {
  it('turns everything but plain characters into entity codes, and shortens long labels', () => {
    expect(mermaidText('a"b#c<d>`e`|f@g 🐳')).toBe('a#34;b#35;c#60;d#62;#96;e#96;#124;f#64;g #128051;')
    expect(mermaidText('x'.repeat(50), 10)).toBe('xxxxxxxxx#8230;')
    expect(mermaidText('a\nb')).toBe('a b')
  })

  it('shortens path lists for edge labels', () => {
    expect(shortPaths(['/out/app'])).toBe('/out/app')
    expect(shortPaths(['/a', '/b', '/c', '/d'])).toBe('/a, /b +2')
    expect(shortPaths(['/very/long/path/to/some/deeply/nested/artifact.jar'])).toBe('…ply/nested/artifact.jar')
  })

  it('draws FROM solid (thick when shipped), COPY dashed with paths, mounts dotted, roles as classes', () => {
    const a = analyse('FROM golang:1.22 AS build', 'RUN go build -o /app', 'FROM alpine:3 AS unused', 'FROM build AS test', 'FROM scratch', 'COPY --from=build /app /app', 'RUN --mount=from=test,target=/t true')
    const source = (stageGraphMermaid(describeStages(a.model, a.graph), a.graph) as { source: string }).source
    expect(source.split('\n')).toEqual([
      'flowchart LR',
      '  s0["build"]',
      '  s1["unused"]',
      '  s2["test"]',
      '  s3["stage 3"]',
      '  x0(["golang:1.22"])',
      '  x1(["alpine:3"])',
      '  x2(["scratch"])',
      '  x0 --> s0',
      '  x1 --> s1',
      '  x2 ==> s3',
      '  s0 --> s2',
      '  s0 -.->|"/app"| s3',
      '  s2 -.->|"mount"| s3',
      expect.stringContaining('classDef ships'),
      expect.stringContaining('classDef environment'),
      expect.stringContaining('classDef build'),
      expect.stringContaining('classDef unused'),
      expect.stringContaining('classDef image'),
      '  class s3 ships',
      '  class s0,s2 build',
      '  class s1 unused',
      '  class x0,x1,x2 image',
      '  linkStyle 4 stroke-dasharray:6 4',
      '  linkStyle 5 stroke-dasharray:2 3'
    ])
  })

  it('folds unused stages into one node and says which', () => {
    const lines = ['FROM alpine:3 AS base', ...Array.from({ length: 17 }, (_, i) => `FROM base AS unused${i}`), 'FROM base AS app', 'USER app']
    const a = analyse(...lines)
    const picture = stageGraphMermaid(describeStages(a.model, a.graph), a.graph)
    expect(picture?.foldedUnused).toEqual(Array.from({ length: 17 }, (_, i) => `unused${i}`))
    expect(picture?.leftOut).toEqual([])
    expect(picture?.source).toContain('  u0["+17 unused stages"]')
    expect(picture?.source).not.toMatch(/unused\d/)
    expect(picture?.source).toContain('  class u0 unused')
    const md = summaryMarkdown(reviewOf([a]), { links: LINKS })
    expect(md).toContain("*The graph shows the built targets' stages and what they need; 17 unused stages (<code>unused0</code>")
    // Two unused stages are still drawn by name.
    const b = analyse('FROM alpine:3 AS base', 'FROM base AS x', 'FROM base AS y', 'FROM base', 'USER app')
    expect(stageGraphMermaid(describeStages(b.model, b.graph), b.graph)?.source).toContain('s1["x"]')
  })

  it('past the budget, keeps the shipped chain and says what it left out (the table has it all)', () => {
    const lines = ['FROM alpine:3 AS s0', ...Array.from({ length: MERMAID_LIMITS.nodes + 5 }, (_, i) => `FROM s${i} AS s${i + 1}`)]
    const a = analyse(...lines)
    const picture = stageGraphMermaid(describeStages(a.model, a.graph), a.graph)
    const nodes = (picture?.source ?? '').split('\n').filter((l) => /^ {2}\w+\[|^ {2}\w+\(\[/.test(l))
    expect(nodes).toHaveLength(MERMAID_BUDGET.nodes)
    expect(picture?.leftOut.length).toBe(lines.length - (MERMAID_BUDGET.nodes - 1))
    expect(picture?.source).toContain(`m0["+${picture?.leftOut.length} more stages, see the table"]`)
    const md = summaryMarkdown(reviewOf([a]), { links: LINKS })
    expect(md).toContain(`${picture?.leftOut.length} stages left out to keep it readable: <code>`)
    expect(md).toContain('The table has every stage.*')
    // A small budget shows what is kept first: the shipped target.
    const small = stageGraphMermaid(describeStages(a.model, a.graph), a.graph, { nodes: 3, foldUnusedFrom: 3 })
    const last = lines.length - 1
    expect(small?.source).toContain(`s${last}["s${last}"]`)
    expect(small?.source).toContain(`s${last - 1} ==> s${last}`)
    expect(small?.source).not.toContain('s0["s0"]')
  })
})

describe('describeShippedImage', () => {
  const a = analyse(
    'FROM --platform=linux/arm64 debian:bookworm-slim AS base',
    'RUN apt-get update && apt-get install -y --no-install-recommends ca-certificates curl=7.88* && rm -rf /var/lib/apt/lists/*',
    'ENV APP_HOME=/srv API_KEY=s3cr3t',
    'FROM python:3.12 AS wheels',
    'RUN apt-get install -y gcc libpq-dev && pip wheel -r requirements.txt',
    'FROM base',
    'WORKDIR /srv',
    'WORKDIR app',
    'COPY pyproject.toml src/ ./',
    'COPY --from=wheels /wheels /wheels',
    'RUN pip install --no-cache-dir /wheels/*.whl flask==3.0 && python -m pip install -r extra.txt',
    'RUN npm install -g pm2 && gem install bundler -v 2.5 && apk --no-cache add jq',
    'EXPOSE 8080/tcp 9090',
    'HEALTHCHECK NONE',
    'USER 0:0',
    'CMD python -m app'
  )
  const image = describeShippedImage(a.model, a.graph)

  it('follows the base chain to the external image and reads the settings', () => {
    expect(image).toMatchObject({
      target: 2,
      chain: [0, 2],
      base: { kind: 'image', label: 'debian:bookworm-slim', image: 'debian', tag: 'bookworm-slim' },
      platform: 'linux/arm64',
      user: '0:0',
      runsAsRoot: true,
      workdir: '/srv/app',
      ports: ['8080/tcp', '9090'],
      entrypoint: null,
      cmd: 'python -m app',
      healthcheck: 'NONE'
    })
  })

  it('lists what the shipping stages add: context files, artifacts, packages, ENV names (never values)', () => {
    expect(image?.contextFiles).toEqual([{ line: 9, sources: ['pyproject.toml', 'src/'], destination: './' }])
    expect(image?.artifacts).toEqual([{ line: 10, sources: ['/wheels'], destination: '/wheels', from: 'wheels', stage: 1 }])
    expect(image?.packages).toEqual([
      { manager: 'apt', packages: ['ca-certificates', 'curl=7.88*'] },
      { manager: 'pip', packages: ['/wheels/*.whl', 'flask==3.0', '(extra.txt)'] },
      { manager: 'npm', packages: ['pm2'] },
      { manager: 'gem', packages: ['bundler'] },
      { manager: 'apk', packages: ['jq'] }
    ])
    expect(image?.envNames).toEqual(['APP_HOME', 'API_KEY'])
    expect(JSON.stringify(image)).not.toContain('s3cr3t')
  })

  it('says what stays behind in build stages: their bases and the packages only they install', () => {
    expect(describeLeftBehind(a.model, a.graph)).toEqual({
      stages: [{ index: 1, label: 'wheels', base: expect.objectContaining({ label: 'python:3.12' }) }],
      packages: [{ manager: 'apt', packages: ['gcc', 'libpq-dev'] }]
    })
  })

  it('treats a missing USER as the base default and a non-root USER as such', () => {
    expect(describeShippedImage(analyse('FROM alpine:3').model, analyse('FROM alpine:3').graph)).toMatchObject({ user: null, runsAsRoot: true })
    const b = analyse('FROM alpine:3', 'USER app:app')
    expect(describeShippedImage(b.model, b.graph)).toMatchObject({ user: 'app:app', runsAsRoot: false })
  })

  it('never expands a FROM built from a secret-looking variable', () => {
    const b = analyse('ARG REGISTRY_TOKEN=abc', 'FROM registry.example.com/${REGISTRY_TOKEN}/app:1')
    const rows = describeStages(b.model, b.graph)
    expect(rows[0]?.base).toMatchObject({ kind: 'unknown', label: 'registry.example.com/${REGISTRY_TOKEN}/app:1' })
  })
})

describe('compareVersions', () => {
  it('finds added, removed and renamed stages and the final base change', () => {
    const before = analyse('FROM golang:1.22 AS builder', 'RUN go build -o /app', 'FROM alpine:3 AS old', 'RUN echo', 'FROM debian:12', 'COPY --from=builder /app /app')
    const after = analyse('FROM golang:1.22 AS build', 'RUN go build -o /app', 'FROM alpine:3 AS new', 'RUN echo other', 'FROM debian:12-slim', 'COPY --from=build /app /app')
    const delta = compareVersions(before, after)
    expect(delta).toMatchObject({ stagesAdded: ['new'], stagesRemoved: ['old'], stagesRenamed: [{ from: 'builder', to: 'build' }] })
    expect([delta.finalBase.before?.label, delta.finalBase.after?.label]).toEqual(['debian:12', 'debian:12-slim'])
  })

  it('does not count a finding that only moved (other lines, renamed stage) as new or fixed', () => {
    const before = analyse('FROM ubuntu AS builder', 'RUN make', 'FROM alpine:3', 'COPY --from=builder /out /out')
    const after = analyse('# moved down', '', 'FROM ubuntu AS build', 'RUN make', 'FROM alpine:3', 'COPY --from=build /out /out')
    expect(before.findings.map((f) => f.rule)).toContain('base-image-untagged')
    const delta = compareVersions(before, after)
    expect([delta.newFindings, delta.fixedFindings]).toEqual([[], []])
  })

  it('counts repeated findings as a multiset', () => {
    const before = analyse('FROM alpine:3', 'RUN cd /a && make', 'USER app')
    const after = analyse('FROM alpine:3', 'RUN cd /a && make', 'RUN cd /a && make', 'USER app')
    expect(before.findings.filter((f) => f.rule === 'run-cd')).toHaveLength(1)
    expect(compareVersions(before, after).newFindings.filter((f) => f.rule === 'run-cd').map((f) => f.line)).toEqual([3])
  })
})

describe('sizes from the registry in the summary', () => {
  const a = analyzeDockerfile('Dockerfile', df('FROM golang:1.22 AS build', 'RUN go build -o /app', 'FROM example.com/base:1', 'COPY --from=build /app /app', 'USER app'))
  const ok = (image: string, compressedSize: number, platformMismatch: string | null = null): ImageLookup => ({ ok: true, image, canonical: image, digest: 'sha256:x', platform: 'linux/amd64', compressedSize, size: null, layers: [], config: null, platformMismatch })

  it('shows exact sizes with their source, names the images that fell back and why, and flags a platform mismatch', () => {
    const sizes = new Map<string, ImageLookup>([
      [sizeKey('golang:1.22', 'linux/amd64'), { ok: false, image: 'golang:1.22', platform: 'linux/amd64', reason: 'no answer from registry-1.docker.io within 10000 ms' }],
      [sizeKey('example.com/base:1', 'linux/amd64'), ok('example.com/base:1', 12_345_678, 'linux/arm64')]
    ])
    const md = summaryMarkdown(reviewOf([a], { sizes }), { links: LINKS })
    expect(md).toContain('| <code>golang:1.22</code> | <code>build</code> | golang | large | ≈ 300 MB | estimate |')
    expect(md).toContain('| <code>example.com/base:1</code> | <code>stage 1</code> | — | small | 12.3 MB | registry |')
    expect(md).toContain('*Estimated because the registry look-up failed:* <code>golang:1.22</code>: no answer from registry-1.docker.io within 10000 ms')
    expect(md).toContain('⚠️ <code>example.com/base:1</code> is built for <code>linux/arm64</code>, not <code>linux/amd64</code>')
    expect(md).toContain('<code>example.com/base:1</code> — small, 12.3 MB, from the registry')
  })

  it('formats bytes and estimates', () => {
    expect([formatBytes(999), formatBytes(1_500), formatBytes(12_345_678)]).toEqual(['999 B', '1.5 kB', '12.3 MB'])
    expect(platformOf({ kind: 'image', label: 'x', image: 'x', tag: null, platform: '$BUILDPLATFORM' })).toBe('linux/amd64')
    expect(platformOf({ kind: 'image', label: 'x', image: 'x', tag: null, platform: 'linux/ARM64' })).toBe('linux/arm64')
  })
})

describe('the summary under the size limit', () => {
  it('first drops the picture and the breakdown, keeping stages and findings, before falling back to counts', () => {
    const files = Array.from({ length: 6 }, (_, i) => analyzeDockerfile(`s${i}/Dockerfile`, df('FROM golang:1.22 AS build', 'RUN go build -o /app', 'FROM alpine:3', 'COPY --from=build /app /app', 'CMD run | tee /log')))
    const full = summaryMarkdown(reviewOf(files), { links: LINKS })
    const limit = [...full].length - 10
    const compact = summaryMarkdown(reviewOf(files), { links: LINKS, limit })
    expect([...compact].length).toBeLessThanOrEqual(limit)
    expect(compact).toContain('| # | stage |')
    expect(compact).toContain('**Findings**')
    expect(compact).not.toContain('```mermaid')
    expect(compact).not.toContain('**Final image**')
  })

  it('in the compact form keeps the new findings and only counts the old ones', () => {
    const before = analyzeDockerfile('s/Dockerfile', df('FROM golang:1.22 AS build', 'RUN go build -o /app', 'FROM alpine:3', 'COPY --from=build /app /app', 'CMD run | tee /log'))
    const after = analyzeDockerfile('s/Dockerfile', df('FROM golang:1.22 AS build', 'RUN go build -o /app', 'FROM alpine:3', 'COPY --from=build /app /app', 'RUN cd /x && make', 'CMD run | tee /log'))
    const review = reviewOf([after], { previous: new Map([['s/Dockerfile', before]]) })
    const full = summaryMarkdown(review, { links: LINKS })
    const compact = summaryMarkdown(review, { links: LINKS, limit: [...full].length - 10 })
    expect(after.findings.length).toBe(2)
    expect(compact).toContain('[`run-cd`]')
    expect(compact).toContain('*1 finding already there before this pull request (1 warning): not listed, to keep this short.*')
    expect(compact).not.toContain('[`json-args-recommended`]')
    expect(full).toContain('<summary>1 finding already there before this pull request (1 warning)</summary>')
    expect(full).toContain('[`json-args-recommended`]')
  })
})
