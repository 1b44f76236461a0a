/**
 * Dockerfile text → DockerfileModel. The scanner finds directives, comments, instruction
 * boundaries and heredoc bodies; this file reads words, flags, forms, variables and stages,
 * so the rules see BuildKit's semantics rather than an editor's.
 *
 * Never throws on any input: what cannot be understood becomes a `parse-error` finding.
 */
import { parseCheckDirective } from './directives.js'
import { parseImageReference } from './image-ref.js'
import type {
  Comment,
  CopyDetails,
  Directives,
  DockerfileModel,
  EscapeChar,
  Flag,
  Heredoc,
  Instruction,
  InstructionForm,
  MountSpec,
  ParseOptions,
  ParseProblem,
  PathWord,
  RunDetails,
  Stage,
  StageBase,
  VariableDeclaration
} from '../model/dockerfile.js'
import { EMPTY_SCOPE, PLATFORM_ARG_VALUES, expandWord, referencedNames, withBinding } from './variables.js'
import { packageInstalls } from './packages.js'
import { runScript, splitCommands } from './shell.js'
import { scanDirectives, scanLines, type ScannedDirectives, type ScannedInstruction } from './scanner.js'
import { splitCsv, splitWords, unquote, type LogicalLine, type Word } from './words.js'
import type { VariableScope } from '../model/dockerfile.js'

export const KEYWORDS: ReadonlySet<string> = new Set([
  'ADD',
  'ARG',
  'CMD',
  'COPY',
  'ENTRYPOINT',
  'ENV',
  'EXPOSE',
  'FROM',
  'HEALTHCHECK',
  'LABEL',
  'MAINTAINER',
  'ONBUILD',
  'RUN',
  'SHELL',
  'STOPSIGNAL',
  'USER',
  'VOLUME',
  'WORKDIR'
])

/** Instructions whose arguments may be a JSON array. */
const JSON_CAPABLE: ReadonlySet<string> = new Set(['RUN', 'CMD', 'ENTRYPOINT', 'SHELL', 'COPY', 'ADD', 'VOLUME', 'HEALTHCHECK'])

/** Flags each instruction accepts (BuildKit, dockerfile:1 syntax, labs excluded). */
const ALLOWED_FLAGS: Readonly<Record<string, ReadonlySet<string>>> = {
  FROM: new Set(['platform']),
  RUN: new Set(['mount', 'network', 'security', 'device']),
  COPY: new Set(['from', 'chown', 'chmod', 'link', 'parents', 'exclude']),
  ADD: new Set(['chown', 'chmod', 'link', 'checksum', 'keep-git-dir', 'exclude', 'parents', 'unpack']),
  HEALTHCHECK: new Set(['interval', 'timeout', 'start-period', 'start-interval', 'retries'])
}

/** BuildKit gives `scratch` the default PATH (dockerfile2llb emptyImage), so `ENV PATH=$PATH:/x` works there. */
const SCRATCH_PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'

const MOUNT_TYPES: ReadonlySet<string> = new Set(['bind', 'cache', 'tmpfs', 'secret', 'ssh'])

interface ParseContext {
  lines: string[]
  escape: EscapeChar
  errors: ParseProblem[]
  buildArgs: Readonly<Record<string, string>>
  /** The first stage of each name so far (FROM <name> looks up earlier stages only). */
  stageIds: Map<string, number>
}

function error(ctx: ParseContext, line: number, message: string, endLine = line, hadolint?: string): void {
  ctx.errors.push({ line, endLine, message, ...(hadolint === undefined ? {} : { hadolint }) })
}

/**
 * Normalises line endings and the BOM so line numbers match what GitHub and BuildKit count:
 * only \n ends a line; a lone \r is whitespace.
 */
export function normaliseText(text: string): string {
  let out = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
  if (out.includes('\r')) out = out.replace(/\r\n/g, '\n').replace(/\r/g, ' ')
  return out
}

