import { describe, expect, it } from '@jest/globals'
import { changedLines, touches } from '../../src/diff/patch.js'

describe('changedLines', () => {
  it('reads added lines on the new side of each hunk, merged into ranges', () => {
    const patch = [
      '@@ -1,4 +1,5 @@',
      ' FROM node:20',
      '-RUN npm install',
      '+RUN npm ci',
      '+RUN npm run build',
      ' COPY . .',
      ' CMD ["node"]',
      '@@ -20,3 +21,4 @@ FROM node:20 AS final',
      ' USER node',
      '+EXPOSE 3000',
      ' ENTRYPOINT ["x"]',
      '\\ No newline at end of file'
    ].join('\n')
    expect(changedLines(patch)).toEqual([
      { start: 2, end: 3 },
      { start: 22, end: 22 }
    ])
  })

  it('handles a new file and hunks without counts', () => {
    expect(changedLines('@@ -0,0 +1,3 @@\n+FROM a\n+RUN b\n+CMD c')).toEqual([{ start: 1, end: 3 }])
    expect(changedLines('@@ -5 +5 @@\n-a\n+b')).toEqual([{ start: 5, end: 5 }])
  })

  it('gives nothing for a deletion-only patch or an empty one', () => {
    expect(changedLines('@@ -1,2 +1 @@\n FROM a\n-RUN b')).toEqual([])
    expect(changedLines('')).toEqual([])
  })
})

describe('touches', () => {
  it('says whether a finding range overlaps a changed range', () => {
    const ranges = [{ start: 5, end: 7 }]
    expect([touches(ranges, 1, 4), touches(ranges, 4, 5), touches(ranges, 7, 9), touches(ranges, 8, 9)]).toEqual([false, true, true, false])
  })
})
