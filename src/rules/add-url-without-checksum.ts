/**
 * ADD of a remote source trusts whatever the server sends at build time. A versioned download
 * wants `--checksum=sha256:…`; a git source is pinned by a tag or a commit in its `#ref` (or
 * `--checksum=<commit>`, Dockerfile 1.16+); a URL that follows upstream's latest release cannot
 * take a checksum until it names a version.
 */
import type { Instruction } from '../model/dockerfile.js'
import type { Rule, RuleReport } from './types.js'

/** BuildKit's git sources: `git@host:repo`, `git://`, `ssh://`, or an HTTP(S) URL whose path ends in `.git`. */
export function isGitSource(source: string): boolean {
  if (/^(?:git@|git:\/\/|ssh:\/\/)/i.test(source)) return true
  if (!/^https?:\/\//i.test(source)) return false
  const path = source.replace(/[#?].*$/s, '')
  return /\.git\/?$/i.test(path)
}

/** The `#ref` (before a `:subdir`) or `?ref=`/`?tag=`/`?branch=` of a git source, or null for the default branch. */
function gitRef(source: string): { ref: string | null; verified: boolean } {
  const query = /\?([^#]*)/.exec(source)?.[1] ?? ''
  const params = new URLSearchParams(query)
  if (params.has('checksum') || params.has('commit')) return { ref: params.get('checksum') ?? params.get('commit'), verified: true }
  const fromQuery = params.get('ref') ?? params.get('tag') ?? params.get('branch')
  if (fromQuery !== null) return { ref: fromQuery, verified: false }
  const hash = source.indexOf('#')
  if (hash < 0) return { ref: null, verified: false }
  const ref = source.slice(hash + 1).split(':')[0] ?? ''
  return { ref: ref === '' ? null : ref, verified: false }
}

const COMMIT = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/i
/** Refs and path parts that move with upstream. */
const MOVING = new Set(['latest', 'master', 'main', 'head', 'trunk', 'nightly', 'develop', 'current', 'stable', 'edge'])
/** A version-looking part: `v1.2`, `1.2.3`, `2024-01-02`, `r27`, a commit. */
const VERSION = /(?:^|[^a-z])v?\d+(?:[._-]\d+)+|(?:^|[^a-z0-9])[vr]\d+|^(?=[a-f]*\d)[0-9a-f]{7,64}$/i
/** Architecture names look like versions (`x86_64`) but say nothing about one. */
const ARCH = /x86[_-]64|amd64|arm64|aarch64|i[36]86|armv\dl?|ppc64le|s390x/gi

const isVersion = (segment: string): boolean => segment.length <= 256 && VERSION.test(segment.replace(ARCH, ''))

const parts = (text: string): string[] => text.split(/[/._-]+/).filter((p) => p !== '')

/**
 * How an HTTP URL follows upstream rather than naming what it downloads: the moving part it
 * names (`master`, `latest`), "no version" when it names none, or null when it names a version.
 */
function followsUpstream(url: string): string | null {
  const path = url.replace(/^[a-z]+:\/\/[^/]*/i, '').replace(/[?#].*$/s, '')
  const moving = parts(path).find((p) => MOVING.has(p.toLowerCase()))
  if (moving !== undefined) return `"${moving}"`
  return path.split('/').some(isVersion) ? null : 'no version'
}

/** A URL as a message shows it: long ones shortened. */
const shown = (url: string): string => (url.length > 160 ? `${url.slice(0, 157)}…` : url)

function checkAdd(ins: Instruction, stage: number): RuleReport[] {
  const copy = ins.copy
  if (copy === undefined || copy.checksum !== null || copy.from !== null) return []
  const at = { line: ins.line, endLine: ins.endLine, stage }
  return copy.sources.flatMap((source): RuleReport[] => {
    if (isGitSource(source)) {
      const { ref, verified } = gitRef(source)
      if (verified || (ref !== null && COMMIT.test(ref))) return []
      // A tag pins a git source the way a tag pins a base image.
      if (ref !== null && !MOVING.has(ref.toLowerCase()) && isVersion(ref)) return []
      const what = ref === null ? 'its default branch' : `${ref}, which moves with every push`
      return [
        {
          ...at,
          message: `ADD of the git repository ${shown(source.replace(/[#?].*$/s, ''))} follows ${what}: pin a release tag or a commit SHA in #ref, or keep the ref and add --checksum=<commit SHA> (Dockerfile 1.16+)`,
          severity: 'info'
        }
      ]
    }
    if (!/^https?:\/\//i.test(source)) return []
    const follows = followsUpstream(source)
    if (follows !== null)
      return [
        {
          ...at,
          message: `ADD ${shown(source)} names ${follows}, so it follows upstream and a --checksum would break on every upstream change: download a versioned URL, then add --checksum=sha256:…`,
          severity: 'info'
        }
      ]
    return [{ ...at, message: `ADD ${shown(source)} trusts whatever the server sends today: add --checksum=sha256:<digest of the file> (Dockerfile 1.6+) so a changed or tampered download fails the build` }]
  })
}

export const addUrlWithoutChecksum: Rule = {
  meta: {
    id: 'add-url-without-checksum',
    title: 'ADD downloads a URL without --checksum',
    severity: 'warning',
    category: 'security',
    scope: 'all',
    equivalents: { hadolint: null, buildkit: null },
    needs: { keywords: ['ADD'] }
  },
  check: ({ model }) => model.stages.flatMap((stage) => stage.instructions.filter((i) => i.keyword === 'ADD').flatMap((i) => checkAdd(i, stage.index)))
}
