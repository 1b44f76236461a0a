/**
 * The lines a pull request changed, from the `patch` GitHub gives per file (a unified diff
 * without the file headers). Only added lines count: a finding on a line the PR did not touch
 * is not the PR's doing.
 */

export interface LineRange {
  start: number
  end: number
}

/** Added line numbers (new-file side) as merged ranges, in order. */
export function changedLines(patch: string): LineRange[] {
  const ranges: LineRange[] = []
  let line = 0
  let inHunk = false
  for (const text of patch.split('\n')) {
    const header = /^@@ -\d+(?:,\d+)? \+(\d+)(?:,\d+)? @@/.exec(text)
    if (header !== null) {
      line = Number(header[1])
      inHunk = true
      continue
    }
    if (!inHunk) continue
    const mark = text[0]
    if (mark === '+') {
      const last = ranges[ranges.length - 1]
      if (last !== undefined && last.end === line - 1) last.end = line
      else ranges.push({ start: line, end: line })
      line++
    } else if (mark === ' ' || text === '') {
      line++
    } else if (mark === '\\') {
      // "\ No newline at end of file": not a line.
    }
    // '-' lines exist only in the old file.
  }
  return ranges
}

export function touches(ranges: readonly LineRange[], start: number, end: number): boolean {
  return ranges.some((r) => r.start <= end && start <= r.end)
}
