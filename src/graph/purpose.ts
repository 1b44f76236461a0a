/**
 * What a built image is for: a **runtime** image that is deployed, or an **environment** (a
 * build, dev, CI, test or lint image, a devcontainer, an export of build outputs) that is meant
 * to carry compilers and run as root. The runtime-image rules judge runtime images only.
 * Evidence, strongest first: configuration and build definitions (decided by the caller), the
 * target or stage name, the Dockerfile's path, the base image, and the image itself. Pure.
 */
import type { DockerfileModel, Stage } from '../model/dockerfile.js'
import type { Purpose } from '../model/graph.js'

export interface PurposeFacts {
  /** The Dockerfile's path as reported (repository-relative). */
  path: string
  /** The target name a build definition asked for, when it differs from the stage name. */
  targetName?: string | null
  /** A compose service that publishes ports or sets a command runs the image. */
  service?: { ports: boolean; command: boolean; name: string; source: string; programs?: readonly { program: string; what: string; source?: string }[] } | undefined
}

export interface PurposeDecision {
  purpose: Purpose
  /** Says what decided it, in plain words (no Markdown): the target is named "lint". */
  because: string
}

/** Words in a stage or target name that say "environment". */
const ENVIRONMENT_WORDS: ReadonlySet<string> = new Set([
  'dev',
  'devel',
  'develop',
  'development',
  'devcontainer',
  'devenv',
  'devenvs',
  'test',
  'tests',
  'testing',
  'tester',
  'lint',
  'linter',
  'lints',
  'ci',
  'validate',
  'validation',
  'check',
  'checks',
  'vendor',
  'debug',
  'tools',
  'tooling',
  'toolchain',
  'codegen',
  'generate',
  'generated',
  'gen',
  'e2e',
  'integration',
  'fixture',
  'fixtures',
  'bench',
  'benchmark',
  'sandbox',
  'playground',
  'update',
  // A stage that uploads release assets is a CI step (uptime-kuma's upload-artifact).
  'upload',
  // Browser test runners.
  'playwright',
  'cypress',
  'selenium'
])

/** A target a build definition asks for by this name builds the builder, not the product. */
const BUILD_TARGET_WORDS: ReadonlySet<string> = new Set(['build', 'builder', 'buildenv'])

/** File-name words that say what the image is for: `builder.dockerfile`, `docs.Dockerfile`. */
const ENVIRONMENT_FILE_WORDS: ReadonlySet<string> = new Set(['builder', 'docs', 'doc'])

/** Folders (or file-name words) that hold environments, not products. */
const ENVIRONMENT_FOLDERS: ReadonlySet<string> = new Set([
  '.devcontainer',
  'devcontainer',
  '.devcontainers',
  'test',
  'tests',
  'testdata',
  'testing',
  'fixtures',
  '__fixtures__',
  'fixture',
  'e2e',
  'integration',
  'ci',
  '.ci',
  '.github',
  'hack',
  'tools',
  'dev',
  '.gitpod',
  '.cursor',
  'benchmarks',
  'bench',
  // Packaging containers: the package is the output, the image is thrown away.
  'deb',
  'rpm',
  'packaging'
])

/** Words in a folder name (`dev-image/`, `docker-tools/`) that say "environment". */
const ENVIRONMENT_FOLDER_WORDS: ReadonlySet<string> = new Set(['dev', 'devcontainer', 'test', 'tests', 'ci', 'e2e', 'tools', 'toolbox'])

/** A header comment that says what the image is: "the build environment", "cross-compilation environment". */
const HEADER_ENVIRONMENT = /\b(?:build|builder|development|dev|ci|test|testing|compilation|cross-compilation|packaging)\s+(?:environment|toolbox|container)\b|\bisolation for [\w\s-]*builds\b/i

/** Base images made to be development or CI environments. */
const ENVIRONMENT_BASES: readonly RegExp[] = [
  // Microsoft's dev container images, also as mirrored to other registries (devcon.azurecr.io/public/vscode/devcontainers/…).
  /^(?:[^/]+\/)*(?:vscode\/)?devcontainers\//,
  /^(?:docker\.io\/)?gitpod\/workspace-/,
  /^(?:ghcr\.io\/)?actions\/actions-runner/,
  /^(?:docker\.io\/)?(?:myoung34\/github-runner|summerwind\/actions-runner)/
]

/** Toolchain images: an image built on one with no command of its own is a build environment. */
const TOOLCHAIN_BASES = /^(?:docker\.io\/)?(?:library\/)?(?:golang|rust|gcc|maven|gradle|buildpack-deps)(?::|$)|^mcr\.microsoft\.com\/dotnet\/sdk(?::|$)/

function words(text: string): string[] {
  return text.toLowerCase().split(/[^a-z0-9]+/).filter((w) => w !== '')
}

/** A word of the name that says "environment"; a number after it counts for nothing (`pr-test2`, `dev1`). */
const environmentWord = (name: string): string | undefined => words(name).find((w) => ENVIRONMENT_WORDS.has(w) || ENVIRONMENT_WORDS.has(w.replace(/\d+$/, '')))

