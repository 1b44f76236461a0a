/**
 * Bake definitions: HCL and JSON bake files (and compose files, which bake reads as targets), merged
 * in bake's order, with variables, user functions, `inherits` and groups resolved. Paths follow
 * buildx: a target's context is relative to the folder bake runs in, its Dockerfile relative to
 * the context.
 */
import { emptyObject, evaluate, UNKNOWN, asString, type Scope, type UserFunction, type Value } from './hcl-eval.js'
import { parseHcl, templateOf, type Body, type Expr } from './hcl.js'
import { parseJsonc, type JsonNode } from './jsonc.js'
import { readCompose, type ComposeBuild } from './compose.js'
import { basenameOf, isRemoteContext, joinRepo } from './paths.js'
import type { BuildNote, Maybe, RepoFiles } from './types.js'

/** Bake's own lookup order when no file is given (later files override earlier ones). */
export const DEFAULT_BAKE_FILES: readonly string[] = [
  'compose.yaml',
  'compose.yml',
  'docker-compose.yml',
  'docker-compose.yaml',
  'docker-bake.json',
  'docker-bake.hcl',
  'docker-bake.override.json',
  'docker-bake.override.hcl'
]

/** Attributes whose maps merge key by key across files and `inherits`; the rest are replaced. */
const MERGED = new Set(['args', 'labels', 'contexts', 'annotations'])

interface Layer {
  file: string
  line: number
  attributes: Map<string, Expr>
  /** compose services: context and Dockerfile are repo-relative already */
  resolved: boolean
  /** the values of one combination of a target's `matrix` */
  bindings?: ReadonlyMap<string, Value>
}

/** Targets one `matrix` may stand for. */
const MAX_MATRIX_TARGETS = 256

export interface BakeProject {
  files: string[]
  variables: Map<string, { expr: Expr | null; line: number }>
  functions: Map<string, UserFunction>
  targets: Map<string, Layer[]>
  groups: Map<string, { file: string; line: number; targets: Expr[] }>
}

export function emptyProject(): BakeProject {
  return { files: [], variables: new Map(), functions: new Map(), targets: new Map(), groups: new Map() }
}

function literal(value: Value): Expr {
  if (value === UNKNOWN) return { kind: 'unknown', text: '' }
  if (Array.isArray(value)) return { kind: 'tuple', items: value.map(literal) }
  if (value !== null && typeof value === 'object') return { kind: 'object', items: Object.entries(value).map(([k, v]) => ({ key: { kind: 'literal', value: k }, value: literal(v) })) }
  return { kind: 'literal', value }
}

function addBody(project: BakeProject, file: string, body: Body): void {
  for (const block of body.blocks) {
    const name = block.labels[0]
    if (name === undefined) continue
    const attributes = new Map(block.body.attributes.map((a) => [a.name, a.expr]))
    if (block.type === 'variable') project.variables.set(name, { expr: attributes.get('default') ?? null, line: block.line })
    else if (block.type === 'function') {
      const params = attributes.get('params')
      const result = attributes.get('result')
      const names = params?.kind === 'tuple' ? params.items.map((p) => (p.kind === 'variable' ? p.name : '')) : []
      const variadic = attributes.get('variadic_param')
      if (result !== undefined) project.functions.set(name, { params: names, variadic: variadic?.kind === 'variable' ? variadic.name : null, result })
    } else if (block.type === 'target') {
      const layers = project.targets.get(name) ?? []
      layers.push({ file, line: block.line, attributes, resolved: false })
      project.targets.set(name, layers)
    } else if (block.type === 'group') {
      const targets = attributes.get('targets')
      const group = project.groups.get(name) ?? { file, line: block.line, targets: [] }
      if (targets !== undefined) group.targets.push(targets)
      project.groups.set(name, group)
    }
  }
}

