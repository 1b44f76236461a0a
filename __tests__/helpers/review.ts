/** Analyses in the shape the reports take (a review's files), for tests that render without running review(). */
import type { BuiltImageResult } from '../../src/enrich/built-image.js'
import type { PreviousVersion } from '../../src/enrich/delta.js'
import type { FileAnalysis } from '../../src/model/analysis.js'
import type { ImageLookup } from '../../src/model/image.js'
import { HOME, VERSION } from '../../src/model/version.js'
import { linksAt, releaseTag } from '../../src/report/links.js'

/** The links the CLI gives (the package's repository at its version's tag). */
export const LINKS = linksAt(HOME, releaseTag(VERSION))

export interface Extras {
  previous?: ReadonlyMap<string, PreviousVersion>
  sizes?: ReadonlyMap<string, ImageLookup>
  builtImages?: ReadonlyMap<string, BuiltImageResult>
  removed?: readonly string[]
  notes?: readonly string[]
}

export function reviewOf(analyses: readonly FileAnalysis[], extras: Extras = {}) {
  const { previous, ...rest } = extras
  return {
    ...rest,
    files: analyses.map((analysis) => {
      const before = previous?.get(analysis.path)
      return { path: analysis.path, analysis, ...(before === undefined ? {} : { previous: before }) }
    })
  }
}