export function parseDockerfile(source: string, options: ParseOptions = {}): DockerfileModel {
  const text = normaliseText(source)
  const lines = text.split('\n')
  if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop()
  const ctx: ParseContext = { lines, escape: '\\', errors: [], buildArgs: options.buildArgs ?? {}, stageIds: new Map() }

  const scannedDirectives = scanDirectives(lines)
  const directives = readDirectives(scannedDirectives, ctx)
  ctx.escape = directives.escape?.value ?? '\\'
  const comments: Comment[] = []

  const model: DockerfileModel = {
    lineCount: Math.max(1, lines.length),
    directives,
    globalArgs: [],
    preamble: [],
    stages: [],
    instructions: [],
    comments,
    errors: ctx.errors
  }

  let globalScope: VariableScope = EMPTY_SCOPE
  for (const [name, value] of Object.entries(PLATFORM_ARG_VALUES)) {
    globalScope = withBinding(globalScope, name, { kind: 'builtin', value: ctx.buildArgs[name] ?? value, line: 0 })
  }
  const stageEndScopes: VariableScope[] = []
  let scope = globalScope
  let current: Stage | null = null

  // Each instruction is read as soon as it is scanned, so its scan data (logical line, words) is garbage at once.
  const handle = (scanned: ScannedInstruction): void => {
    const instruction = readInstruction(scanned, ctx, current === null ? -1 : current.index)
    model.instructions.push(instruction)
    if (instruction.keyword === 'FROM') {
      if (current !== null) stageEndScopes.push(scope)
      instruction.scope = globalScope
      current = readStage(instruction, model.stages, globalScope, ctx)
      instruction.stage = current.index
      model.stages.push(current)
      if (current.id !== null && !ctx.stageIds.has(current.id)) ctx.stageIds.set(current.id, current.index)
      scope = current.base.kind === 'stage' ? (stageEndScopes[current.base.stage as number] ?? EMPTY_SCOPE) : current.base.kind === 'scratch' ? withBinding(EMPTY_SCOPE, 'PATH', { kind: 'env', value: SCRATCH_PATH, line: 0 }) : EMPTY_SCOPE
      return
    }
    instruction.scope = scope
    if (current === null) {
      model.preamble.push(instruction)
      if (instruction.keyword === 'ARG') {
        globalScope = declareArgs(instruction, globalScope, null, ctx)
        scope = globalScope
        for (const v of instruction.variables ?? []) {
          model.globalArgs.push({ name: v.name, raw: v.raw, value: v.value, line: instruction.line })
        }
      } else if (KEYWORDS.has(instruction.keyword)) {
        error(ctx, instruction.line, `${instruction.keyword} before the first FROM: only ARG may come before FROM`, instruction.endLine, 'DL3061')
      }
      return
    }
    current.instructions.push(instruction)
    current.endLine = instruction.endLine
    if (instruction.keyword === 'ARG') scope = declareArgs(instruction, scope, globalScope, ctx)
    else if (instruction.keyword === 'ENV') scope = declareEnv(instruction, scope, ctx)
    else if (instruction.keyword === 'COPY' || instruction.keyword === 'ADD') readCopyPaths(instruction, ctx)
    else if (instruction.keyword === 'WORKDIR' && instruction.args[0] !== undefined) instruction.workdir = pathWord(instruction.args[0], scope, ctx)
  }
  for (const c of scanLines(lines, scannedDirectives.parsed.length, ctx.escape, handle)) comments.push({ line: c.line + 1, text: c.text })

  if (model.stages.length === 0) {
    const first = model.preamble[0]
    if (first === undefined) error(ctx, 1, 'the file has no instructions: a Dockerfile needs at least a FROM')
    else error(ctx, first.line, 'the file has no FROM instruction, so it defines no stage')
  }
  ctx.errors.sort((a, b) => a.line - b.line)
  return model
}

/**
 * The escape character as Parse reads it, where a repeated directive fails the build; the
 * frontend and the check options as DetectSyntax and ParseDirective read them (see ScannedDirectives).
 */
function readDirectives(scanned: ScannedDirectives, ctx: ParseContext): Directives {
  const directives: Directives = { syntax: null, escape: null, check: null }
  const seen = new Set<string>()
  for (const { name, value, line } of scanned.parsed) {
    if (seen.has(name)) {
      error(ctx, line + 1, `only one ${name} parser directive can be used: BuildKit fails the build on this second one; remove one of them`)
      continue
    }
    seen.add(name)
    if (name !== 'escape') continue
    if (value === '\\' || value === '`') directives.escape = { value, line: line + 1 }
    else error(ctx, line + 1, `invalid escape directive "${value}": it must be \\ or \``)
  }
  for (const { name, value, line } of scanned.raw) {
    if (name === 'syntax') directives.syntax = { value, line: line + 1 }
    else if (name === 'check') {
      const parsed = parseCheckDirective(value, line + 1)
      if (parsed.ok) directives.check = parsed.check
      else error(ctx, line + 1, parsed.message)
    }
  }
  return directives
}