/** A JSON value as an expression: its strings are templates (bake interpolates `${}` in JSON too). */
function jsonExpr(node: JsonNode): Expr {
  switch (node.kind) {
    case 'string': {
      const template = templateOf(node.value)
      return template.parts.length === 1 && typeof template.parts[0] === 'string' ? { kind: 'literal', value: node.value } : template
    }
    case 'number':
    case 'boolean':
      return { kind: 'literal', value: node.value }
    case 'null':
      return { kind: 'literal', value: null }
    case 'array':
      return { kind: 'tuple', items: node.items.map(jsonExpr) }
    case 'object':
      return { kind: 'object', items: node.entries.map((e) => ({ key: { kind: 'literal', value: e.key }, value: jsonExpr(e.value) })) }
  }
}

/** The JSON form of a bake file, as the same blocks the HCL form has. */
function jsonBody(root: JsonNode): Body {
  const body: Body = { attributes: [], blocks: [] }
  if (root.kind !== 'object') return body
  for (const section of root.entries) {
    if (section.value.kind !== 'object') continue
    for (const entry of section.value.entries) {
      const attributes = entry.value.kind === 'object' ? entry.value.entries.map((a) => ({ name: a.key, expr: jsonExpr(a.value), line: a.line })) : []
      // `"function": {"f": {"params": ["a"]}}`: parameter names are strings there.
      if (section.key === 'function') {
        for (const a of attributes) {
          if (a.name === 'params' && a.expr.kind === 'tuple') a.expr = { kind: 'tuple', items: a.expr.items.map((p) => (p.kind === 'literal' ? { kind: 'variable', name: String(p.value) } : p)) }
          if (a.name === 'result' && a.expr.kind === 'literal' && typeof a.expr.value === 'string') a.expr = templateOf(`\${${a.expr.value}}`)
        }
      }
      body.blocks.push({ type: section.key, labels: [entry.key], body: { attributes, blocks: [] }, line: entry.line })
    }
  }
  return body
}

function composeLayer(file: string, build: ComposeBuild): Layer {
  const attributes = new Map<string, Expr>()
  attributes.set('context', literal(build.context ?? UNKNOWN))
  attributes.set('dockerfile', literal(build.inline ? null : (build.dockerfile ?? UNKNOWN)))
  if (build.inline) attributes.set('dockerfile-inline', literal('(compose)'))
  if (build.targetGiven) attributes.set('target', literal(build.target ?? UNKNOWN))
  const args = emptyObject()
  for (const [k, v] of Object.entries(build.args)) args[k] = v ?? UNKNOWN
  attributes.set('args', literal(args))
  if (build.platforms.length > 0) attributes.set('platforms', literal(build.platforms))
  return { file, line: build.line, attributes, resolved: true }
}

/**
 * Adds one file to a project. Returns a note when it cannot be read or parsed (the file then adds
 * nothing, as bake would refuse it).
 */
export function addBakeFile(project: BakeProject, file: string, text: string): BuildNote | null {
  project.files.push(file)
  const name = basenameOf(file).toLowerCase()
  if (/\.ya?ml$/.test(name)) {
    const compose = readCompose(file, text)
    if (compose.notes.length > 0 && compose.builds.length === 0) return compose.notes[0] ?? null
    const group = project.groups.get('default') ?? { file, line: 1, targets: [] }
    group.targets.push(literal(compose.builds.map((b) => b.service)))
    project.groups.set('default', group)
    for (const build of compose.builds) {
      const layers = project.targets.get(build.service) ?? []
      layers.push(composeLayer(file, build))
      project.targets.set(build.service, layers)
    }
    return null
  }
  if (name.endsWith('.json')) {
    const json = parseJsonc(text)
    if (!json.ok) return { file, line: json.line, message: `invalid JSON bake file: ${json.message}` }
    addBody(project, file, jsonBody(json.value))
    return null
  }
  const hcl = parseHcl(text)
  if (!hcl.ok) return { file, line: hcl.line, message: `invalid HCL: ${hcl.message}` }
  addBody(project, file, hcl.body)
  return null
}

