/**
 * Looks up every external base image of the analysed files (all stages, and the PR's base
 * versions too) once per image and platform, with the client's bounded concurrency and cache.
 */
import type { FileAnalysis } from '../analyze.js'
import { describeBase } from '../graph/image.js'
import { platformOf, sizeKey } from '../report/sizes.js'
import type { ImageLookup, RegistryClient } from './client.js'

export type RegistrySizes = ReadonlyMap<string, ImageLookup>

export async function lookupBaseImages(analyses: readonly FileAnalysis[], client: RegistryClient): Promise<Map<string, ImageLookup>> {
  const wanted = new Map<string, { image: string; platform: string }>()
  for (const a of analyses) {
    for (const stage of a.model.stages) {
      const base = describeBase(stage, a.model.stages)
      if (base.kind !== 'image') continue
      const platform = platformOf(base)
      wanted.set(sizeKey(base.label, platform), { image: base.label, platform })
    }
  }
  const results = await Promise.all([...wanted].map(async ([key, w]) => [key, await client.lookup(w.image, w.platform)] as const))
  return new Map(results)
}
