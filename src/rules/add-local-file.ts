import type { Rule } from './types.js'

const ARCHIVE = /\.(?:tar|tgz|tbz2?|txz|tar\.(?:gz|bz2|xz|zst)|gz|bz2|xz|zst)$/i

/** A URL or a git repository (`x.git`, `x.git#ref`); indexOf, not /\.git(?:#.*)?$/, which is quadratic on `.git#.git#…`. */
function isRemote(src: string): boolean {
  if (/^(?:https?|git|ssh):\/\/|^git@/.test(src) || src.endsWith('.git')) return true
  const ref = src.lastIndexOf('.git#')
  return ref >= 0 && !src.includes('\n', ref)
}

export const addLocalFile: Rule = {
  meta: {
    id: 'add-local-file',
    title: 'ADD of a local file that is not an archive',
    severity: 'warning',
    category: 'style',
    scope: 'all',
    equivalents: { hadolint: 'DL3020', buildkit: null },
    needs: { keywords: ['ADD'] }
  },
  check: ({ model }) =>
    model.stages.flatMap((s) =>
      s.instructions
        .filter((i) => i.keyword === 'ADD' && i.copy !== undefined && i.copy.sources.length > 0 && i.copy.sources.every((src) => !isRemote(src) && !ARCHIVE.test(src) && !src.startsWith('<<')))
        .map((i) => ({ line: i.line, endLine: i.endLine, message: 'ADD of local files does what COPY does, plus surprises (it unpacks archives, fetches URLs): use COPY', stage: s.index }))
    )
}