/** Keywords as written → upper case: a file spells its keywords a few ways, and upper-casing each instruction's anew showed in profiles. */
const upperKeywords = new Map<string, string>()
function upperKeyword(raw: string): string {
  let upper = upperKeywords.get(raw)
  if (upper === undefined) {
    upper = raw.toUpperCase()
    // Bounded: a file of made-up instructions must not grow it without end.
    if (upperKeywords.size < 1024) upperKeywords.set(raw, upper)
  }
  return upper
}

function readInstruction(scanned: ScannedInstruction, ctx: ParseContext, stage: number): Instruction {
  const { first, last, logical, keywordRaw } = scanned
  const keyword = upperKeyword(keywordRaw)
  const instruction: Instruction = {
    keyword,
    keywordRaw,
    line: first + 1,
    endLine: last + 1,
    raw: rawArguments(ctx.lines, first, last, scanned.keywordEnd),
    args: [],
    flags: [],
    heredocs: [],
    form: null,
    json: null,
    emptyContinuationLines: logical.emptyLines,
    stage,
    scope: EMPTY_SCOPE,
    run: undefined,
    copy: undefined,
    variables: undefined,
    workdir: undefined
  }
  if (!KEYWORDS.has(keyword)) {
    error(ctx, instruction.line, `unknown instruction "${keywordRaw}"`, instruction.endLine)
    instruction.args = splitWords(logical, ctx.escape).map((w) => w.text)
    return instruction
  }

  const words = splitWords(logical, ctx.escape)
  const allowed = ALLOWED_FLAGS[keyword]
  let argStart = 0
  if (allowed !== undefined) {
    while (argStart < words.length && (words[argStart] as Word).text.startsWith('--')) {
      const word = words[argStart] as Word
      const flag = readFlag(word)
      instruction.flags.push(flag)
      if (!allowed.has(flag.name)) error(ctx, word.line, `unknown flag --${flag.name} for ${keyword}`)
      argStart++
    }
  }
  const argWords = words.slice(argStart)
  instruction.args = argWords.map((w) => w.text)
  instruction.heredocs = readHeredocs(scanned, ctx, instruction)

  if (JSON_CAPABLE.has(keyword)) readForm(instruction, logical, argWords, ctx)
  if (argWords.length === 0 && keyword !== 'CMD' && keyword !== 'ENTRYPOINT' && keyword !== 'FROM') {
    error(ctx, instruction.line, `${keyword} needs at least one argument`, instruction.endLine)
  }

  if (keyword === 'RUN') instruction.run = readRun(instruction, ctx)
  else if (keyword === 'COPY' || keyword === 'ADD') instruction.copy = readCopyFlags(instruction, ctx)
  else if (keyword === 'HEALTHCHECK') readHealthcheck(instruction, ctx)
  return instruction
}

/** Everything after the keyword, as written, leading blanks dropped. */
function rawArguments(lines: readonly string[], first: number, last: number, column: number): string {
  let text = (lines[first] ?? '').slice(column)
  for (let j = first + 1; j <= last; j++) text += `\n${lines[j] ?? ''}`
  let k = 0
  while (k < text.length && (text[k] === ' ' || text[k] === '\t')) k++
  return k === 0 ? text : text.slice(k)
}

function readFlag(word: Word): Flag {
  const body = word.text.slice(2)
  const eq = body.indexOf('=')
  if (eq < 0) return { name: body.toLowerCase(), value: null, line: word.line }
  return { name: body.slice(0, eq).toLowerCase(), value: unquote(body.slice(eq + 1)), line: word.line }
}

