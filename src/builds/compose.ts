/**
 * Compose files: every service with a `build:`, its context relative to the compose file's folder
 * and its Dockerfile relative to the context, as `docker compose build` resolves them. Anchors and
 * `<<:` merge keys are applied; compose's own tags (`!reset`, `!override`) keep their value.
 */
import { isMap, isScalar, LineCounter, parseDocument } from 'yaml'
import { dirnameOf, isRemoteContext, joinRepo } from './paths.js'
import { shellCommands, UNKNOWN_TEXT } from './shell.js'
import type { BuildNote, Maybe, ServiceProgram } from './types.js'

export interface ComposeBuild {
  service: string
  line: number
  /** repo-relative; null when unknown, remote or outside the repository */
  context: Maybe
  dockerfile: Maybe
  /** `dockerfile_inline`: no file to name */
  inline: boolean
  target: Maybe
  targetGiven: boolean
  args: Record<string, Maybe>
  platforms: string[]
  image: boolean
  ports: boolean
  command: boolean
  /** the programs the service runs inside the image: its healthcheck, command and entrypoint */
  programs: ServiceProgram[]
  /** the service runs only under profiles kept for old setups (`deprecated`, `legacy`, …): those profiles */
  retiredProfiles: string[] | null
}

/** The programs a shell line starts (`curl -f … || exit 1` → curl; `sh -c 'pg_isready …'` → pg_isready), read as workflow scripts are. */
function shellPrograms(line: string): string[] {
  return shellCommands(line, new Map()).flatMap((c) => argvPrograms(c.argv))
}

/** The program an argv starts, by its base name, or the programs of the script of `sh -c '…'`; none for a word that is not known. */
function argvPrograms(argv: readonly string[]): string[] {
  const first = argv[0] ?? ''
  const name = first.slice(first.lastIndexOf('/') + 1)
  if (name === '' || first.includes(UNKNOWN_TEXT) || name === 'exit' || name === 'true' || name === 'false') return []
  if ((name === 'sh' || name === 'bash') && argv[1] === '-c') return shellPrograms(argv[2] ?? '')
  return [name]
}

/** The programs of a healthcheck `test`, `command` or `entrypoint` value (a string is a shell line; a list is argv, `CMD-SHELL` a shell line). */
function programsOf(value: unknown, what: ServiceProgram['what'], line: number): ServiceProgram[] {
  let names: string[] = []
  if (typeof value === 'string') names = shellPrograms(value)
  else if (Array.isArray(value) && value.every((v): v is string => typeof v === 'string')) {
    const [head, ...rest] = value
    if (what !== 'healthcheck') names = argvPrograms(value)
    else if (head === 'CMD-SHELL') names = shellPrograms(rest.join(' '))
    else if (head === 'CMD') names = argvPrograms(rest)
    // NONE turns the healthcheck off; anything else is not a test compose runs.
  }
  return [...new Set(names)].map((program) => ({ program, what, line }))
}

/** Profile names that say a service is kept for old setups, not run by anyone starting today. */
const RETIRED_PROFILE = /^(?:deprecated|legacy|obsolete|old|retired|unmaintained)$/i

/** The profiles when every one of them is a retired one; null when the service runs in any other (or in every) profile. */
function retiredProfiles(value: unknown): string[] | null {
  if (!Array.isArray(value) || value.length === 0) return null
  const names = value.map((v) => (typeof v === 'string' ? v : ''))
  return names.every((n) => RETIRED_PROFILE.test(n)) ? names : null
}

/** `compose.yaml`, `docker-compose.yml`, `compose.prod.yaml`, `docker-compose-ci.yml`, … */
export function isComposeFile(path: string): boolean {
  return /(?:^|\/)(?:docker-)?compose(?:[.-][^/]*)?\.ya?ml$/i.test(path)
}

/**
 * Compose interpolation as far as the file says: `$$` is `$`, `${VAR:-x}` and `${VAR-x}` are
 * their default; any other variable is unknown (null), since its value comes from the environment.
 */
export function interpolateCompose(text: string): Maybe {
  let out = ''
  let i = 0
  while (i < text.length) {
    const c = text[i]
    if (c !== '$') {
      out += c
      i++
      continue
    }
    const next = text[i + 1]
    if (next === '$') {
      out += '$'
      i += 2
    } else if (next === '{') {
      // Find the matching brace: defaults may hold further `${…}`.
      let depth = 1
      let j = i + 2
      while (j < text.length && depth > 0) {
        if (text[j] === '{') depth++
        else if (text[j] === '}') depth--
        j++
      }
      if (depth > 0) return null
      const inner = text.slice(i + 2, j - 1)
      const match = /^[A-Za-z_][A-Za-z0-9_]*(:?-)([\s\S]*)$/.exec(inner)
      if (match === null) return null
      const fallback = interpolateCompose(match[2] as string)
      if (fallback === null) return null
      out += fallback
      i = j
    } else if (next !== undefined && /[A-Za-z_]/.test(next)) return null
    else {
      out += c
      i++
    }
  }
  return out
}

