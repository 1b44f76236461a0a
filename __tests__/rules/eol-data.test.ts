/**
 * The end-of-life table (src/rules/eol-data.ts) is dated: this fails once it is older than 180
 * days, so `npm run eol:update` refreshes it before it rots. Its shape is checked too.
 */
import { describe, expect, it } from '@jest/globals'
import { EOL_TABLE } from '../../src/rules/eol-data.js'

const MAX_AGE_DAYS = 180

describe('the end-of-life table', () => {
  it(`was taken less than ${MAX_AGE_DAYS} days ago (npm run eol:update refreshes it)`, () => {
    const age = Math.floor((Date.now() - Date.parse(EOL_TABLE.takenOn)) / 86_400_000)
    expect({ takenOn: EOL_TABLE.takenOn, tooOld: age > MAX_AGE_DAYS }).toEqual({ takenOn: EOL_TABLE.takenOn, tooOld: false })
  })

  it('names its source and how it was taken, and every line has a date or null', () => {
    expect(EOL_TABLE.source).toBe('https://endoflife.date')
    expect(EOL_TABLE.how).not.toBe('')
    const bad = Object.entries(EOL_TABLE.products).flatMap(([product, lines]) => lines.filter((l) => l.line === '' || (l.eol !== null && !/^\d{4}-\d{2}-\d{2}$/.test(l.eol))).map((l) => `${product} ${l.line}`))
    expect(bad).toEqual([])
  })

  it('covers the common bases the issue lists', () => {
    expect(Object.keys(EOL_TABLE.products).sort()).toEqual(
      ['almalinux', 'alpine', 'amazon-corretto', 'amazon-linux', 'centos', 'centos-stream', 'debian', 'dotnet', 'eclipse-temurin', 'go', 'mysql', 'nginx', 'nodejs', 'php', 'postgresql', 'python', 'redis', 'rhel', 'rocky-linux', 'ruby', 'ubuntu'].sort()
    )
  })
})
