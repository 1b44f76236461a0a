/** The shared corpus of real Dockerfiles (../shared/corpus), read in place and never copied. */
import { existsSync, readFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

export const CORPUS_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../../shared/corpus')

export interface CorpusEntry {
  file: string
  repo: string
  stages: number
  path: string
}

export function corpusAvailable(): boolean {
  return existsSync(join(CORPUS_DIR, 'MANIFEST.tsv'))
}

export function readManifest(): CorpusEntry[] {
  const lines = readFileSync(join(CORPUS_DIR, 'MANIFEST.tsv'), 'utf8').trim().split('\n')
  const header = (lines.shift() ?? '').split('\t')
  const col = (name: string): number => header.indexOf(name)
  return lines.map((line) => {
    const cells = line.split('\t')
    const file = cells[col('file')] as string
    return { file, repo: cells[col('repo')] as string, stages: Number(cells[col('stages')]), path: join(CORPUS_DIR, file) }
  })
}

/** Parser test files and build-tool fixtures: fine for crash tests, not for "how real files look". */
export function isFixture(entry: CorpusEntry): boolean {
  return entry.file.startsWith('moby__buildkit/frontend__dockerfile__parser__testfiles') || entry.file.startsWith('containers__buildah/tests__')
}