/** Reads the given bake files of the repository into one project; missing files are notes. */
export function loadBake(files: RepoFiles, paths: readonly string[], notes: BuildNote[], from: { file: string; line: number }): BakeProject {
  const project = emptyProject()
  for (const path of paths) {
    const text = files.read(path)
    if (text === null) {
      notes.push({ ...from, message: `bake file ${path} is not in the repository` })
      continue
    }
    const note = addBakeFile(project, path, text)
    if (note !== null) notes.push(note)
  }
  return project
}

/** The default bake files that exist in a folder, in bake's order. */
export function defaultBakeFiles(all: ReadonlySet<string>, folder: string, withCompose = true): string[] {
  return DEFAULT_BAKE_FILES.filter((f) => withCompose || !/\.ya?ml$/.test(f))
    .map((f) => (folder === '.' ? f : `${folder}/${f}`))
    .filter((f) => all.has(f))
}

/** A target with `inherits` applied and its attributes evaluated. */
export interface BakeTarget {
  name: string
  file: string
  line: number
  resolved: boolean
  attributes: Map<string, Value>
}

export interface BakeOverrides {
  /** variables set from the environment (a workflow step's `env:`); null = unknown */
  variables?: Record<string, Maybe>
  /** `--set pattern.key=value` (null value = unknown) */
  sets?: { pattern: string; key: string; value: Maybe }[]
}

function merge(into: Map<string, Value>, from: Map<string, Value>): void {
  for (const [key, value] of from) {
    const old = into.get(key)
    if (MERGED.has(key) && old !== undefined && typeof old === 'object' && old !== null && !Array.isArray(old) && typeof value === 'object' && value !== null && !Array.isArray(value)) {
      const both = emptyObject()
      Object.assign(both, old, value)
      into.set(key, both)
    } else into.set(key, value)
  }
}

