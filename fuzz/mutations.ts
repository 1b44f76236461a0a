/**
 * Mutation fuzzing with fast-check, seeded from real Dockerfiles: line deletions and
 * duplications, random bytes, truncated heredocs and continuations, flag soup, unicode and NUL.
 * Shared by the CI test (a few thousand cases, fixed seed) and `npm run fuzz` (the long campaign).
 *
 * Properties, for every input: no exception (and no internal-error finding), every finding's
 * lines inside the file, the same output for the same input, and every report renders.
 */
import fc from 'fast-check'
import { analyzeDockerfile, INTERNAL_ERROR } from '../src/review/analyze.js'
import { toJsonReport } from '../src/report/json.js'
import { summaryMarkdown } from '../src/report/markdown.js'
import { toSarif } from '../src/report/sarif.js'
import { RULES } from '../src/rules/registry.js'
import type { FileAnalysis } from '../src/model/analysis.js'
import { LINKS, reviewOf } from '../__tests__/helpers/review.js'

/** Pieces that stress the parser: escapes, heredocs, quotes, variables, flags, odd characters. */
const PIECES = [
  '\\', '`', '<<EOF', '<<-EOF', "<<'EOF'", '5<<X', 'EOF', '"', "'", '[', ']', '${', '}', '$', ':-', '#', '\n', '\r', '\t', ' ',
  '--mount=type=cache,target=/x', '--mount=from=', '--from=', '--platform=$BUILDPLATFORM', '--chmod=', '--link', '--', 'FROM ', ' AS ', 'RUN ', 'COPY ', 'ARG ', 'ENV ',
  '# escape=`', '# syntax=docker/dockerfile:1', '# check=skip=all', '# stagecraft-ignore', '# hadolint ignore=DL3006',
  '\u0000', '\uFEFF', '\u200B', '\u202E', '\u2028', 'é', '🐳', '\uD800', 'e\u0301', '｜'
]

const FLAGS = ['--mount', '--from', '--platform', '--chmod', '--chown', '--link', '--network', '--security', '--exclude', '--parents', '--checksum', '--interval', '--x']
const FLAG_VALUES = ['', '=', '=a', '=type=bind,from=0,source=/', '=type=cache', '=type=secret,id=x', '="a b"', '=$X', '=${Y:-z}', '=,,,', '=from=', '=\\']

export type Mutation =
  | { kind: 'delete'; at: number }
  | { kind: 'duplicate'; at: number }
  | { kind: 'bytes'; at: number; bytes: number[] }
  | { kind: 'piece'; at: number; piece: number }
  | { kind: 'truncate'; at: number }
  | { kind: 'truncate-block'; at: number }
  | { kind: 'flags'; at: number; flags: [number, number][] }

export const mutationArbitrary: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('duplicate' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('bytes' as const), at: fc.nat(), bytes: fc.array(fc.integer({ min: 0, max: 255 }), { minLength: 1, maxLength: 8 }) }),
  fc.record({ kind: fc.constant('piece' as const), at: fc.nat(), piece: fc.nat({ max: PIECES.length - 1 }) }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('truncate-block' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('flags' as const), at: fc.nat(), flags: fc.array(fc.tuple(fc.nat({ max: FLAGS.length - 1 }), fc.nat({ max: FLAG_VALUES.length - 1 })), { minLength: 1, maxLength: 6 }) })
)

export interface Case {
  seed: number
  mutations: Mutation[]
}

export const caseArbitrary = (seeds: number): fc.Arbitrary<Case> => fc.record({ seed: fc.nat({ max: seeds - 1 }), mutations: fc.array(mutationArbitrary, { minLength: 1, maxLength: 6 }) })

/** Lines that open or continue a block: a heredoc start or a continuation. */
function blockLines(lines: readonly string[]): number[] {
  const found: number[] = []
  lines.forEach((l, i) => {
    if (l.includes('<<') || /[\\`]\s*$/.test(l)) found.push(i)
  })
  return found
}

export function applyMutation(text: string, m: Mutation): string {
  const lines = text.split('\n')
  const line = m.at % Math.max(1, lines.length)
  switch (m.kind) {
    case 'delete':
      lines.splice(line, 1)
      return lines.join('\n')
    case 'duplicate':
      lines.splice(line, 0, lines[line] ?? '')
      return lines.join('\n')
    case 'truncate':
      return text.slice(0, m.at % (text.length + 1))
    case 'truncate-block': {
      // Cut the file just after a heredoc start or inside a continuation.
      const blocks = blockLines(lines)
      const at = blocks.length === 0 ? line : (blocks[m.at % blocks.length] as number)
      return lines.slice(0, at + 1 + (m.at % 2)).join('\n')
    }
    case 'flags': {
      const target = lines[line] ?? ''
      const space = target.search(/\s/)
      const soup = m.flags.map(([f, v]) => `${FLAGS[f] as string}${FLAG_VALUES[v] as string}`).join(' ')
      lines[line] = space < 0 ? `${target} ${soup}` : `${target.slice(0, space)} ${soup}${target.slice(space)}`
      return lines.join('\n')
    }
    case 'bytes':
    case 'piece': {
      const at = m.at % (text.length + 1)
      const insert = m.kind === 'bytes' ? String.fromCharCode(...m.bytes) : (PIECES[m.piece] as string)
      return text.slice(0, at) + insert + text.slice(at)
    }
  }
}

export function applyCase(seeds: readonly string[], c: Case): string {
  return c.mutations.reduce(applyMutation, seeds[c.seed % seeds.length] as string)
}

/** Lines as GitHub and BuildKit count them (only \n ends a line; a final newline ends the last one). */
export function countLines(text: string): number {
  let n = 1
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) n++
  if (text.endsWith('\n') && n > 1) n--
  return n
}

/** Null when the properties hold; otherwise what broke. */
export function checkProperties(text: string): string | null {
  let first: FileAnalysis
  try {
    first = analyzeDockerfile('Dockerfile', text)
  } catch (err) {
    return `threw: ${String(err)}`
  }
  const internal = first.findings.find((f) => f.rule === INTERNAL_ERROR)
  if (internal !== undefined) return internal.message
  const lines = countLines(text)
  const outside = first.findings.find((f) => f.line < 1 || f.endLine < f.line || f.endLine > lines)
  if (outside !== undefined) return `${outside.rule} at ${outside.line}-${outside.endLine}, outside the file's ${lines} lines`
  const again = analyzeDockerfile('Dockerfile', text)
  if (JSON.stringify(again.findings) !== JSON.stringify(first.findings)) return 'a second run gave other findings'
  try {
    const markdown = summaryMarkdown(reviewOf([first]), { links: LINKS })
    if (markdown !== summaryMarkdown(reviewOf([again]), { links: LINKS })) return 'a second run gave another summary'
    JSON.stringify(toJsonReport(reviewOf([first])))
    JSON.stringify(toSarif(reviewOf([first]), RULES, LINKS))
  } catch (err) {
    return `a report threw: ${String(err)}`
  }
  return null
}
