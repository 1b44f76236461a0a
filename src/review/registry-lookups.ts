/**
 * Looks up every external base image of the analysed files (all stages, and the PR's base
 * versions too) once per image and platform, with the client's bounded concurrency and cache.
 */

import { describeBase, describeShippedImage } from '../graph/image.js'
import { describeBuiltImage, type BuiltImageResult } from '../enrich/built-image.js'
import { platformOf, sizeKey } from '../enrich/sizes.js'
import type { RegistryClient } from '../registry/client.js'
import type { ImageLookup } from '../model/image.js'
import type { DockerfileModel } from '../model/dockerfile.js'
import type { FileAnalysis } from '../model/analysis.js'

export type RegistrySizes = ReadonlyMap<string, ImageLookup>

export interface RegistryAnswers {
  /** Base image look-ups by `sizeKey`, when sizes were asked for. */
  sizes: Map<string, ImageLookup> | undefined
  /** Built images by Dockerfile path, when images were given. */
  builtImages: Map<string, BuiltImageResult> | undefined
  notes: string[]
}

/** What the action and the CLI ask the registries: base sizes for every version (one cache), then the built images. */
export async function askRegistries(analyses: readonly FileAnalysis[], baseVersions: readonly FileAnalysis[], client: RegistryClient, ask: { sizes: boolean; images: readonly string[] }): Promise<RegistryAnswers> {
  const sizes = ask.sizes ? await lookupBaseImages([...analyses, ...baseVersions], client) : undefined
  if (ask.images.length === 0) return { sizes, builtImages: undefined, notes: [] }
  const inspected = await inspectBuiltImages(analyses, ask.images, client)
  return { sizes, builtImages: inspected.images, notes: inspected.notes }
}

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

/**
 * The look-ups of the images a model's FROMs name, by `sizeKey`, before the rules run (they read
 * the images' configs). The client caches them, so the size look-ups after the analysis cost
 * nothing more.
 */
export async function lookupModelBases(model: DockerfileModel, client: RegistryClient): Promise<Map<string, ImageLookup>> {
  const found = new Map<string, ImageLookup>()
  await Promise.all(
    model.stages.map(async (stage) => {
      const base = describeBase(stage, model.stages)
      if (base.kind !== 'image') return
      const platform = platformOf(base)
      found.set(sizeKey(base.label, platform), await client.lookup(base.label, platform))
    })
  )
  return found
}

/**
 * The images the workflow built (`ref`, or `path=ref` when several Dockerfiles are reviewed):
 * their manifests and configs, and their base image's layer count, mapped onto the Dockerfile.
 */
export async function inspectBuiltImages(analyses: readonly FileAnalysis[], specs: readonly string[], client: RegistryClient): Promise<{ images: Map<string, BuiltImageResult>; notes: string[] }> {
  const images = new Map<string, BuiltImageResult>()
  const notes: string[] = []
  for (const spec of specs) {
    const eq = spec.indexOf('=')
    const path = eq > 0 ? spec.slice(0, eq).trim() : analyses.length === 1 ? (analyses[0] as FileAnalysis).path : null
    const image = (eq > 0 ? spec.slice(eq + 1) : spec).trim()
    const analysis = analyses.find((a) => a.path === path)
    if (analysis === undefined) {
      notes.push(path === null ? `image ${image}: several Dockerfiles are reviewed, so say which one built it (path=${image})` : `image ${image}: ${path} is not among the reviewed Dockerfiles`)
      continue
    }
    const shipped = describeShippedImage(analysis.model, analysis.graph)
    const platform = shipped === null ? 'linux/amd64' : platformOf(shipped.base)
    const built = await client.lookup(image, platform)
    if (!built.ok) {
      images.set(analysis.path, { image, reason: built.reason })
      continue
    }
    const base = shipped !== null && shipped.base.kind === 'image' ? await client.lookup(shipped.base.label, platform) : null
    if (base !== null && !base.ok) notes.push(`image ${image}: the base image ${shipped?.base.label ?? ''} could not be read (${base.reason}), so its layers are not told apart from the Dockerfile's`)
    images.set(analysis.path, describeBuiltImage(analysis, built, base))
  }
  return { images, notes }
}
