/** The JSON report printed file by file is the report JSON.stringify prints whole, byte for byte. */
import { describe, expect, it } from '@jest/globals'
import { JSON_REPORT_OPEN, jsonFilePiece, jsonReportClose, toJsonFile } from '../../src/report/json.js'
import { analyze, df } from '../helpers/dockerfile.js'

describe('jsonFilePiece', () => {
  it('indents each file as it is inside the whole report, also after a line or paragraph separator in a string', () => {
    const files = [
      { ...analyze(df('FROM alpine:3.20 AS build', 'RUN apk add gcc', 'FROM scratch', 'COPY --from=build /x /x')), path: 'a/Dockerfile' },
      { ...analyze(df('FROM alpine', 'MAINTAINER someone\u2028else\u2029x')), path: 'b/Dockerfile\u2028c' }
    ].map((analysis) => toJsonFile({ analysis }))
    const pieces = JSON_REPORT_OPEN + files.map((f, i) => jsonFilePiece(f, i === 0)).join('') + jsonReportClose(files.length)
    expect(pieces).toBe(JSON.stringify({ version: 1, files }, null, 2) + '\n')
    expect(pieces).toContain('b/Dockerfile\u2028c"')
  })

  it('prints an empty report as the whole report would', () => {
    expect(JSON_REPORT_OPEN + jsonReportClose(0)).toBe(JSON.stringify({ version: 1, files: [] }, null, 2) + '\n')
  })
})
