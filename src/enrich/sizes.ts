/**
 * Which size to show for a base image: the registry's when it answered, else the built-in
 * estimate, always saying which. Pure: the look-ups happen in src/registry before reporting.
 */


import { estimateImageSize, type SizeEstimate } from './size-estimates.js'
import { formatBytes } from '../parse/settings.js'
import type { BaseDescription, ImageLookup } from '../model/image.js'

export type SizeSource = 'registry' | 'estimate'

export interface BaseSize {
  /** Compressed bytes: exact from the registry, or the estimate's megabytes × 10^6. */
  compressedSize: number
  /** Uncompressed bytes when the registry says; null otherwise. */
  size: number | null
  sizeSource: SizeSource
  estimate: SizeEstimate | null
}

/** The platform a FROM pulls: its `--platform` (BuildKit's platform ARGs taken as linux/amd64), else linux/amd64. */
export function platformOf(base: BaseDescription): string {
  const written = base.platform
  if (written === null || written === '') return 'linux/amd64'
  if (written.includes('$')) return 'linux/amd64'
  return written.toLowerCase()
}

export const sizeKey = (image: string, platform: string): string => `${image}|${platform}`

/** The registry's answer for a base, when there was a look-up. */
export function lookupOf(base: BaseDescription, sizes: ReadonlyMap<string, ImageLookup> | undefined): ImageLookup | undefined {
  return base.kind === 'image' ? sizes?.get(sizeKey(base.label, platformOf(base))) : undefined
}

export function baseSize(base: BaseDescription, sizes?: ReadonlyMap<string, ImageLookup>): BaseSize | null {
  const estimate = base.kind === 'scratch' ? estimateImageSize('scratch', null) : base.kind === 'image' && base.image !== null ? estimateImageSize(base.image, base.tag) : null
  const found = lookupOf(base, sizes)
  if (found?.ok === true) return { compressedSize: found.compressedSize, size: found.size, sizeSource: 'registry', estimate }
  if (estimate === null) return null
  return { compressedSize: estimate.megabytes * 1_000_000, size: null, sizeSource: 'estimate', estimate }
}

/** `45.2 MB` for exact sizes, `≈ 45 MB` for estimates. */
export function formatSize(size: BaseSize): string {
  if (size.sizeSource === 'estimate') return size.compressedSize === 0 ? '0 MB' : `≈ ${Math.round(size.compressedSize / 1e6)} MB`
  return formatBytes(size.compressedSize)
}

export { formatBytes }
