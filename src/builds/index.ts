/**
 * Which images a repository really builds: from its workflows, bake files, compose files and dev
 * containers, each build with the Dockerfile, context, target stage, args, platforms and whether
 * it is pushed. Pure: the files come in through RepoFiles. Nothing throws; whatever cannot be read
 * or does not add up is a note at its file and line.
 */
import { BakeResolver, bakeBuild, defaultBakeFiles, loadBake } from './bake.js'
import { isComposeFile, readCompose } from './compose.js'
import { isDevcontainerFile, readDevcontainer } from './devcontainer.js'
import { dirnameOf, isVendored } from './paths.js'
import type { BuildDefinition, BuildNote, BuildsResult, RepoFiles } from './types.js'
import { isWorkflowFile, readWorkflow } from './workflow.js'

export type { BuildDefinition, BuildKind, BuildNote, BuildsResult, RepoFiles } from './types.js'
export { formatBuilds } from './format.js'

function message(err: unknown): string {
  return err instanceof Error ? err.message : String(err)
}

function composeBuilds(file: string, text: string, notes: BuildNote[]): BuildDefinition[] {
  const compose = readCompose(file, text)
  notes.push(...compose.notes)
  const builds: BuildDefinition[] = []
  for (const b of compose.builds) {
    if (b.inline) {
      notes.push({ file, line: b.line, message: `service ${b.service} builds an inline Dockerfile (dockerfile_inline): it is not a file to review` })
      continue
    }
    builds.push({
      kind: 'compose',
      source: { file, line: b.line },
      name: b.service,
      dockerfile: b.dockerfile,
      context: b.context,
      target: b.targetGiven ? b.target : null,
      targetUnknown: b.targetGiven && b.target === null,
      args: b.args,
      platforms: b.platforms,
      // `docker compose build` keeps images local; `compose push` can push those with an image name.
      push: b.image ? null : false,
      service: { ports: b.ports, command: b.command, ...(b.programs.length === 0 ? {} : { programs: b.programs }) },
      ...(b.retiredProfiles === null ? {} : { retired: `under the compose profile${b.retiredProfiles.length === 1 ? '' : 's'} ${b.retiredProfiles.map((p) => `'${p}'`).join(', ')}` })
    })
  }
  return builds
}

/**
 * The targets of the bake files in one folder, as `docker buildx bake <target>` builds them there.
 * Targets that only exist to be inherited (`_common`, or inherited and in no group) are left out:
 * what they hold shows in the targets that inherit them.
 */
function bakeFolderBuilds(files: RepoFiles, all: ReadonlySet<string>, folder: string, notes: BuildNote[]): BuildDefinition[] {
  const paths = defaultBakeFiles(all, folder, false)
  const first = paths[0] as string
  const project = loadBake(files, paths, notes, { file: first, line: 1 })
  const resolver = new BakeResolver(project, notes)
  const groupsOf = new Map<string, string[]>()
  for (const group of project.groups.keys()) {
    for (const target of resolver.expand([group]).targets) groupsOf.set(target, [...(groupsOf.get(target) ?? []), group])
  }
  for (const [name, group] of project.groups) {
    for (const member of resolver.groupMembers(name)) {
      if (resolver.expand([member]).unknown.length > 0) notes.push({ file: group.file, line: group.line, message: `group ${name} lists the target ${member}, which is not defined` })
    }
  }
  const inherited = resolver.inherited()
  const builds: BuildDefinition[] = []
  let inline = 0
  for (const name of resolver.names()) {
    const groups = groupsOf.get(name) ?? []
    if (name.startsWith('_') || (inherited.has(name) && groups.length === 0)) continue
    const target = resolver.target(name)
    if (target === null) continue
    const where = { file: target.file, line: target.line }
    const b = bakeBuild(target, folder, notes, where)
    if (b.inline) {
      inline++
      continue
    }
    builds.push({
      kind: 'bake',
      source: where,
      name,
      dockerfile: b.dockerfile,
      context: b.context,
      target: b.target,
      targetUnknown: b.targetUnknown,
      args: b.args,
      platforms: b.platforms,
      push: b.push,
      ...(b.exports === null ? {} : { exports: b.exports }),
      groups
    })
  }
  if (inline > 0) notes.push({ file: first, line: 1, message: `${inline} bake target${inline === 1 ? '' : 's'} build an inline Dockerfile (dockerfile-inline): not listed, there is no file to review` })
  return builds
}

/** `Docker/dockerfile` for `docker/Dockerfile`: the same name but for case. */
function sameButCase(all: readonly string[], path: string): string | undefined {
  const lower = path.toLowerCase()
  return all.find((f) => f.toLowerCase() === lower)
}

function describe(build: BuildDefinition): string {
  return build.kind === 'compose' ? `service ${build.name}` : build.kind === 'bake' ? `bake target ${build.name}` : build.name
}

export function readBuildDefinitions(files: RepoFiles): BuildsResult {
  const builds: BuildDefinition[] = []
  const notes: BuildNote[] = []
  let list: string[]
  try {
    list = [...files.list()].filter((f) => !isVendored(f)).sort()
  } catch (err) {
    return { builds, notes: [{ file: '.', line: 1, message: `cannot list the repository: ${message(err)}` }] }
  }
  const all = new Set(list)
  const read = (file: string): string | null => {
    try {
      return files.read(file)
    } catch {
      return null
    }
  }
  const safeFiles: RepoFiles = { list: () => list, read }
  const bakeFolders = new Set<string>()
  for (const file of list) {
    const name = file.slice(file.lastIndexOf('/') + 1)
    if (/^docker-bake(?:\.override)?\.(?:hcl|json)$/.test(name)) bakeFolders.add(dirnameOf(file))
    const kind = isWorkflowFile(file) ? 'workflow' : isComposeFile(file) ? 'compose' : isDevcontainerFile(file) ? 'devcontainer' : null
    if (kind === null) continue
    try {
      const text = read(file)
      if (text === null) {
        notes.push({ file, line: 1, message: 'cannot be read' })
        continue
      }
      if (kind === 'workflow') {
        const result = readWorkflow(safeFiles, all, file, text)
        builds.push(...result.builds)
        notes.push(...result.notes)
      } else if (kind === 'compose') builds.push(...composeBuilds(file, text, notes))
      else {
        const result = readDevcontainer(safeFiles, file, text)
        builds.push(...result.builds)
        notes.push(...result.notes)
      }
    } catch (err) {
      notes.push({ file, line: 1, message: `could not be read: ${message(err)}` })
    }
  }
  for (const folder of [...bakeFolders].sort()) {
    try {
      builds.push(...bakeFolderBuilds(safeFiles, all, folder, notes))
    } catch (err) {
      notes.push({ file: folder === '.' ? 'docker-bake.hcl' : `${folder}/docker-bake.hcl`, line: 1, message: `could not be read: ${message(err)}` })
    }
  }
  for (const build of builds) {
    if (build.dockerfile === null || all.has(build.dockerfile)) continue
    const near = sameButCase(list, build.dockerfile)
    notes.push({
      ...build.source,
      message: `${describe(build)} names Dockerfile ${build.dockerfile}, which is not in the repository${near === undefined ? '' : ` (${near} is: names are case-sensitive)`}`
    })
  }
  const seen = new Set<string>()
  const unique = notes.filter((n) => {
    const key = `${n.file}:${n.line}:${n.message}`
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
  const byPlace = (a: { file: string; line: number }, b: { file: string; line: number }): number => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line)
  builds.sort((a, b) => byPlace(a.source, b.source))
  unique.sort(byPlace)
  return { builds, notes: unique }
}
