/**
 * A build stage and the shipped stage it hands its output to run different major versions of the
 * same language, where what was built does not run on the other version: classes compiled by a
 * newer JDK, node_modules built for another Node ABI, a virtualenv or wheels for another Python,
 * an app built by an older .NET SDK on a newer runtime. Only the roots of the two FROM chains are
 * compared, and only when both versions can be read from the tags.
 */
import type { Stage } from '../model/dockerfile.js'
import { rootImage, stageChain } from './helpers.js'
import { runInstalls } from '../parse/packages.js'
import { runs } from './run-helpers.js'
import type { Rule, RuleReport } from './types.js'

type Language = 'java' | 'node' | 'python' | 'dotnet'

interface Toolchain {
  language: Language
  /** Java, Node and .NET: the major version; Python: major.minor. */
  version: string
  /** The image as written, for the message. */
  image: string
}

const JDK_IMAGES = new Set(['openjdk', 'eclipse-temurin', 'amazoncorretto', 'ibm-semeru-runtimes', 'sapmachine', 'azul/zulu-openjdk', 'azul/zulu-openjdk-alpine', 'azul/zulu-openjdk-debian'])
const DOTNET = /^mcr\.microsoft\.com\/dotnet\/(sdk|aspnet|runtime)$/

function leading(tag: string, pattern: RegExp): string | null {
  return pattern.exec(tag)?.[1] ?? null
}

/** The language and version an image runs, read from its name and tag, or null. */
export function toolchainOf(stage: Stage): Toolchain | null {
  const raw = stage.base.image
  if (raw === null || stage.base.unresolved.length > 0) return null
  // distroless names the version in the image (java17-debian12), often with no tag.
  const tag = stage.base.tag ?? 'latest'
  const image = raw.startsWith('docker.io/library/') ? raw.slice('docker.io/library/'.length) : raw.replace(/^library\//, '')
  const written = stage.base.tag === null ? raw : `${raw}:${tag}`
  const last = image.slice(image.lastIndexOf('/') + 1)
  let language: Language | null = null
  let version: string | null = null
  if (JDK_IMAGES.has(image)) [language, version] = ['java', leading(tag, /^(\d+)/)]
  // maven:3.9-eclipse-temurin-21, gradle:8.5-jdk21, maven:3-jdk-11: the JDK, not the build tool's version.
  else if (image === 'maven' || image === 'gradle') [language, version] = ['java', leading(tag, /(?:jdk-?|temurin-|openjdk-|corretto-|sapmachine-|semeru-api-|graalvm-community-)(\d+)/)]
  else if (image.startsWith('gcr.io/distroless/') && /^java\d+/.test(last)) [language, version] = ['java', leading(last, /^java(\d+)/)]
  else if (image === 'node') [language, version] = ['node', leading(tag, /^(\d+)/)]
  else if (image.startsWith('gcr.io/distroless/') && /^nodejs\d+/.test(last)) [language, version] = ['node', leading(last, /^nodejs(\d+)/)]
  else if (image === 'python') [language, version] = ['python', leading(tag, /^(\d+\.\d+)/)]
  else if (DOTNET.test(image)) [language, version] = ['dotnet', leading(tag, /^(\d+)\./)]
  return language === null || version === null ? null : { language, version, image: written }
}

const newer = (a: string, b: string): boolean => Number(a) > Number(b)

/** Why the output of `build` does not run on `run`, or null when it does. */
function incompatibility(build: Toolchain, run: Toolchain, source: readonly Stage[]): string | null {
  if (build.language !== run.language || build.version === run.version) return null
  const installs = source.flatMap(runs).flatMap(runInstalls)
  switch (build.language) {
    // A newer runtime loads older class files by design (and build tools may lag behind a new JDK).
    case 'java':
      return newer(build.version, run.version) ? `classes compiled by JDK ${build.version} do not load on Java ${run.version} (UnsupportedClassVersionError) unless compiled with --release ${run.version}` : null
    case 'node':
      return installs.some((p) => p.manager === 'npm' || p.manager === 'yarn' || p.manager === 'pnpm') ? `node_modules installed with Node ${build.version} run on Node ${run.version}: native addons fail to load (NODE_MODULE_VERSION) and engines checks were made for the other version` : null
    case 'python':
      return installs.some((p) => p.manager === 'pip') ? `packages installed for Python ${build.version} (a virtualenv, site-packages or wheels) do not work on Python ${run.version}` : null
    // The SDK of .NET 9 builds for net8.0 too, but an app built by the .NET 8 SDK does not roll forward to a newer major runtime by default.
    case 'dotnet':
      return newer(run.version, build.version) ? `an app built by the .NET ${build.version} SDK targets net${build.version}.0 at most and does not run on the .NET ${run.version} runtime without RollForward` : null
  }
}

export const toolchainVersionMismatch: Rule = {
  meta: {
    id: 'toolchain-version-mismatch',
    title: 'The build stage and the shipped stage run different language versions',
    severity: 'warning',
    category: 'correctness',
    scope: 'ships',
    equivalents: { hadolint: null, buildkit: null },
    about: 'file'
  },
  check: ({ model, graph }) => {
    const reports: RuleReport[] = []
    const seen = new Set<string>()
    for (const edge of graph.edges) {
      if (edge.via !== 'copy') continue
      const source = rootImage(model, edge.to)
      const target = rootImage(model, edge.from)
      if (source === null || target === null || source.index === target.index) continue
      const key = `${source.index}>${target.index}`
      if (seen.has(key)) continue
      const build = toolchainOf(source)
      const run = toolchainOf(target)
      const why = build === null || run === null ? null : incompatibility(build, run, stageChain(model, edge.to))
      if (build === null || run === null || why === null) continue
      seen.add(key)
      reports.push({ line: edge.line, message: `${build.image} (line ${source.line}) builds what ${run.image} (line ${target.line}) runs: ${why}; use the same ${build.language === 'python' ? 'version' : 'major version'} in both FROM lines`, stage: edge.from })
    }
    return reports
  }
}