/** JSON (exec) form when the arguments parse as a JSON array of strings. */
function readForm(instruction: Instruction, logical: LogicalLine, argWords: Word[], ctx: ParseContext): void {
  const firstWord = argWords[0]
  const rest = firstWord === undefined ? '' : logical.text.slice(firstWord.offset).trim()
  let form: InstructionForm = 'shell'
  if (instruction.keyword === 'HEALTHCHECK') {
    // HEALTHCHECK [flags] CMD <command>: the form is that of the command after CMD.
    const cmd = argWords[0]
    if (cmd === undefined || cmd.text.toUpperCase() !== 'CMD') return
    const after = argWords[1]
    const cmdText = after === undefined ? '' : logical.text.slice(after.offset).trim()
    const json = cmdText.startsWith('[') ? parseJsonArray(cmdText) : null
    instruction.form = json === null ? 'shell' : 'json'
    instruction.json = json
    if (json === null && looksLikeExecForm(cmdText)) invalidJson(instruction, ctx)
    return
  }
  if (rest.startsWith('[') && instruction.heredocs.length === 0) {
    const json = parseJsonArray(rest)
    if (json !== null) {
      form = 'json'
      instruction.json = json
    } else if (looksLikeExecForm(rest)) invalidJson(instruction, ctx)
  }
  instruction.form = form
}

/**
 * Text that starts with `[` but is not JSON: a mistyped exec form (`['a', 'b']`, a missing
 * comma or bracket), or a shell test such as `RUN [ "$X" = "1" ] && exit 0`, which is fine.
 */