function globToRegExp(pattern: string): RegExp {
  const escaped = pattern.replace(/[.+^$()|{}[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')
  return new RegExp(`^${escaped}$`)
}

export class BakeResolver {
  private readonly scope: Scope
  private readonly cache = new Map<string, Map<string, Value> | null>()
  private readonly variableCache = new Map<string, Value>()

  /** the project's targets, with `matrix` targets expanded into the targets they name */
  private readonly targets: Map<string, Layer[]>
  /** a matrix target's block name → the names of its expansions */
  private readonly expansions = new Map<string, string[]>()

  constructor(
    readonly project: BakeProject,
    readonly notes: BuildNote[],
    private readonly overrides: BakeOverrides = {}
  ) {
    this.targets = new Map(project.targets)
    const evaluating = new Set<string>()
    this.scope = {
      functions: project.functions,
      lookup: (name) => {
        if (this.variableCache.has(name)) return this.variableCache.get(name)
        const variable = project.variables.get(name)
        if (variable === undefined) return undefined
        let value: Value
        const override = overrides.variables?.[name]
        if (override !== undefined) value = override ?? UNKNOWN
        else if (variable.expr === null) value = ''
        else if (evaluating.has(name)) value = UNKNOWN
        else {
          evaluating.add(name)
          value = evaluate(variable.expr, this.scope)
          evaluating.delete(name)
        }
        this.variableCache.set(name, value)
        return value
      }
    }
    this.expandMatrices()
  }

  has(name: string): boolean {
    return this.targets.has(name)
  }

  /** Every target name, matrix targets as their expansions. */
  names(): string[] {
    return [...this.targets.keys()]
  }

  private scopeWith(bindings: ReadonlyMap<string, Value> | undefined): Scope {
    if (bindings === undefined) return this.scope
    return { functions: this.scope.functions, lookup: (name) => (bindings.has(name) ? bindings.get(name) : this.scope.lookup(name)) }
  }

  /** `matrix = { v = ["a", "b"] }` with `name = "app-${v}"`: one target per combination. */
  private expandMatrices(): void {
    for (const [name, layers] of [...this.targets]) {
      const layer = layers.find((l) => l.attributes.has('matrix'))
      if (layer === undefined) continue
      const matrix = evaluate(layer.attributes.get('matrix') as Expr, this.scope)
      const entries = matrix !== null && typeof matrix === 'object' && !Array.isArray(matrix) ? Object.entries(matrix) : null
      if (entries === null || entries.some(([, v]) => !Array.isArray(v))) {
        this.notes.push({ file: layer.file, line: layer.line, message: `target ${name} has a matrix whose values are not known: read as one target` })
        continue
      }
      let combinations: Map<string, Value>[] = [new Map<string, Value>()]
      for (const [key, values] of entries) {
        combinations = combinations.flatMap((c) => (values as Value[]).map((v) => new Map(c).set(key, v))).slice(0, MAX_MATRIX_TARGETS)
      }
      const generated: string[] = []
      for (const bindings of combinations) {
        const nameExpr = layer.attributes.get('name')
        const text = nameExpr === undefined ? UNKNOWN : asString(evaluate(nameExpr, this.scopeWith(bindings)))
        const generatedName = text === UNKNOWN ? `${name}-${[...bindings.values()].map((v) => String(asString(v) === UNKNOWN ? '?' : asString(v))).join('-')}` : text
        const attributes = new Map([...layer.attributes].filter(([k]) => k !== 'matrix' && k !== 'name'))
        this.targets.set(generatedName, [{ ...layer, attributes, bindings }])
        generated.push(generatedName)
      }
      this.targets.delete(name)
      this.expansions.set(name, generated)
    }
  }

  /** Group and target names → target names, in order, once each; names that are neither are returned apart. */
  expand(names: readonly string[]): { targets: string[]; unknown: string[] } {
    const targets: string[] = []
    const unknown: string[] = []
    const seen = new Set<string>()
    const visit = (name: string, stack: Set<string>): void => {
      const group = this.project.groups.get(name)
      if (group !== undefined && !stack.has(name)) {
        stack.add(name)
        for (const member of this.groupMembers(name)) visit(member, stack)
        stack.delete(name)
      } else if (this.expansions.has(name)) {
        for (const member of this.expansions.get(name) ?? []) visit(member, stack)
      } else if (this.targets.has(name)) {
        if (!seen.has(name)) {
          seen.add(name)
          targets.push(name)
        }
      } else if (group === undefined && !unknown.includes(name)) unknown.push(name)
    }
    for (const name of names) visit(name, new Set())
    return { targets, unknown }
  }

  /** The names a group lists (null entries: expressions we cannot read). */
  groupMembers(name: string): string[] {
    const group = this.project.groups.get(name)
    if (group === undefined) return []
    const names: string[] = []
    for (const expr of group.targets) {
      const value = evaluate(expr, this.scope)
      if (!Array.isArray(value)) continue
      for (const item of value) {
        const text = asString(item)
        if (text !== UNKNOWN && !names.includes(text)) names.push(text)
      }
    }
    return names
  }

  /** Names of the targets other targets inherit from. */
  inherited(): Set<string> {
    const names = new Set<string>()
    for (const name of this.targets.keys()) for (const parent of this.parents(name)) names.add(parent)
    return names
  }

  private parents(name: string): string[] {
    const layers = this.targets.get(name) ?? []
    const parents: string[] = []
    for (const layer of layers) {
      const expr = layer.attributes.get('inherits')
      if (expr === undefined) continue
      const value = evaluate(expr, this.scopeWith(layer.bindings))
      if (!Array.isArray(value)) continue
      for (const item of value) {
        const text = asString(item)
        if (text !== UNKNOWN) parents.push(text)
      }
    }
    return parents
  }

  private effective(name: string, stack: string[]): Map<string, Value> | null {
    const cached = this.cache.get(name)
    if (cached !== undefined) return cached
    const layers = this.targets.get(name)
    if (layers === undefined) return null
    const first = layers[0] as Layer
    const own = new Map<string, Value>()
    for (const layer of layers) {
      const values = new Map<string, Value>()
      const scope = this.scopeWith(layer.bindings)
      for (const [key, expr] of layer.attributes) if (key !== 'inherits') values.set(key, evaluate(expr, scope))
      merge(own, values)
    }
    const result = new Map<string, Value>()
    for (const parent of this.parents(name)) {
      if (stack.includes(parent)) {
        this.notes.push({ file: first.file, line: first.line, message: `target ${name} inherits ${parent}, which inherits it back` })
        continue
      }
      const inherited = this.effective(parent, [...stack, name])
      if (inherited === null) this.notes.push({ file: first.file, line: first.line, message: `target ${name} inherits ${parent}, which is not defined` })
      else merge(result, inherited)
    }
    merge(result, own)
    this.cache.set(name, result)
    return result
  }

  /** A target with `inherits` and the `--set` overrides applied; null when no such target. */
  target(name: string): BakeTarget | null {
    const attributes = this.effective(name, [])
    const layers = this.targets.get(name)
    if (attributes === null || layers === undefined) return null
    const result = new Map(attributes)
    for (const set of this.overrides.sets ?? []) {
      if (!globToRegExp(set.pattern).test(name)) continue
      const value: Value = set.value ?? UNKNOWN
      if (set.key.startsWith('args.')) {
        const args = emptyObject()
        const old = result.get('args')
        if (old !== undefined && typeof old === 'object' && old !== null && !Array.isArray(old)) Object.assign(args, old)
        args[set.key.slice(5)] = value
        result.set('args', args)
      } else if (set.key === 'platform' || set.key === 'output' || set.key === 'tags') {
        result.set(set.key === 'platform' ? 'platforms' : set.key, value === UNKNOWN ? UNKNOWN : String(value).split(',').filter((p) => p !== ''))
      } else result.set(set.key, value)
    }
    const first = layers[0] as Layer
    return { name, file: first.file, line: first.line, resolved: layers.some((l) => l.resolved), attributes: result }
  }
}

/** What a target's outputs say about pushing: true/false, null when unknown or not said. */
export function outputsPush(output: Value | undefined, push: Value | undefined): boolean | null {
  if (push === true || push === 'true') return true
  if (push === false || push === 'false') return false
  if (output === undefined || output === null) return null
  const entries: Value[] = Array.isArray(output) ? output : [output]
  if (entries.length === 0) return null
  let unknown = false
  for (const entry of entries) {
    if (typeof entry === 'object' && entry !== null && !Array.isArray(entry)) {
      const type = entry.type
      if (type === 'registry' || ((type === 'image' || type === 'oci') && (entry.push === true || entry.push === 'true'))) return true
      if (typeof type !== 'string') unknown = true
      continue
    }
    const text = asString(entry)
    if (text === UNKNOWN) {
      unknown = true
      continue
    }
    if (outputPushes(text)) return true
  }
  return unknown ? null : false
}

/** One `--output` / `outputs:` entry: `type=registry`, or `type=image,…,push=true`. */
export function outputPushes(output: string): boolean {
  const fields = new Map(
    output.split(',').map((f) => {
      const eq = f.indexOf('=')
      return eq < 0 ? [f.trim(), ''] : [f.slice(0, eq).trim(), f.slice(eq + 1).trim()]
    })
  )
  const type = fields.get('type')
  return type === 'registry' || ((type === 'image' || type === 'oci') && fields.get('push') === 'true')
}

/**
 * One output entry that writes files, not an image: `type=local`, `type=tar`, `type=cacheonly`,
 * or a bare path (`.`, `./bin/release`, which buildx reads as `type=local,dest=…`).
 */
function outputExports(output: string): boolean {
  const text = output.trim()
  if (text === '' || text === '-') return false
  if (!text.includes('=')) return true
  const type = /(?:^|,)\s*type=([^,]*)/.exec(text)?.[1]?.trim()
  return type === 'local' || type === 'tar' || type === 'cacheonly'
}

/**
 * The outputs of a build (`--output`, build-push-action's `outputs:`, bake's `output`), joined,
 * when there is one and every one writes files (outputExports); null when any is an image or
 * unknown (null), or none is said.
 */
export function exportsOf(outputs: readonly (string | null)[]): string | null {
  return outputs.length > 0 && outputs.every((o) => o !== null && outputExports(o)) ? outputs.join(', ') : null
}

/** exportsOf for bake's output values: strings, or objects such as `{ type = "local", dest = "out" }`. */
function exportedOutputs(outputs: readonly Value[]): string | null {
  return exportsOf(
    outputs.map((entry) => {
      if (typeof entry === 'object' && entry !== null && !Array.isArray(entry)) return typeof entry.type === 'string' ? `type=${entry.type}` : null
      const text = asString(entry)
      return text === UNKNOWN ? null : text
    })
  )
}

export interface BakeBuild {
  dockerfile: Maybe
  context: Maybe
  target: Maybe
  targetUnknown: boolean
  args: Record<string, Maybe>
  platforms: string[]
  push: boolean | null
  /** every output writes files, not an image (exportedOutputs): the outputs */
  exports: string | null
  inline: boolean
}

/** A resolved target as paths in the repository; `cwd` is the folder bake runs in. */
export function bakeBuild(target: BakeTarget, cwd: string, notes: BuildNote[], where: { file: string; line: number }): BakeBuild {
  const a = target.attributes
  const text = (key: string): Maybe | undefined => {
    const value = a.get(key)
    if (value === undefined || value === null) return undefined
    const s = asString(value)
    return s === UNKNOWN ? null : s
  }
  const inline = a.get('dockerfile-inline') !== undefined && a.get('dockerfile-inline') !== null
  let contextText = text('context')
  if (contextText === undefined) contextText = target.resolved ? cwd : '.'
  let context: Maybe = null
  if (contextText !== null) {
    contextText = contextText.replace(/^cwd:\/\//, '')
    if (isRemoteContext(contextText)) notes.push({ ...where, message: `bake target ${target.name} builds the remote context ${contextText}: its Dockerfile is not in the repository` })
    else {
      context = target.resolved ? contextText : joinRepo(cwd, contextText)
      if (context === null) notes.push({ ...where, message: `bake target ${target.name} builds the context ${contextText}, which is outside the repository` })
    }
  }
  const given = text('dockerfile')
  const dockerfileText = given === undefined ? 'Dockerfile' : given
  const dockerfile = inline || context === null || dockerfileText === null ? null : target.resolved ? dockerfileText : joinRepo(context, dockerfileText.replace(/^cwd:\/\//, ''))
  const targetText = text('target')
  const args: Record<string, Maybe> = {}
  const rawArgs = a.get('args')
  if (rawArgs !== undefined && rawArgs !== null && typeof rawArgs === 'object' && !Array.isArray(rawArgs)) {
    for (const [key, value] of Object.entries(rawArgs)) {
      // A null arg is not passed at all.
      if (value === null) continue
      const s = asString(value)
      args[key] = s === UNKNOWN ? null : s
    }
  }
  const rawPlatforms = a.get('platforms')
  const platforms = Array.isArray(rawPlatforms) ? rawPlatforms.map(asString).filter((p): p is string => p !== UNKNOWN) : []
  return {
    dockerfile,
    context,
    target: targetText ?? null,
    targetUnknown: targetText === null,
    args,
    platforms,
    push: outputsPush(a.get('output'), a.get('push')),
    exports: ((output) => (output === undefined || output === null ? null : exportedOutputs(Array.isArray(output) ? output : [output])))(a.get('output')),
    inline
  }
}
