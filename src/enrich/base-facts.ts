/**
 * What the rules are told about base images, per stage of a model: the registry's facts (the
 * image's config) and its compressed size (the registry's, else the built-in estimate). Pure:
 * the look-ups happen in src/review before the rules run.
 */
import { describeBase, describeShippedImage } from '../graph/image.js'
import { baseSize, lookupOf } from './sizes.js'
import type { DockerfileModel } from '../model/dockerfile.js'
import type { BaseFacts, ImageLookup, SizeFact } from '../model/image.js'
import type { FileAnalysis } from '../model/analysis.js'

/** By stage index: the facts of the image its FROM names, when the registry gave its config. */
export function baseFactsByStage(model: DockerfileModel, sizes: ReadonlyMap<string, ImageLookup>): (BaseFacts | null)[] {
  return model.stages.map((stage) => {
    const found = lookupOf(describeBase(stage, model.stages), sizes)
    return found?.ok === true ? (found.config?.facts ?? null) : null
  })
}

/** By stage index: the compressed size of the image its FROM names; null for a stage or an unknown image. */
export function baseSizesByStage(model: DockerfileModel, sizes: ReadonlyMap<string, ImageLookup> | undefined): (SizeFact | null)[] {
  return model.stages.map((stage) => {
    const base = describeBase(stage, model.stages)
    if (base.kind === 'stage' || base.kind === 'unknown') return null
    const size = baseSize(base, sizes)
    return size === null ? null : { image: base.label, bytes: size.compressedSize, source: size.sizeSource }
  })
}

/** The shipped image's base size of an analysed version (what a change grows from). */
export function shippedBaseSize(analysis: FileAnalysis, sizes: ReadonlyMap<string, ImageLookup> | undefined): SizeFact | null {
  const shipped = describeShippedImage(analysis.model, analysis.graph)
  if (shipped === null) return null
  const root = shipped.chain[0]
  return root === undefined ? null : (baseSizesByStage(analysis.model, sizes)[root] ?? null)
}
