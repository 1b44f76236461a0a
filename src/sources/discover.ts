/** Which files are Dockerfiles: explicit files as given, directories searched by name patterns. */
import { statSync } from 'node:fs'
import { isAbsolute, join, resolve } from 'node:path'
import { glob } from 'tinyglobby'

/** Names we treat as Dockerfiles when searching a folder (case-insensitive). */
export const DOCKERFILE_PATTERNS: readonly string[] = [
  '**/Dockerfile',
  '**/Containerfile',
  '**/*.Dockerfile',
  '**/*.dockerfile',
  '**/Dockerfile.*',
  '**/Containerfile.*'
]

/** Never Dockerfiles, even when a name pattern above matches (e.g. `Dockerfile.dockerignore`). */
export const IGNORED_PATTERNS: readonly string[] = [
  '**/node_modules/**',
  '**/.git/**',
  '**/*.dockerignore',
  '**/.dockerignore',
  '**/*.md',
  '**/*.yml',
  '**/*.yaml',
  '**/*.json'
]

function kindOf(path: string): 'file' | 'dir' | 'missing' {
  try {
    const stat = statSync(path)
    return stat.isDirectory() ? 'dir' : 'file'
  } catch {
    return 'missing'
  }
}

export interface Discovery {
  files: string[]
  /** Arguments that matched nothing, so the caller can say so instead of silently passing. */
  unmatched: string[]
}

/**
 * Expands CLI arguments: a file is taken as is, a folder is searched with the patterns, anything
 * else is a glob. Paths come back relative to `cwd` when they were given relative, sorted, once each.
 */
export async function discoverDockerfiles(args: readonly string[], cwd: string): Promise<Discovery> {
  const inputs = args.length === 0 ? ['.'] : args
  const found = new Set<string>()
  const unmatched: string[] = []
  const options = { ignore: [...IGNORED_PATTERNS], caseSensitiveMatch: false, dot: true, onlyFiles: true }
  for (const input of inputs) {
    const kind = kindOf(resolve(cwd, input))
    let matches: string[]
    if (kind === 'file') matches = [input]
    else if (kind === 'dir') {
      const inDir = await glob([...DOCKERFILE_PATTERNS], { ...options, cwd: resolve(cwd, input) })
      matches = inDir.map((p) => (input === '.' || input === './' ? p : join(input, p)))
    } else {
      matches = await glob([input], { ...options, cwd, absolute: isAbsolute(input) })
    }
    if (matches.length === 0) unmatched.push(input)
    for (const m of matches) found.add(m)
  }
  return { files: [...found].sort(), unmatched }
}
