/** An in-memory repository for the build-definition readers: path → text. */
import type { RepoFiles } from '../../src/builds/types.js'

export function repoFiles(files: Record<string, string>): RepoFiles {
  return {
    list: () => Object.keys(files),
    read: (path) => (Object.hasOwn(files, path) ? (files[path] as string) : null)
  }
}

/** The lines of a text, joined: fixtures whose line numbers the test counts on. */
export const lines = (...text: string[]): string => `${text.join('\n')}\n`
