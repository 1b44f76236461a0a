/**
 * Dev containers: `devcontainer.json` that builds a Dockerfile (`build.dockerfile`, or the legacy
 * top-level `dockerFile`), both paths relative to the devcontainer.json's folder, or that runs a
 * compose service (`dockerComposeFile` + `service`), whose build the compose file says.
 */
import { readCompose } from './compose.js'
import { member, parseJsonc, stringOf, type JsonNode } from './jsonc.js'
import { dirnameOf, joinRepo } from './paths.js'
import type { BuildDefinition, BuildNote, Maybe, RepoFiles } from './types.js'

/** `.devcontainer/devcontainer.json`, `.devcontainer/python/devcontainer.json`, `.devcontainer.json`. */
export function isDevcontainerFile(path: string): boolean {
  return /(?:^|\/)\.devcontainer\/(?:.+\/)?devcontainer\.json$/.test(path) || /(?:^|\/)\.devcontainer\.json$/.test(path)
}

/** `${localEnv:X}`, `${localWorkspaceFolder}` and the like are only known when the container starts. */
function plain(text: string | undefined): Maybe | undefined {
  if (text === undefined) return undefined
  return /\$\{[^}]*\}/.test(text) ? null : text
}

function argsOf(node: JsonNode | undefined): Record<string, Maybe> {
  const args: Record<string, Maybe> = {}
  if (node?.kind !== 'object') return args
  for (const entry of node.entries) {
    const v = entry.value
    args[entry.key] = v.kind === 'string' ? (plain(v.value) ?? null) : v.kind === 'number' || v.kind === 'boolean' ? String(v.value) : null
  }
  return args
}

function lineOf(node: JsonNode, key: string): number {
  if (node.kind !== 'object') return node.line
  return node.entries.find((e) => e.key === key)?.line ?? node.line
}

export function readDevcontainer(files: RepoFiles, file: string, text: string): { builds: BuildDefinition[]; notes: BuildNote[] } {
  const notes: BuildNote[] = []
  const parsed = parseJsonc(text)
  if (!parsed.ok) return { builds: [], notes: [{ file, line: parsed.line, message: `invalid JSON: ${parsed.message}` }] }
  const root = parsed.value
  const folder = dirnameOf(file)
  const build = member(root, 'build')
  const legacy = stringOf(member(root, 'dockerFile'))
  const dockerfileText = plain(stringOf(member(build, 'dockerfile')) ?? legacy)
  if (dockerfileText !== undefined) {
    const line = build !== undefined ? lineOf(root, 'build') : lineOf(root, 'dockerFile')
    const contextText = plain(stringOf(member(build, 'context')) ?? stringOf(member(root, 'context'))) ?? '.'
    const context = contextText === null ? null : joinRepo(folder, contextText)
    if (contextText !== null && context === null) notes.push({ file, line, message: `the dev container builds the context ${contextText}, which is outside the repository` })
    const target = plain(stringOf(member(build, 'target')))
    return {
      builds: [
        {
          kind: 'devcontainer',
          source: { file, line },
          name: stringOf(member(root, 'name')) ?? folder,
          dockerfile: dockerfileText === null ? null : joinRepo(folder, dockerfileText),
          context,
          target: target ?? null,
          targetUnknown: target === null,
          args: argsOf(member(build, 'args')),
          platforms: [],
          push: false
        }
      ],
      notes
    }
  }
  const service = stringOf(member(root, 'service'))
  const composeNode = member(root, 'dockerComposeFile')
  const composeFiles = composeNode?.kind === 'string' ? [composeNode.value] : composeNode?.kind === 'array' ? composeNode.items.map((i) => stringOf(i) ?? '') : []
  if (service === undefined || composeFiles.length === 0) return { builds: [], notes }
  const line = lineOf(root, 'service')
  // Later compose files override earlier ones: the last one that builds the service says how.
  let found: BuildDefinition | null = null
  for (const composeText of composeFiles) {
    const path = joinRepo(folder, composeText)
    const content = path === null ? null : files.read(path)
    if (path === null || content === null) {
      notes.push({ file, line: lineOf(root, 'dockerComposeFile'), message: `the dev container names the compose file ${composeText}, which is not in the repository` })
      continue
    }
    const compose = readCompose(path, content)
    const b = compose.builds.find((x) => x.service === service)
    if (b === undefined) continue
    found = {
      kind: 'devcontainer',
      source: { file, line },
      name: `${stringOf(member(root, 'name')) ?? folder} (service ${service})`,
      dockerfile: b.dockerfile,
      context: b.context,
      target: b.targetGiven ? b.target : null,
      targetUnknown: b.targetGiven && b.target === null,
      args: b.args,
      platforms: b.platforms,
      push: false
    }
  }
  return { builds: found === null ? [] : [found], notes }
}