function scalarText(value: unknown): Maybe {
  if (typeof value === 'string') return interpolateCompose(value)
  if (typeof value === 'number' || typeof value === 'boolean') return String(value)
  return null
}

function composeArgs(value: unknown): Record<string, Maybe> {
  const args: Record<string, Maybe> = {}
  if (Array.isArray(value)) {
    for (const item of value) {
      if (typeof item !== 'string') continue
      const eq = item.indexOf('=')
      // `- NAME` alone takes the value from the environment.
      if (eq < 0) args[item] = null
      else args[item.slice(0, eq)] = interpolateCompose(item.slice(eq + 1))
    }
  } else if (value !== null && typeof value === 'object') {
    for (const [key, v] of Object.entries(value as Record<string, unknown>)) args[key] = v === null || v === undefined ? null : scalarText(v)
  }
  return args
}

function present(value: unknown): boolean {
  if (value === undefined || value === null) return false
  if (Array.isArray(value)) return value.length > 0
  return value !== ''
}

export interface ComposeResult {
  builds: ComposeBuild[]
  notes: BuildNote[]
}

export function readCompose(file: string, text: string): ComposeResult {
  const notes: BuildNote[] = []
  const lineCounter = new LineCounter()
  const doc = parseDocument(text, { lineCounter, merge: true, uniqueKeys: false })
  const lineAt = (offset: number): number => lineCounter.linePos(offset).line
  /** The line where the value at this path starts, when the document has it there (not through a merge key). */
  const keyLine = (path: readonly string[]): number | null => {
    const node = doc.getIn(path, true) as { range?: readonly number[] } | undefined
    return node?.range?.[0] === undefined ? null : lineAt(node.range[0])
  }
  const error = doc.errors[0]
  if (error !== undefined) {
    notes.push({ file, line: lineAt(error.pos[0]), message: `invalid YAML: ${error.message.split('\n')[0] ?? ''}` })
    return { builds: [], notes }
  }
  let data: unknown
  try {
    data = doc.toJS({ maxAliasCount: 1000 })
  } catch (err) {
    // A bad merge key or an alias bomb: the parser accepts the text, building its value fails.
    notes.push({ file, line: 1, message: `invalid YAML: ${err instanceof Error ? err.message : String(err)}` })
    return { builds: [], notes }
  }
  const services = (data as { services?: unknown } | null)?.services
  if (services === null || typeof services !== 'object' || Array.isArray(services)) return { builds: [], notes }
  // Service lines come from the document; values from toJS, which applies the merge keys.
  const serviceLines = new Map<string, number>()
  const servicesNode = doc.get('services', true)
  if (isMap(servicesNode)) {
    for (const pair of servicesNode.items) {
      if (isScalar(pair.key) && pair.key.range) serviceLines.set(String(pair.key.value), lineAt(pair.key.range[0]))
    }
  }
  const folder = dirnameOf(file)
  const builds: ComposeBuild[] = []
  for (const [name, raw] of Object.entries(services as Record<string, unknown>)) {
    if (raw === null || typeof raw !== 'object') continue
    const service = raw as Record<string, unknown>
    const build = service.build
    if (build === undefined || build === null) continue
    const line = serviceLines.get(name) ?? 1
    const spec = (typeof build === 'string' ? { context: build } : typeof build === 'object' ? build : {}) as Record<string, unknown>
    const contextText = spec.context === undefined ? '.' : scalarText(spec.context)
    let context: Maybe = null
    if (contextText !== null && isRemoteContext(contextText)) notes.push({ file, line, message: `service ${name} builds the remote context ${contextText}: its Dockerfile is not in the repository` })
    else if (contextText !== null) {
      context = joinRepo(folder, contextText)
      if (context === null) notes.push({ file, line, message: `service ${name} builds the context ${contextText}, which is outside the repository` })
    }
    const inline = typeof spec.dockerfile_inline === 'string'
    const dockerfileText = spec.dockerfile === undefined ? 'Dockerfile' : scalarText(spec.dockerfile)
    const dockerfile = inline || context === null || dockerfileText === null ? null : joinRepo(context, dockerfileText)
    const targetGiven = spec.target !== undefined && spec.target !== null
    const platforms = Array.isArray(spec.platforms) ? spec.platforms.map(scalarText).filter((p): p is string => p !== null) : []
    builds.push({
      service: name,
      line,
      context,
      dockerfile,
      inline,
      target: targetGiven ? scalarText(spec.target) : null,
      targetGiven,
      args: composeArgs(spec.args),
      platforms,
      image: typeof service.image === 'string',
      ports: present(service.ports),
      command: present(service.command) || present(service.entrypoint),
      retiredProfiles: retiredProfiles(service.profiles),
      programs: [
        ...programsOf((service.healthcheck as { test?: unknown } | null | undefined)?.test, 'healthcheck', keyLine(['services', name, 'healthcheck', 'test']) ?? line),
        ...programsOf(service.command, 'command', keyLine(['services', name, 'command']) ?? line),
        ...programsOf(service.entrypoint, 'entrypoint', keyLine(['services', name, 'entrypoint']) ?? line)
      ]
    })
  }
  return { builds, notes }
}
