/** Rules about the build context's .dockerignore (silent when the context is unknown). */
import picomatch from 'picomatch'
import type { Instruction } from '../parse/types.js'
import type { Rule } from './types.js'

const isContextCopy = (i: Instruction): boolean => (i.keyword === 'COPY' || i.keyword === 'ADD') && i.copy !== undefined && i.copy.from === null

export const missingDockerignore: Rule = {
  meta: {
    id: 'missing-dockerignore',
    title: 'The whole context is copied and there is no .dockerignore',
    severity: 'warning',
    category: 'cache',
    scope: 'all',
    equivalents: { hadolint: null, buildkit: null }
  },
  check: ({ model, buildContext }) => {
    if (buildContext === undefined || buildContext.dockerignore !== null) return []
    const copy = model.stages.flatMap((s) => s.instructions).find((i) => isContextCopy(i) && (i.copy?.sources ?? []).some((s) => s === '.' || s === './'))
    if (copy === undefined) return []
    return [{ line: copy.line, message: 'this copies the whole build context and there is no .dockerignore next to the Dockerfile: .git, node_modules, build output and local .env files go into the build (and its cache); add a .dockerignore', stage: copy.stage }]
  }
}

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
          const path = source.replace(/^(?:\.\/|\/)+/, '').replace(/\/+$/, '')
          const hit = path === '' || path === '.' ? (everything ? patterns[0] : undefined) : matchers.find((m) => m.match(path) || path.split('/').some((_, k, parts) => m.match(parts.slice(0, k + 1).join('/'))))?.pattern
          if (hit === undefined) return []
          return [{ line: ins.line, message: `${source} is excluded by "${hit}" in ${buildContext.dockerignorePath ?? '.dockerignore'}, so this ${ins.keyword} copies nothing or fails`, stage: s.index }]
        })
      )
    )
  }
}
