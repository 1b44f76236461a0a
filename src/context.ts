/**
 * What Stagecraft can know of the build context without building: its .dockerignore. The context
 * is taken to be the Dockerfile's folder (the usual `docker build -f dir/Dockerfile dir`).
 * BuildKit prefers `<Dockerfile>.dockerignore` next to the Dockerfile over `.dockerignore`.
 */
import { readFile } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'

export interface BuildContext {
  /** The .dockerignore text, or null when the context has none. */
  dockerignore: string | null
  /** Which file it came from, for messages. */
  dockerignorePath: string | null
}

async function readIfExists(path: string): Promise<string | null> {
  try {
    return await readFile(path, 'utf8')
  } catch {
    return null
  }
}

/** `absolutePath` is read; `displayPath` (relative, as reported) names the files in messages. */
export async function readBuildContext(absolutePath: string, displayPath: string): Promise<BuildContext> {
  const candidates = [
    [`${absolutePath}.dockerignore`, `${displayPath}.dockerignore`],
    [join(dirname(absolutePath), '.dockerignore'), join(dirname(displayPath), '.dockerignore')]
  ] as const
  for (const [path, shown] of candidates) {
    if (basename(path) === '.dockerignore.dockerignore') continue
    const text = await readIfExists(path)
    if (text !== null) return { dockerignore: text, dockerignorePath: shown }
  }
  return { dockerignore: null, dockerignorePath: null }
}
