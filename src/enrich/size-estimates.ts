/**
 * A built-in, dated table of how big common base images are, so the summary can say "this
 * image starts at about 390 MB" without a registry. Always shown as an estimate: tags move and
 * sizes drift. The registry look-up (when it is on) replaces these with real numbers.
 *
 * Figures are the compressed (download) size for linux/amd64 of current tags, rounded, read off
 * the registries' tag pages. The variant is chosen from the tag, most specific first.
 */

/** When the figures were last checked. */
export const ESTIMATES_AS_OF = '2026-11'

export type SizeClass = 'none' | 'tiny' | 'small' | 'medium' | 'large' | 'huge'

export interface SizeEstimate {
  /** The family and variant the image was matched to, e.g. `node (slim)`. */
  label: string
  /** Compressed size in MB (10^6 bytes). */
  megabytes: number
  sizeClass: SizeClass
}

interface Variant {
  /** Matches the tag (the whole tag, lower case); null matches any tag, including none. */
  tag: RegExp | null
  name: string
  megabytes: number
}

interface Family {
  /** Repository names: Docker Hub official names without `library/`, or full names. */
  images: readonly string[]
  family: string
  /** Most specific first; the last one usually has `tag: null`. */
  variants: readonly Variant[]
}

const ALPINE = /alpine/
const SLIM = /slim/
const any = (name: string, megabytes: number): Variant => ({ tag: null, name, megabytes })

const FAMILIES: readonly Family[] = [
  { images: ['alpine'], family: 'alpine', variants: [any('', 4)] },
  { images: ['busybox'], family: 'busybox', variants: [any('', 2)] },
  { images: ['debian'], family: 'debian', variants: [{ tag: SLIM, name: 'slim', megabytes: 28 }, any('', 49)] },
  { images: ['ubuntu'], family: 'ubuntu', variants: [any('', 30)] },
  { images: ['fedora'], family: 'fedora', variants: [any('', 65)] },
  { images: ['rockylinux', 'almalinux', 'centos', 'oraclelinux'], family: 'enterprise linux', variants: [{ tag: /minimal/, name: 'minimal', megabytes: 40 }, any('', 75)] },
  { images: ['registry.access.redhat.com/ubi9/ubi-minimal', 'registry.access.redhat.com/ubi8/ubi-minimal', 'redhat/ubi9-minimal'], family: 'ubi', variants: [any('minimal', 38)] },
  { images: ['registry.access.redhat.com/ubi9/ubi', 'registry.access.redhat.com/ubi8/ubi', 'redhat/ubi9'], family: 'ubi', variants: [any('', 80)] },
  { images: ['amazonlinux'], family: 'amazonlinux', variants: [any('', 60)] },
  { images: ['gcr.io/distroless/static', 'gcr.io/distroless/static-debian12', 'gcr.io/distroless/static-debian11'], family: 'distroless', variants: [any('static', 2)] },
  { images: ['gcr.io/distroless/base', 'gcr.io/distroless/base-debian12', 'gcr.io/distroless/base-debian11', 'gcr.io/distroless/base-nossl-debian12'], family: 'distroless', variants: [any('base', 20)] },
  { images: ['gcr.io/distroless/cc', 'gcr.io/distroless/cc-debian12', 'gcr.io/distroless/cc-debian11'], family: 'distroless', variants: [any('cc', 23)] },
  { images: ['gcr.io/distroless/python3', 'gcr.io/distroless/python3-debian12'], family: 'distroless', variants: [any('python3', 20)] },
  { images: ['gcr.io/distroless/nodejs', 'gcr.io/distroless/nodejs18-debian12', 'gcr.io/distroless/nodejs20-debian12', 'gcr.io/distroless/nodejs22-debian12'], family: 'distroless', variants: [any('nodejs', 45)] },
  { images: ['gcr.io/distroless/java17-debian12', 'gcr.io/distroless/java21-debian12', 'gcr.io/distroless/java'], family: 'distroless', variants: [any('java', 90)] },
  { images: ['cgr.dev/chainguard/static'], family: 'chainguard', variants: [any('static', 1)] },
  {
    images: ['node'],
    family: 'node',
    variants: [{ tag: ALPINE, name: 'alpine', megabytes: 45 }, { tag: SLIM, name: 'slim', megabytes: 70 }, any('', 390)]
  },
  {
    images: ['python'],
    family: 'python',
    variants: [{ tag: ALPINE, name: 'alpine', megabytes: 20 }, { tag: SLIM, name: 'slim', megabytes: 45 }, any('', 370)]
  },
  {
    images: ['golang'],
    family: 'golang',
    variants: [{ tag: ALPINE, name: 'alpine', megabytes: 75 }, any('', 300)]
  },
  {
    images: ['rust'],
    family: 'rust',
    variants: [{ tag: ALPINE, name: 'alpine', megabytes: 280 }, { tag: SLIM, name: 'slim', megabytes: 250 }, any('', 550)]
  },
  { images: ['gcc'], family: 'gcc', variants: [any('', 520)] },
  { images: ['buildpack-deps'], family: 'buildpack-deps', variants: [{ tag: /curl/, name: 'curl', megabytes: 70 }, { tag: /scm/, name: 'scm', megabytes: 130 }, any('', 320)] },
  {
    images: ['eclipse-temurin', 'openjdk', 'amazoncorretto', 'ibm-semeru-runtimes', 'sapmachine'],
    family: 'java',
    variants: [
      { tag: /jre.*alpine|alpine.*jre/, name: 'JRE, alpine', megabytes: 65 },
      { tag: /jre/, name: 'JRE', megabytes: 95 },
      { tag: ALPINE, name: 'JDK, alpine', megabytes: 165 },
      any('JDK', 190)
    ]
  },
  { images: ['maven'], family: 'maven', variants: [any('JDK + maven', 280)] },
  { images: ['gradle'], family: 'gradle', variants: [any('JDK + gradle', 300)] },
  { images: ['mcr.microsoft.com/dotnet/sdk'], family: '.NET', variants: [{ tag: ALPINE, name: 'sdk, alpine', megabytes: 230 }, any('sdk', 280)] },
  { images: ['mcr.microsoft.com/dotnet/aspnet'], family: '.NET', variants: [{ tag: ALPINE, name: 'aspnet, alpine', megabytes: 45 }, any('aspnet', 90)] },
  { images: ['mcr.microsoft.com/dotnet/runtime'], family: '.NET', variants: [{ tag: ALPINE, name: 'runtime, alpine', megabytes: 40 }, any('runtime', 80)] },
  { images: ['mcr.microsoft.com/dotnet/runtime-deps'], family: '.NET', variants: [{ tag: ALPINE, name: 'runtime-deps, alpine', megabytes: 5 }, any('runtime-deps', 45)] },
  { images: ['nginx', 'nginxinc/nginx-unprivileged'], family: 'nginx', variants: [{ tag: ALPINE, name: 'alpine', megabytes: 20 }, any('', 70)] },
  { images: ['httpd'], family: 'httpd', variants: [{ tag: ALPINE, name: 'alpine', megabytes: 25 }, any('', 60)] },
  { images: ['php'], family: 'php', variants: [{ tag: ALPINE, name: 'alpine', megabytes: 35 }, any('', 170)] },
  { images: ['ruby'], family: 'ruby', variants: [{ tag: ALPINE, name: 'alpine', megabytes: 35 }, { tag: SLIM, name: 'slim', megabytes: 75 }, any('', 360)] },
  { images: ['perl'], family: 'perl', variants: [{ tag: SLIM, name: 'slim', megabytes: 45 }, any('', 330)] },
  { images: ['elixir', 'erlang'], family: 'erlang', variants: [{ tag: ALPINE, name: 'alpine', megabytes: 50 }, { tag: SLIM, name: 'slim', megabytes: 110 }, any('', 500)] },
  { images: ['postgres'], family: 'postgres', variants: [{ tag: ALPINE, name: 'alpine', megabytes: 100 }, any('', 150)] },
  { images: ['redis'], family: 'redis', variants: [{ tag: ALPINE, name: 'alpine', megabytes: 17 }, any('', 45)] }
]

