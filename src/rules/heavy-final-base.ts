/**
 * The shipped image is built on a toolchain image (SDK, compiler, full distribution). Only the
 * root of the target's FROM chain matters: a golang build stage is exactly right.
 */
import { shownTarget } from '../graph/graph.js'
import type { DockerfileModel, Stage } from '../model/dockerfile.js'
import { officialName, rootImage, stageChain } from './helpers.js'
import { runInstalls, SYSTEM_MANAGERS } from '../parse/packages.js'
import { buildCommand, isCompiler, runCommands } from './run-helpers.js'
import type { Rule } from './types.js'

interface Family {
  /** Repository names as written (Docker Hub official names, or full names). */
  images: readonly string[]
  /** Tags that are already the light variant. */
  light?: RegExp
  /** What to ship on instead, for this image and tag. */
  suggestion: (image: string, tag: string) => string
}

const SLIM = /(?:slim|alpine|distroless|jre|runtime)/

/** The major version a tag starts with (`8-alpine` → 8, `24.0.2_12-jdk-noble` → 24), or null (`latest`, `alpine`). */
function major(tag: string): string | null {
  const m = /^\d+/.exec(tag)
  return m === null ? null : m[0]
}

/** The JRE of the same family: eclipse-temurin publishes one for every JDK tag; openjdk is deprecated. */
function jreOf(image: string, tag: string): string {
  if (image === 'eclipse-temurin' && tag.includes('jdk')) return `ship the jar on the JRE of the same release, eclipse-temurin:${tag.replace('jdk', 'jre')}`
  const version = major(tag)
  if (version === null) return 'ship the jar on eclipse-temurin:<version>-jre'
  const jre = `eclipse-temurin:${version}-jre${tag.includes('alpine') ? '-alpine' : ''}`
  if (image === 'openjdk') return `ship the jar on the JRE ${jre} (the openjdk images are deprecated)`
  return `ship the jar on the JRE ${jre} (or a runtime made with jlink)`
}

/** The -slim tag of the same release: `3.14` → `3.14-slim`, `3.12-bookworm` → `3.12-slim-bookworm`, `latest` → `slim`; else `<version>-slim`. */
function slimTag(tag: string): string {
  if (tag === 'latest') return 'slim'
  const m = /^(\d+(?:\.\d+)*)(?:-(bookworm|bullseye|trixie|buster))?$/.exec(tag)
  if (m === null) return '<version>-slim'
  return m[2] === undefined ? `${m[1] as string}-slim` : `${m[1] as string}-slim-${m[2]}`
}

const FAMILIES: readonly Family[] = [
  { images: ['golang'], suggestion: () => 'build in golang and ship the binary on gcr.io/distroless/static (or scratch, or alpine)' },
  { images: ['rust'], suggestion: () => 'build in rust and ship the binary on gcr.io/distroless/cc or debian:bookworm-slim' },
  // Not buildpack-deps: the official full images (python, golang, ...) are built on it on purpose.
  { images: ['gcc'], suggestion: () => 'compile in this image and ship the result on debian:bookworm-slim or distroless' },
  { images: ['maven', 'gradle'], suggestion: () => 'build the jar here and ship it on eclipse-temurin:<version>-jre' },
  { images: ['openjdk', 'eclipse-temurin', 'amazoncorretto'], light: /jre/, suggestion: jreOf },
  { images: ['mcr.microsoft.com/dotnet/sdk'], suggestion: () => 'publish here and ship on mcr.microsoft.com/dotnet/aspnet (or runtime, runtime-deps for self-contained apps)' },
  { images: ['node'], light: SLIM, suggestion: (_, tag) => `ship on node:${slimTag(tag)} (or -alpine, or gcr.io/distroless/nodejs)` },
  { images: ['python'], light: SLIM, suggestion: (_, tag) => `ship on python:${slimTag(tag)}` },
  { images: ['ruby'], light: SLIM, suggestion: (_, tag) => `ship on ruby:${slimTag(tag)}` }
]

/** Programs a full language image has and its -slim variant lacks, which deployments often run (healthchecks: curl, wget). */
const NOT_IN_SLIM: ReadonlySet<string> = new Set(['curl', 'wget', 'git', 'ps', 'ping', 'nc', 'netcat', 'jq', 'unzip', 'ssh', 'make', 'gcc'])

