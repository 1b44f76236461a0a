/** One-click fixes: the line as it should read, only where the fix is mechanical and the PR changed the line. */
import { describe, expect, it } from '@jest/globals'
import { analyzeDockerfile } from '../../src/review/analyze.js'
import { SUGGESTED_RULES, suggestFixes, suggestionBody, suggestionId } from '../../src/report/suggestions.js'
import { df } from '../helpers/dockerfile.js'

function suggest(text: string, changed: 'all' | { start: number; end: number }[] = 'all'): { line: number; rules: string[]; replacement: string }[] {
  const analysis = analyzeDockerfile('Dockerfile', text)
  return suggestFixes({ path: 'Dockerfile', analysis, text, changed }, analysis.findings).map(({ line, rules, replacement }) => ({ line, rules, replacement }))
}

describe('suggestFixes', () => {
  it('adds -y and --no-install-recommends to apt-get install in one suggestion for the line', () => {
    expect(suggest(df('FROM debian:12', 'RUN apt-get update && apt-get install curl && rm -rf /var/lib/apt/lists/*', 'USER app'))).toEqual([
      { line: 2, rules: ['apt-get-assume-yes', 'apt-no-install-recommends'], replacement: 'RUN apt-get update && apt-get install --no-install-recommends -y curl && rm -rf /var/lib/apt/lists/*' }
    ])
  })

  it('fixes the continuation line that holds the command, keeping its indentation', () => {
    const text = df('FROM debian:12', 'RUN apt-get update \\', '    && apt-get install -y curl \\', '    && rm -rf /var/lib/apt/lists/*', 'USER app')
    expect(suggest(text)).toEqual([{ line: 3, rules: ['apt-no-install-recommends'], replacement: '    && apt-get install --no-install-recommends -y curl \\' }])
  })

  it('adds --no-cache-dir to pip install, -y to dnf and yum', () => {
    expect(suggest(df('FROM python:3.12-slim', 'RUN pip install flask', 'USER app'))).toEqual([{ line: 2, rules: ['pip-cache'], replacement: 'RUN pip install --no-cache-dir flask' }])
    expect(suggest(df('FROM fedora:40', 'RUN dnf install httpd && dnf clean all', 'USER app')).map((s) => s.replacement)).toEqual(['RUN dnf install -y httpd && dnf clean all'])
    expect(suggest(df('FROM centos:7', 'RUN yum install httpd && yum clean all', 'USER app')).map((s) => s.replacement)).toEqual(['RUN yum install -y httpd && yum clean all'])
  })

  it('writes a shell-form CMD of plain words in JSON form, and leaves one with shell syntax alone', () => {
    expect(suggest(df('FROM debian:12', 'USER app', 'CMD node server.js --port=80'))).toEqual([{ line: 3, rules: ['json-args-recommended'], replacement: 'CMD ["node", "server.js", "--port=80"]' }])
    expect(suggest(df('FROM debian:12', 'USER app', 'CMD node server.js && echo done'))).toEqual([])
    expect(suggest(df('FROM debian:12', 'USER app', 'CMD node "$APP"'))).toEqual([])
  })

  it('fixes the case of AS and a COPY --from typo of a stage name', () => {
    expect(suggest(df('FROM golang:1.22 as build', 'RUN go build -o /app', 'FROM alpine:3.20 AS run', 'COPY --from=bild /app /app', 'USER app'))).toEqual([
      { line: 1, rules: ['from-as-casing'], replacement: 'FROM golang:1.22 AS build' },
      { line: 4, rules: ['stage-name-typo'], replacement: 'COPY --from=build /app /app' }
    ])
  })

  it('never suggests on a line the PR did not change', () => {
    const text = df('FROM python:3.12-slim', 'RUN pip install flask', 'RUN pip install gunicorn', 'USER app')
    expect(suggest(text, [{ start: 3, end: 3 }]).map((s) => s.line)).toEqual([3])
    const analysis = analyzeDockerfile('Dockerfile', text)
    expect(suggestFixes({ path: 'Dockerfile', analysis, text, changed: undefined }, analysis.findings)).toEqual([])
  })

  it('knows which rules it fixes', () => {
    expect([...SUGGESTED_RULES].sort()).toEqual(['apt-get-assume-yes', 'apt-no-install-recommends', 'dnf-assume-yes', 'from-as-casing', 'json-args-recommended', 'pip-cache', 'stage-name-typo', 'yum-assume-yes'])
  })
})

describe('suggestionBody', () => {
  it('is the marker, the rules it fixes and a suggestion fence that the line cannot close', () => {
    const s = { path: 'Dockerfile', line: 2, rules: ['pip-cache'], original: 'RUN pip install x', replacement: 'RUN echo ``` && pip install --no-cache-dir x', key: 'k' }
    expect(suggestionBody(s, (r) => `https://docs/${r}.md`, '<!-- m -->')).toBe('<!-- m -->\n**Stagecraft** suggests a fix for [`pip-cache`](https://docs/pip-cache.md):\n\n````suggestion\nRUN echo ``` && pip install --no-cache-dir x\n````\n')
  })

  it('ids are stable and tell keys apart', () => {
    expect(suggestionId('a')).toBe(suggestionId('a'))
    expect(suggestionId('a')).not.toBe(suggestionId('b'))
    expect(suggestionId('a')).toMatch(/^[0-9a-f]{8}$/)
  })
})