function looksLikeExecForm(text: string): boolean {
  if (!text.startsWith('[')) return false
  if (/^\[\s*(?:"[^"]*"|'[^']*')\s*,/.test(text)) return true
  // An attempted JSON array starts with a quoted word (or is empty); `[ -f x ]` and PowerShell's
  // `[Net.ServicePointManager]::…` are shell commands that BuildKit runs as written.
  const shellTest = /^\[\[?\s/.test(text) && /\s\]\]?(?:\s|;|$)/.test(text)
  return !shellTest && /^\[\s*(?:["'\u201c\u2018]|\])/.test(text)
}

function invalidJson(instruction: Instruction, ctx: ParseContext): void {
  error(
    ctx,
    instruction.line,
    `${instruction.keyword} starts with "[" but is not a valid JSON array of strings; Docker runs it as a shell command instead`,
    instruction.endLine
  )
}

function parseJsonArray(text: string): string[] | null {
  try {
    const value: unknown = JSON.parse(text)
    if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return value
  } catch {
    // Not JSON: the caller reports it.
  }
  return null
}

function readHeredocs(scanned: ScannedInstruction, ctx: ParseContext, instruction: Instruction): Heredoc[] {
  let reported = false
  return scanned.heredocs.map((h) => {
    const endLine = h.terminator ?? ctx.lines.length - 1
    const bodyLines = ctx.lines.slice(h.bodyStart, h.terminator ?? ctx.lines.length)
    // The first unclosed heredoc takes the rest of the file; the ones after it have no body to report on.
    if (h.terminator === null && !reported) {
      reported = true
      error(ctx, instruction.line, `heredoc <<${h.name} is never closed: everything after line ${instruction.line} is read as its body`, instruction.endLine)
    }
    return {
      name: h.name,
      stripTabs: h.stripTabs,
      quoted: h.quoted,
      line: Math.min(h.bodyStart, endLine) + 1,
      endLine: endLine + 1,
      content: bodyLines.map((l) => (h.stripTabs ? l.replace(/^\t+/, '') : l)).join('\n'),
      terminated: h.terminator !== null
    }
  })
}

function readRun(instruction: Instruction, ctx: ParseContext): RunDetails {
  const commands = splitCommands(runScript(instruction))
  const details: RunDetails = { mounts: [], network: null, security: null, commands, installs: packageInstalls(commands) }
  for (const flag of instruction.flags) {
    if (flag.name === 'network') details.network = flag.value
    else if (flag.name === 'security') details.security = flag.value
    else if (flag.name === 'mount') {
      const mount = readMount(flag, ctx)
      if (mount !== null) details.mounts.push(mount)
    }
  }
  return details
}

function readMount(flag: Flag, ctx: ParseContext): MountSpec | null {
  const raw = flag.value ?? ''
  const mount: MountSpec = { type: 'bind', from: null, source: null, target: null, id: null, line: flag.line, raw }
  if (raw === '') {
    error(ctx, flag.line, '--mount needs a value, e.g. --mount=type=cache,target=/root/.cache')
    return null
  }
  for (const part of splitCsv(raw)) {
    const eq = part.indexOf('=')
    const key = (eq < 0 ? part : part.slice(0, eq)).trim().toLowerCase()
    const value = eq < 0 ? '' : part.slice(eq + 1).trim()
    switch (key) {
      case 'type':
        mount.type = value.toLowerCase()
        break
      case 'from':
        mount.from = value
        break
      case 'source':
      case 'src':
        mount.source = value
        break
      case 'target':
      case 'dst':
      case 'destination':
        mount.target = value
        break
      case 'id':
        mount.id = value
        break
      default:
        break
    }
  }
  if (!MOUNT_TYPES.has(mount.type)) {
    error(ctx, flag.line, `unknown mount type "${mount.type}" (expected bind, cache, tmpfs, secret or ssh)`)
  }
  return mount
}

function readCopyFlags(instruction: Instruction, ctx: ParseContext): CopyDetails {
  const details: CopyDetails = {
    from: null,
    link: false,
    chmod: null,
    chown: null,
    parents: false,
    exclude: [],
    checksum: null,
    sources: [],
    destination: null,
    sourceWords: [],
    destinationWord: null
  }
  const bool = (flag: Flag): boolean => flag.value === null || flag.value.toLowerCase() !== 'false'
  for (const flag of instruction.flags) {
    switch (flag.name) {
      case 'from':
        details.from = flag.value
        if (flag.value === null || flag.value === '') error(ctx, flag.line, `${instruction.keyword} --from needs a stage name, index or image`)
        break
      case 'link':
        details.link = bool(flag)
        break
      case 'parents':
        details.parents = bool(flag)
        break
      case 'chmod':
        details.chmod = flag.value
        break
      case 'chown':
        details.chown = flag.value
        break
      case 'exclude':
        if (flag.value !== null) details.exclude.push(flag.value)
        break
      case 'checksum':
        details.checksum = flag.value
        break
      default:
        break
    }
  }
  return details
}

/** Sources and destination, expanded in scope (needs the instruction's scope, so runs later). */
function readCopyPaths(instruction: Instruction, ctx: ParseContext): void {
  const details = instruction.copy
  if (details === undefined) return
  const paths = instruction.form === 'json' ? (instruction.json ?? []) : instruction.args
  const expand = (p: string): PathWord =>
    instruction.form === 'json' || p.startsWith('<<') ? { raw: p, value: p, unresolved: [] } : pathWord(p, instruction.scope, ctx)
  if (paths.length < 2) {
    if (paths.length > 0) error(ctx, instruction.line, `${instruction.keyword} needs a source and a destination`, instruction.endLine)
    details.sourceWords = paths.map(expand)
    details.sources = details.sourceWords.map((w) => w.value)
    return
  }
  details.sourceWords = paths.slice(0, -1).map(expand)
  details.sources = details.sourceWords.map((w) => w.value)
  details.destinationWord = expand(paths[paths.length - 1] as string)
  details.destination = details.destinationWord.value
}

function pathWord(raw: string, scope: VariableScope, ctx: ParseContext): PathWord {
  const expansion = expandWord(raw, scope, ctx.escape)
  return { raw, value: expansion.value, unresolved: expansion.unresolved }
}

function readHealthcheck(instruction: Instruction, ctx: ParseContext): void {
  const first = instruction.args[0]?.toUpperCase()
  if (first === undefined || first === 'NONE') return
  if (first !== 'CMD') error(ctx, instruction.line, `HEALTHCHECK must be followed by CMD or NONE, not "${instruction.args[0]}"`, instruction.endLine)
}

/** `ARG a`, `ARG a=1 b=2`. Global ARGs take build-arg overrides; stage ARGs also see the global value. */
function declareArgs(instruction: Instruction, scope: VariableScope, globalScope: VariableScope | null, ctx: ParseContext): VariableScope {
  const declarations: VariableDeclaration[] = []
  let next = scope
  for (const word of instruction.args) {
    const eq = word.indexOf('=')
    const name = eq < 0 ? word : word.slice(0, eq)
    const raw = eq < 0 ? null : word.slice(eq + 1)
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) {
      error(ctx, instruction.line, `invalid ARG name "${name}"`, instruction.endLine)
      continue
    }
    let value: string | null
    let kind: 'arg' | 'builtin' = 'arg'
    const override = Object.prototype.hasOwnProperty.call(ctx.buildArgs, name) ? (ctx.buildArgs[name] as string) : undefined
    if (override !== undefined) value = override
    else if (raw !== null) value = expandWord(raw, next, ctx.escape).value
    else {
      const global = globalScope?.get(name)
      value = global?.value ?? null
      if (global?.kind === 'builtin') kind = 'builtin'
    }
    declarations.push({ name, raw, value })
    // ENV always wins over ARG of the same name.
    if (next.get(name)?.kind !== 'env') next = withBinding(next, name, { kind, value, line: instruction.line })
  }
  instruction.variables = declarations
  return next
}

/** `ENV a=1 b="x y"` or the legacy `ENV a some value`. All values expand in the scope before the instruction. */
function declareEnv(instruction: Instruction, scope: VariableScope, ctx: ParseContext): VariableScope {
  const declarations: VariableDeclaration[] = []
  const args = instruction.args
  const legacy = args.length > 0 && !(args[0] as string).includes('=')
  if (legacy) {
    const name = args[0] as string
    const raw = args.slice(1).join(' ')
    if (args.length < 2) error(ctx, instruction.line, `ENV ${name} has no value`, instruction.endLine)
    declarations.push({ name, raw, value: expandWord(raw, scope, ctx.escape).value })
  } else {
    for (const word of args) {
      const eq = word.indexOf('=')
      if (eq <= 0) {
        error(ctx, instruction.line, `ENV expects NAME=value pairs; "${word}" is not one`, instruction.endLine)
        continue
      }
      const raw = word.slice(eq + 1)
      declarations.push({ name: unquote(word.slice(0, eq)), raw, value: expandWord(raw, scope, ctx.escape).value })
    }
  }
  let next = scope
  for (const d of declarations) next = withBinding(next, d.name, { kind: 'env', value: d.value, line: instruction.line })
  instruction.variables = declarations
  return next
}

const AS_KEYWORD = /^as$/i

function readStage(from: Instruction, stages: readonly Stage[], globalScope: VariableScope, ctx: ParseContext): Stage {
  const args = from.args
  let imageWord = args[0] ?? ''
  let name: string | null = null
  if (args.length === 0) {
    error(ctx, from.line, 'FROM needs an image', from.endLine)
  } else if (args.length === 3 && AS_KEYWORD.test(args[1] as string)) {
    name = args[2] as string
  } else if (args.length !== 1) {
    error(ctx, from.line, `FROM expects "FROM [--platform=...] image [AS name]", got "${args.join(' ')}"`, from.endLine)
    if (args.length >= 2 && AS_KEYWORD.test(args[1] as string)) name = args[2] ?? null
    imageWord = args[0] as string
  }
  const platformFlag = from.flags.find((f) => f.name === 'platform')
  const expansion = expandWord(imageWord, globalScope, ctx.escape)
  const resolved = expansion.value
  const base: StageBase = {
    raw: imageWord,
    resolved,
    unresolved: expansion.unresolved,
    image: null,
    registry: null,
    tag: null,
    digest: null,
    platform: platformFlag?.value ?? null,
    kind: 'image',
    stage: null
  }
  const lower = resolved.toLowerCase()
  const baseIndex = ctx.stageIds.get(lower)
  const baseStage = baseIndex === undefined ? undefined : stages[baseIndex]
  if (lower === 'scratch') base.kind = 'scratch'
  else if (baseStage !== undefined) {
    base.kind = 'stage'
    base.stage = baseStage.index
  } else if (resolved !== '') {
    const ref = parseImageReference(resolved)
    if (ref !== null) {
      base.image = ref.registry === null ? ref.name : `${ref.registry}/${ref.name}`
      base.registry = ref.registry
      base.tag = ref.tag
      base.digest = ref.digest
    } else if (expansion.unresolved.length === 0 && !expansion.malformed && referencedNames(imageWord).length === 0) {
      // A reference built from ARGs is the invalid-default-arg-in-from rule's (BuildKit's InvalidDefaultArgInFrom), not a parse error.
      error(ctx, from.line, `"${resolved}" is not a valid image reference`, from.endLine)
    }
  }
  return {
    index: stages.length,
    name,
    id: name === null ? null : name.toLowerCase(),
    line: from.line,
    endLine: from.endLine,
    base,
    instructions: [from]
  }
}
