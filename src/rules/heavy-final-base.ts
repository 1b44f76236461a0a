/**
 * The shipped image is built on a toolchain image (SDK, compiler, full distribution). Only the
 * root of the target's FROM chain matters: a golang build stage is exactly right.
 */
import { rootImage } from './helpers.js'
import type { Rule } from './types.js'

interface Family {
  /** Repository names as written (Docker Hub official names, or full names). */
  images: readonly string[]
  /** Tags that are already the light variant. */
  light?: RegExp
  suggestion: string
}

const SLIM = /(?:slim|alpine|distroless|jre|runtime)/

const FAMILIES: readonly Family[] = [
  { images: ['golang'], suggestion: 'build in golang and ship the binary on gcr.io/distroless/static (or scratch, or alpine)' },
  { images: ['rust'], suggestion: 'build in rust and ship the binary on gcr.io/distroless/cc or debian:bookworm-slim' },
  // Not buildpack-deps: the official full images (python, golang, ...) are built on it on purpose.
  { images: ['gcc'], suggestion: 'compile in this image and ship the result on debian:bookworm-slim or distroless' },
  { images: ['maven', 'gradle'], suggestion: 'build the jar here and ship it on eclipse-temurin:<version>-jre' },
  { images: ['openjdk', 'eclipse-temurin', 'amazoncorretto'], light: /jre/, suggestion: 'ship the jar on eclipse-temurin:<version>-jre' },
  { images: ['mcr.microsoft.com/dotnet/sdk'], suggestion: 'publish here and ship on mcr.microsoft.com/dotnet/aspnet (or runtime, runtime-deps for self-contained apps)' },
  { images: ['node'], light: SLIM, suggestion: 'ship on node:<version>-slim (or -alpine, or gcr.io/distroless/nodejs)' },
  { images: ['python'], light: SLIM, suggestion: 'ship on python:<version>-slim' },
  { images: ['ruby'], light: SLIM, suggestion: 'ship on ruby:<version>-slim' }
]

function familyOf(image: string): Family | undefined {
  const name = image.startsWith('docker.io/library/') ? image.slice('docker.io/library/'.length) : image.replace(/^library\//, '')
  return FAMILIES.find((f) => f.images.includes(name))
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
    if (root === null) return []
    const family = familyOf(root.base.image ?? '')
    if (family === undefined) return []
    const tag = root.base.tag ?? 'latest'
    if (family.light?.test(tag) === true) return []
    const shipped = `${root.base.image}:${tag}`
    const multi = model.stages.length > 1 ? '' : ' Split the file: a build stage, then a small runtime stage.'
    return [{ line: root.line, message: `the shipped image is based on ${shipped}, a toolchain image: ${family.suggestion}.${multi}`, stage: root.index }]
  }
}
