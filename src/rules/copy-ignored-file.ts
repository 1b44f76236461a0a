/**
 * COPY of a path the .dockerignore leaves out of the build context (silent when the build
 * context is unknown). Matching is Docker's, `!` exceptions included (src/parse/dockerignore.ts).
 */
import { exclusionOf, excludesEverything, isSimple, parseDockerignore, patternMatches, type Dockerignore, type IgnorePattern } from '../parse/dockerignore.js'
import { trimTrailingSlashes } from '../parse/paths.js'
import type { Rule } from './types.js'
import { isContextCopy } from './helpers.js'

const GLOB = /[*?[\\]/

/**
 * The pattern that leaves out every file a COPY source names, or null when some may be in the
 * context. A path is out when it is excluded and no later exception can put a file below it
 * back (it may be a folder). A glob (`dist/*.js`, `*.json`) is out when its folder is; or, with
 * no exception at all, when a pattern of literals, `*` and `**` matches the glob's own text, as
 * `*.json` matches `*.json` (such a pattern then matches every path the glob names).
 */
function leftOutBy(ignore: Dockerignore, source: string): IgnorePattern | null {
  const path = trimTrailingSlashes(source.replace(/^(?:\.\/|\/)+/, ''))
  if (path === '' || path === '.') return excludesEverything(ignore)
  const segments = path.split('/')
  const firstGlob = segments.findIndex((s) => GLOB.test(s))
  if (firstGlob < 0) {
    const exclusion = exclusionOf(ignore, path)
    return exclusion === null || exclusion.exceptionsBelow ? null : exclusion.by
  }
  if (firstGlob > 0) {
    const exclusion = exclusionOf(ignore, segments.slice(0, firstGlob).join('/'))
    if (exclusion !== null && !exclusion.exceptionsBelow) return exclusion.by
  }
  // Classes and escapes in the glob: its text says too little about the names it matches.
  if (/[[\\]/.test(path) || ignore.patterns.some((p) => p.exception)) return null
  return ignore.patterns.find((p) => isSimple(p) && patternMatches(p, path)) ?? null
}

export const copyIgnoredFile: Rule = {
  meta: {
    id: 'copy-ignored-file',
    title: 'COPY names a file that .dockerignore excludes',
    severity: 'warning',
    category: 'correctness',
    scope: 'all',
    equivalents: { hadolint: null, buildkit: 'CopyIgnoredFile' }
  },
  check: ({ model, buildContext }) => {
    if (buildContext === undefined || buildContext.dockerignore === null) return []
    const parsed = parseDockerignore(buildContext.dockerignore)
    // A .dockerignore Docker refuses fails the build on its own; nothing to say about COPY.
    if (!parsed.ok || parsed.ignore.patterns.length === 0) return []
    const where = buildContext.dockerignorePath ?? '.dockerignore'
    return model.stages.flatMap((s) =>
      s.instructions.filter(isContextCopy).flatMap((ins) =>
        (ins.copy?.sources ?? []).flatMap((source) => {
          // Heredocs, URLs, and variables left unexpanded (their value decides the path) are not context paths to check.
          if (source.startsWith('<<') || /^[a-z]+:\/\//i.test(source) || source.includes('$')) return []
          const hit = leftOutBy(parsed.ignore, source)
          if (hit === null) return []
          return [{ line: ins.line, message: `${source} is excluded by "${hit.pattern}" (line ${hit.line} of ${where}), so this ${ins.keyword} copies nothing or fails`, stage: s.index }]
        })
      )
    )
  }
}
