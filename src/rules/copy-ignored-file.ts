/** COPY of a path the .dockerignore excludes (silent when the build context is unknown). */
import picomatch from 'picomatch'
import { trimTrailingSlashes } from '../parse/paths.js'
import type { Rule } from './types.js'
import { isContextCopy } from './helpers.js'

/** .dockerignore lines to patterns: comments and blanks dropped, leading / and ./ removed. */
export function dockerignorePatterns(text: string): string[] {
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('#'))
    .map((l) => l.replace(/^(?:\.\/|\/)+/, ''))
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
    const patterns = dockerignorePatterns(buildContext.dockerignore)
    // As in BuildKit: exceptions (!pattern) make the answer depend on order and files; skip.
    if (patterns.length === 0 || patterns.some((p) => p.startsWith('!'))) return []
    const matchers = patterns.map((p) => ({ pattern: p, match: picomatch(p, { dot: true }) }))
    const everything = patterns.some((p) => p === '*' || p === '**' || p === '**/*')
    return model.stages.flatMap((s) =>
      s.instructions.filter(isContextCopy).flatMap((ins) =>
        (ins.copy?.sources ?? []).flatMap((source) => {
          if (source.startsWith('<<') || /^[a-z]+:\/\//i.test(source)) return []
          const path = trimTrailingSlashes(source.replace(/^(?:\.\/|\/)+/, ''))
          const hit = path === '' || path === '.' ? (everything ? patterns[0] : undefined) : matchers.find((m) => m.match(path) || path.split('/').some((_, k, parts) => m.match(parts.slice(0, k + 1).join('/'))))?.pattern
          if (hit === undefined) return []
          return [{ line: ins.line, message: `${source} is excluded by "${hit}" in ${buildContext.dockerignorePath ?? '.dockerignore'}, so this ${ins.keyword} copies nothing or fails`, stage: s.index }]
        })
      )
    )
  }
}
