/** The JSON report printed file by file is the report JSON.stringify prints whole, byte for byte. */
import { describe, expect, it } from '@jest/globals'
import { JSON_REPORT_OPEN, jsonFilePiece, jsonReportClose, toJsonFile, toJsonReport } from '../../src/report/json.js'
import { analyze, df } from '../helpers/dockerfile.js'

describe('jsonFilePiece', () => {
  it('indents each file as it is inside the whole report, also after a line or paragraph separator in a string', () => {
    const files = [
      { ...analyze(df('FROM alpine:3.20 AS build', 'RUN apk add gcc', 'FROM scratch', 'COPY --from=build /x /x')), path: 'a/Dockerfile' },
      { ...analyze(df('FROM alpine', 'MAINTAINER someone\u2028else\u2029x')), path: 'b/Dockerfile\u2028c' }
    ].map((analysis) => toJsonFile({ analysis }))
    const pieces = JSON_REPORT_OPEN + files.map((f, i) => jsonFilePiece(f, i === 0)).join('') + jsonReportClose(files.length, {})
    expect(pieces).toBe(JSON.stringify({ version: 1, files, unread: [], incomplete: [] }, null, 2) + '\n')
    expect(pieces).toContain('b/Dockerfile\u2028c"')
  })

  it('prints an empty report as the whole report would', () => {
    expect(JSON_REPORT_OPEN + jsonReportClose(0, {})).toBe(JSON.stringify({ version: 1, files: [], unread: [], incomplete: [] }, null, 2) + '\n')
  })

  it('ends with the files that were not read and why the list is incomplete, as the whole report has them', () => {
    const analysis = { ...analyze(df('FROM alpine:3.20')), path: 'a/Dockerfile' }
    const notReviewed = { unread: [{ path: 'b/Dockerfile', reason: 'a symlink' }], incomplete: ['GitHub listed only the first 3,000 files'] }
    const streamed = JSON_REPORT_OPEN + jsonFilePiece(toJsonFile({ analysis }), true) + jsonReportClose(1, notReviewed)
    expect(streamed).toBe(JSON.stringify(toJsonReport({ files: [{ path: analysis.path, analysis }], ...notReviewed }), null, 2) + '\n')
    expect(JSON.parse(streamed)).toMatchObject(notReviewed)
  })
})
