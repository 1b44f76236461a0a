/** What is known of an image: its stages as a reviewer sees them, the shipped image, and what a registry says. */

import type { Role, Via } from './graph.js'
import type { PackageManager } from './dockerfile.js'

export interface StageDependency {
  /** A stage index, or null for an external image. */
  stage: number | null
  /** The stage's label or the image. */
  label: string
  via: Via
}

export interface BaseDescription {
  kind: 'image' | 'stage' | 'scratch' | 'unknown'
  /** `node:20-slim`, `stage builder`, `scratch`, or the FROM word as written when it did not resolve. */
  label: string
  /** Repository without tag (kind image), for size look-ups. */
  image: string | null
  tag: string | null
  platform: string | null
}

export interface StageRow {
  index: number
  /** The name, or `stage N` for an unnamed stage. */
  label: string
  base: BaseDescription
  role: Role
  /** Instructions of the stage, its FROM included. */
  instructions: number
  dependsOn: StageDependency[]
}

export interface PackageList {
  manager: PackageManager
  packages: string[]
}

export interface CopiedFiles {
  line: number
  sources: string[]
  destination: string | null
}

export interface Artifact extends CopiedFiles {
  /** Where the files come from: a stage label or an external image. */
  from: string
  stage: number | null
}

export interface ShippedImage {
  target: number
  /** The shipping stages, root first (the target last). */
  chain: number[]
  /** The base of the chain's root: an external image, scratch, or unknown. */
  base: BaseDescription
  platform: string | null
  /** USER as written, or null when no stage sets one (the base image's default, usually root). */
  user: string | null
  runsAsRoot: boolean
  workdir: string
  ports: string[]
  entrypoint: string | null
  cmd: string | null
  /** The HEALTHCHECK as written, `NONE` when disabled, null when none is set here. */
  healthcheck: string | null
  contextFiles: CopiedFiles[]
  artifacts: Artifact[]
  packages: PackageList[]
  envNames: string[]
}

export interface LeftBehind {
  /** Build stages (reached only through COPY/mount) and their bases. */
  stages: { index: number; label: string; base: BaseDescription }[]
  /** Packages installed only in build stages. */
  packages: PackageList[]
}

export interface Layer {
  digest: string
  /** Compressed size in bytes, as the manifest says. */
  size: number
  mediaType: string
}

export interface HistoryEntry {
  created_by?: string
  empty_layer?: boolean
  comment?: string
}

/**
 * What a base image's config blob says about the image it makes: the defaults a Dockerfile
 * inherits when it does not set them. ENV values are kept out (names only), as everywhere.
 */
export interface BaseFacts {
  /** `os/architecture[/variant]`, when the config says. */
  platform: string | null
  os: string | null
  /** `User`; null when the config sets none (the image runs as root). */
  user: string | null
  /** Names of the `Env` entries. */
  env: string[]
  workdir: string | null
  entrypoint: string[] | null
  cmd: string[] | null
  /** `ExposedPorts` keys (`8080/tcp`). */
  ports: string[]
  /** `Healthcheck.Test` (`["CMD-SHELL", "curl …"]`, `["NONE"]`), or null. */
  healthcheck: string[] | null
  labels: Record<string, string>
  shell: string[] | null
  /** `created`, as the config writes it (RFC 3339). */
  created: string | null
}

/** A base image's compressed size as a rule sees it: the registry's, else the built-in estimate. */
export interface SizeFact {
  /** The image as the FROM names it. */
  image: string
  bytes: number
  source: 'registry' | 'estimate'
}

export interface ImageConfig {
  history: HistoryEntry[]
  /** `os/architecture[/variant]` the image says it is for, when its config says. */
  platform: string | null
  /** Total uncompressed size, when the config carries one (older docker-built images do). */
  size: number | null
  /** The image's runtime defaults, when the config carried them. */
  facts: BaseFacts | null
}

export type ImageLookup =
  | {
      ok: true
      image: string
      canonical: string
      /** The platform manifest's digest. */
      digest: string
      platform: string
      /** Sum of the layers' compressed sizes, in bytes. */
      compressedSize: number
      /** Uncompressed total in bytes, or null when the registry does not say. */
      size: number | null
      layers: Layer[]
      config: ImageConfig | null
      /** Why the config could not be read (too large, not JSON), when it could not; sizes still hold. */
      configProblem?: string
      /**
       * Set when a single-platform image is for another platform than the one asked for
       * (BuildKit's InvalidBaseImagePlatform): the image's own platform.
       */
      platformMismatch: string | null
    }
  | { ok: false; image: string; platform: string; reason: string }

export interface RegistryCredentials {
  username: string
  password: string
}