/** `Dockerfile.dev`, `dev.Dockerfile`, `ci.Dockerfile`, `Dockerfile.test`, `builder.dockerfile`: the file name's own words. */
function fileNameWord(path: string): string | undefined {
  const name = (path.split('/').pop() ?? '').replace(/dockerfile|containerfile/gi, ' ')
  return environmentWord(name) ?? words(name).find((w) => ENVIRONMENT_FILE_WORDS.has(w))
}

/** `.devcontainer/`, `tests/`, `hack/`, or a folder whose name has such a word (`dev-image/`, `docker-tools/`). */
function environmentFolder(path: string): string | undefined {
  const folders = path.split('/').slice(0, -1)
  return folders.find((segment) => ENVIRONMENT_FOLDERS.has(segment.toLowerCase())) ?? folders.find((segment) => words(segment).some((w) => ENVIRONMENT_FOLDER_WORDS.has(w)))
}

/** The comment block the file starts with, when it says the image is an environment. */
function headerSays(model: DockerfileModel): string | undefined {
  const first = model.instructions[0]?.line ?? Number.MAX_SAFE_INTEGER
  for (const c of model.comments) {
    if (c.line >= first) break
    const said = HEADER_ENVIRONMENT.exec(c.text)?.[0]
    if (said !== undefined) return said
  }
  return undefined
}

/**
 * A name that says "environment" outweighs a push: a published dev image (frappe/bench) or a
 * builder base (`--target build`) is still an environment. Null when the names say nothing.
 */
export function namedEnvironment(model: DockerfileModel, target: number, targetName: string | null | undefined): PurposeDecision | null {
  const stage = model.stages[target]
  if (stage === undefined) return null
  const named = targetName ?? null
  if (named !== null && environmentWord(named) !== undefined) return { purpose: 'environment', because: `the target is named "${named}"` }
  // A "builder" that sets a command of its own is the app image too (awesome-compose's `--target builder`).
  if (named !== null && words(named).some((w) => BUILD_TARGET_WORDS.has(w)) && !setsCommand(chainOf(model, target))) return { purpose: 'environment', because: `the target is named "${named}" and sets no command` }
  if (stage.name !== null && environmentWord(stage.name) !== undefined) return { purpose: 'environment', because: `the stage is named "${stage.name}"` }
  return null
}

/** The stage and the stages it is built FROM, target first. */
function chainOf(model: DockerfileModel, index: number): Stage[] {
  const chain: Stage[] = []
  const seen = new Set<number>()
  for (let s: Stage | undefined = model.stages[index]; s !== undefined && !seen.has(s.index); s = s.base.stage === null ? undefined : model.stages[s.base.stage]) {
    seen.add(s.index)
    chain.push(s)
  }
  return chain
}

const RUNTIME_KEYWORDS: ReadonlySet<string> = new Set(['CMD', 'ENTRYPOINT', 'EXPOSE', 'HEALTHCHECK'])

/** Whether the chain says how the image runs: CMD, ENTRYPOINT, EXPOSE or HEALTHCHECK. */
const setsCommand = (chain: readonly Stage[]): boolean => chain.some((s) => s.instructions.some((i) => RUNTIME_KEYWORDS.has(i.keyword)))

export function decidePurpose(model: DockerfileModel, target: number, facts: PurposeFacts): PurposeDecision {
  const stage = model.stages[target]
  if (stage === undefined) return { purpose: 'runtime', because: 'the file has no stage' }
  const named = namedEnvironment(model, target, facts.targetName)
  if (named !== null) return named
  // The file's own name and place beat a compose service: `Dockerfile.dev` runs with ports too.
  const fileWord = fileNameWord(facts.path)
  if (fileWord !== undefined) return { purpose: 'environment', because: `the file is named "${facts.path.split('/').pop() ?? ''}"` }
  const folder = environmentFolder(facts.path)
  if (folder !== undefined) return { purpose: 'environment', because: `it lives under "${folder}/"` }
  const header = headerSays(model)
  if (header !== undefined) return { purpose: 'environment', because: `its header comment says "${header}"` }
  if (facts.service !== undefined && (facts.service.ports || facts.service.command)) {
    return { purpose: 'runtime', because: `compose service "${facts.service.name}" (${facts.service.source}) runs it${facts.service.ports ? ' with published ports' : ''}` }
  }
  const chain = chainOf(model, target)
  const root = chain[chain.length - 1] as Stage
  const base = root.base.kind === 'image' ? (root.base.resolved ?? '').toLowerCase() : ''
  if (ENVIRONMENT_BASES.some((re) => re.test(base))) return { purpose: 'environment', because: `it is built on "${root.base.resolved}", a development image` }
  const runs = setsCommand(chain)
  if (!runs && root.base.kind === 'scratch' && chain.every((s) => s.instructions.every((i) => i.keyword === 'FROM' || i.keyword === 'COPY' || i.keyword === 'ADD' || i.keyword === 'ARG' || i.keyword === 'LABEL'))) {
    return { purpose: 'environment', because: 'it only collects files on scratch (an export of build outputs, no command)' }
  }
  if (!runs && TOOLCHAIN_BASES.test(base)) return { purpose: 'environment', because: `it is built on the toolchain "${root.base.resolved}" and sets no command of its own` }
  return { purpose: 'runtime', because: 'it is the image that is built' }
}