const BY_IMAGE: ReadonlyMap<string, Family> = new Map(FAMILIES.flatMap((f) => f.images.map((image) => [image, f] as const)))

export function sizeClassOf(megabytes: number): SizeClass {
  if (megabytes <= 0) return 'none'
  if (megabytes < 10) return 'tiny'
  if (megabytes < 60) return 'small'
  if (megabytes < 200) return 'medium'
  if (megabytes < 450) return 'large'
  return 'huge'
}

function repositoryName(image: string): string {
  for (const prefix of ['docker.io/library/', 'index.docker.io/library/', 'registry-1.docker.io/library/', 'docker.io/', 'library/']) {
    if (image.startsWith(prefix)) return image.slice(prefix.length)
  }
  return image
}

/**
 * The estimate for an image (repository without tag, as in the model's `base.image`) and its
 * tag; `scratch` is empty. Null when the image is not in the table.
 */
export function estimateImageSize(image: string, tag: string | null): SizeEstimate | null {
  const name = repositoryName(image.toLowerCase())
  if (name === 'scratch') return { label: 'scratch', megabytes: 0, sizeClass: 'none' }
  const family = BY_IMAGE.get(name)
  if (family === undefined) return null
  const t = (tag ?? '').toLowerCase()
  const variant = family.variants.find((v) => v.tag === null || v.tag.test(t))
  if (variant === undefined) return null
  return { label: variant.name === '' ? family.family : `${family.family} (${variant.name})`, megabytes: variant.megabytes, sizeClass: sizeClassOf(variant.megabytes) }
}