/** What the move to -slim must bring along: the programs the deployment runs in the image that slim lacks, with where it runs them. */
function slimNeeds(runs: readonly { program: string; how: string }[] | undefined): string {
  const missing = (runs ?? []).filter((r) => NOT_IN_SLIM.has(r.program))
  if (missing.length === 0) return ''
  const said = missing.map((r) => `${r.how} runs ${r.program}`).join('; ')
  const programs = [...new Set(missing.map((r) => r.program))].join(' ')
  return ` ${said[0]?.toUpperCase() ?? ''}${said.slice(1)}, which -slim does not have: install it there too (apt-get install --no-install-recommends ${programs}).`
}

function familyOf(image: string): Family | undefined {
  const name = officialName(image)
  return FAMILIES.find((f) => f.images.includes(name))
}

/**
 * An image that only adds system packages to its base, with no files, no command and no
 * language packages: a base for other images (an SDK variant with extra compilers), not an
 * application, so there is nothing to move to a runtime image.
 */
function shipsNoApplication(chain: readonly Stage[]): boolean {
  const instructions = chain.flatMap((stage) => stage.instructions)
  const addsPackages = instructions.some((i) => runInstalls(i).some((p) => SYSTEM_MANAGERS.has(p.manager)))
  return (
    addsPackages &&
    instructions.every((i) => {
      if (i.keyword === 'COPY' || i.keyword === 'ADD' || i.keyword === 'CMD' || i.keyword === 'ENTRYPOINT') return false
      return i.keyword !== 'RUN' || runInstalls(i).every((p) => SYSTEM_MANAGERS.has(p.manager))
    })
  )
}

const LANGUAGE_MANAGERS = new Set(['pip', 'npm', 'yarn', 'pnpm', 'gem'])

/**
 * An image that adds compilers of its own to the toolchain and builds nothing itself: the
 * toolchain is what it ships (goreleaser's image runs users' builds), not a leftover.
 */
function shipsAToolchain(chain: readonly Stage[]): boolean {
  const instructions = chain.flatMap((stage) => stage.instructions)
  const addsCompilers = instructions.some((i) => runInstalls(i).some((p) => SYSTEM_MANAGERS.has(p.manager) && p.packages.some(isCompiler)))
  const builds = instructions.some((i) => runCommands(i).some((c) => buildCommand(c) !== null) || runInstalls(i).some((p) => LANGUAGE_MANAGERS.has(p.manager)))
  return addsCompilers && !builds
}

/**
 * Whether the only stage builds something: compiles, or installs language packages that may need
 * the toolchain to build native code. Then a build stage is worth splitting out; a prebuilt jar
 * just needs the lighter base.
 */
function buildsInOnlyStage(model: DockerfileModel): boolean {
  const stage = model.stages[0]
  if (model.stages.length !== 1 || stage === undefined) return false
  return stage.instructions.some((i) => runCommands(i).some((c) => buildCommand(c) !== null) || runInstalls(i).some((p) => LANGUAGE_MANAGERS.has(p.manager)))
}

export const heavyFinalBase: Rule = {
  meta: {
    id: 'heavy-final-base',
    title: 'The shipped image is built on a toolchain image',
    severity: 'warning',
    category: 'size',
    scope: 'ships',
    equivalents: { hadolint: null, buildkit: null },
    about: 'file'
  },
  check: ({ model, graph }) => {
    if (graph.target === null) return []
    const root = rootImage(model, graph.target)
    const chain = stageChain(model, graph.target)
    if (root === null) return []
    // The image's family first: most bases are no toolchain, and then the chain need not be read.
    const image = root.base.image ?? ''
    const family = familyOf(image)
    if (family === undefined) return []
    const tag = root.base.tag ?? 'latest'
    if (family.light?.test(tag) === true) return []
    if (shipsNoApplication(chain) || shipsAToolchain(chain)) return []
    const shipped = `${root.base.image}:${tag}`
    const split = buildsInOnlyStage(model) ? ' Split the file: a build stage, then a small runtime stage.' : ''
    const needs = family.light === SLIM ? slimNeeds(shownTarget(graph)?.runs) : ''
    return [{ line: root.line, message: `the shipped image is based on ${shipped}, a toolchain image: ${family.suggestion(officialName(image), tag)}.${split}${needs}`, stage: root.index }]
  }
}
