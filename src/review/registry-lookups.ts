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

/** What the action and the CLI ask the registries: base sizes for every version (one cache), whether the bases moved on, then the built images. */
export async function askRegistries(analyses: readonly FileAnalysis[], baseVersions: readonly FileAnalysis[], client: RegistryClient, ask: { sizes: boolean; images: readonly string[] }): Promise<RegistryAnswers> {
  const sizes = ask.sizes ? await lookupBaseImages([...analyses, ...baseVersions], client) : undefined
  const freshness = ask.sizes ? await baseFreshness(analyses, client) : []
  if (ask.images.length === 0) return { sizes, builtImages: undefined, notes: freshness }
  const inspected = await inspectBuiltImages(analyses, ask.images, client)
  return { sizes, builtImages: inspected.images, notes: [...freshness, ...inspected.notes] }
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

/** `22.3.1-alpine` → its numbers and the rest; null for a tag that is not a full version. */
function patchVersion(tag: string): { major: number; minor: number; patch: number; prefix: string; rest: string } | null {
  const m = /^(v?)(\d+)\.(\d+)\.(\d+)((?:-[\w.-]+)?)$/.exec(tag)
  return m === null ? null : { prefix: m[1] as string, major: Number(m[2]), minor: Number(m[3]), patch: Number(m[4]), rest: m[5] as string }
}

/** The newest tag with the same major.minor and variant and a higher patch, or null. */
export function newerPatch(tag: string, tags: readonly string[]): string | null {
  const current = patchVersion(tag)
  if (current === null) return null
  let best: { tag: string; patch: number } | null = null
  for (const t of tags) {
    const v = patchVersion(t)
    if (v === null || v.prefix !== current.prefix || v.major !== current.major || v.minor !== current.minor || v.rest !== current.rest || v.patch <= current.patch) continue
    if (best === null || v.patch > best.patch) best = { tag: t, patch: v.patch }
  }
  return best?.tag ?? null
}

const short = (digest: string): string => digest.replace(/^(sha256:[0-9a-f]{12})[0-9a-f]+$/, '$1…')

/**
 * Whether the base images have moved on (Docker Scout's refresh and update), as summary lines:
 * a digest-pinned FROM whose tag now points elsewhere (a HEAD request, which Docker Hub does not
 * count as a pull), and a full version tag with a newer patch in its line (the tag list,
 * paginated and bounded). Never findings; a registry that could not be asked is said so.
 */
export async function baseFreshness(analyses: readonly FileAnalysis[], client: RegistryClient): Promise<string[]> {
  const lines: string[] = []
  const seen = new Set<string>()
  for (const a of analyses) {
    for (const stage of a.model.stages) {
      const b = stage.base
      if (b.kind !== 'image' || b.image === null || b.tag === null || seen.has(b.resolved)) continue
      seen.add(b.resolved)
      const where = `${a.path}:${stage.line}`
      const tagged = `${b.image}:${b.tag}`
      if (b.digest !== null) {
        const now = await client.currentDigest(tagged)
        if (!now.ok) {
          lines.push(`Could not ask the registry whether ${tagged} has a refreshed base (${where}): ${now.reason}.`)
          continue
        }
        if (now.digest === b.digest) continue
        // The digest written may be one platform's manifest rather than the tag's index.
        const platform = await client.lookup(tagged, platformOf(describeBase(stage, a.model.stages)))
        if (platform.ok && platform.digest === b.digest) continue
        lines.push(`A refreshed base is available for ${tagged} (${where}): the tag now points at ${short(now.digest)}, the FROM pins ${short(b.digest)}; update the digest to get its fixes.`)
        continue
      }
      if (patchVersion(b.tag) === null) continue
      const listed = await client.tags(tagged)
      if (!listed.ok) {
        lines.push(`Could not check ${tagged} for a newer patch (${where}): ${listed.reason}.`)
        continue
      }
      const newer = newerPatch(b.tag, listed.tags)
      if (newer !== null) lines.push(`A newer patch is available for ${tagged} (${where}): ${b.image}:${newer}.`)
    }
  }
  return lines
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
