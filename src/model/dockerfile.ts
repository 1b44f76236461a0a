/**
 * The Dockerfile model every later step reads. Lines are 1-based and inclusive, as in
 * GitHub annotations. Raw text is kept next to what we resolved from it, so reports can
 * quote the author while rules reason about the resolved value.
 */

export type EscapeChar = '\\' | '`'

/** BuildKit's `# check=skip=...;error=true;experimental=...` directive. */
export interface CheckDirective {
  line: number
  /** Check names to skip, or 'all'. */
  skip: string[] | 'all'
  error: boolean
  experimental: string[] | 'all'
}

export interface Directives {
  syntax: { value: string; line: number } | null
  escape: { value: EscapeChar; line: number } | null
  check: CheckDirective | null
}

export interface Flag {
  name: string
  /** null for a bare flag such as `--link`. */
  value: string | null
  line: number
}

export interface Heredoc {
  /** The delimiter word, without quotes or `-`. */
  name: string
  /** `<<-EOF` strips leading tabs. */
  stripTabs: boolean
  /** A quoted delimiter (`<<'EOF'`) turns off expansion in the body. */
  quoted: boolean
  /** First line of the body (the line after the `<<EOF`). */
  line: number
  /** Line of the closing delimiter, or of the file's end when unterminated. */
  endLine: number
  content: string
  terminated: boolean
}

export interface MountSpec {
  /** bind, cache, tmpfs, secret or ssh; anything else is reported and kept as written. */
  type: string
  /** A stage name or index, or an image, as written. */
  from: string | null
  source: string | null
  target: string | null
  id: string | null
  line: number
  raw: string
}

export interface RunDetails {
  mounts: MountSpec[]
  network: string | null
  security: string | null
  /** The simple commands the RUN executes (its shell text, or a shell heredoc's body), split once here. */
  commands: ShellCommand[]
  /** The package installs among them (apt, apk, dnf, pip, npm, gem...), read once here. */
  installs: PackageInstall[]
}

/** A path word of COPY, ADD or WORKDIR: as written, and as BuildKit expands it in scope. */
export interface PathWord {
  /** As written: quotes and variables kept. */
  raw: string
  /** After variable expansion and quote removal (single quotes keep `$` literal, as in BuildKit). */
  value: string
  /** Variables it uses that have no value here (an ARG without a default): `value` is then not where files go. */
  unresolved: string[]
}

export interface CopyDetails {
  /** `--from` as written (a stage name, an index, or an image), or null. */
  from: string | null
  link: boolean
  chmod: string | null
  chown: string | null
  parents: boolean
  exclude: string[]
  /** ADD only. */
  checksum: string | null
  /** Sources after variable expansion; heredoc sources are written `<<NAME`. */
  sources: string[]
  /** Destination after variable expansion, or null when missing. */
  destination: string | null
  /** The sources as written and expanded, in order (for what `sources` cannot say: unresolved variables). */
  sourceWords: PathWord[]
  /** The destination as written and expanded, or null when missing. */
  destinationWord: PathWord | null
}

export interface VariableDeclaration {
  name: string
  /** The value as written (ENV) or the default (ARG), or null for `ARG NAME`. */
  raw: string | null
  /** The value after expansion in scope, or null when there is none. */
  value: string | null
}

export type InstructionForm = 'json' | 'shell'

export interface Instruction {
  /** Upper-case keyword, e.g. `RUN`. */
  keyword: string
  /** The keyword as written, e.g. `from`. */
  keywordRaw: string
  line: number
  endLine: number
  /** Everything after the keyword, as written (continuations and all). */
  raw: string
  /** Words after the flags, continuations and embedded comments removed, not expanded. */
  args: string[]
  flags: Flag[]
  heredocs: Heredoc[]
  /** Set for instructions that accept both forms (RUN, CMD, ENTRYPOINT, SHELL, COPY, ADD, VOLUME, HEALTHCHECK). */
  form: InstructionForm | null
  /** The JSON array when form is json. */
  json: string[] | null
  /** Empty lines inside a `\` continuation (1-based). */
  emptyContinuationLines: number[]
  /** Index of the stage, or -1 before the first FROM. */
  stage: number
  /** Variables visible to this instruction (BuildKit's scoping). */
  scope: VariableScope
  // The four below are set by the parser on the instructions they concern and undefined on the
  // others, present on every instruction so that all instructions share one shape (rules read them
  // all in the same loops).
  run?: RunDetails | undefined
  copy?: CopyDetails | undefined
  /** ARG and ENV: the names they declare. */
  variables?: VariableDeclaration[] | undefined
  /** WORKDIR: its path, as written and expanded. */
  workdir?: PathWord | undefined
}

export type BaseKind = 'image' | 'stage' | 'scratch'

export interface ImageReference {
  /** Registry host when written (`ghcr.io`), else null (Docker Hub). */
  registry: string | null
  /** Repository path without registry, tag or digest, e.g. `library/node` is written `node`. */
  name: string
  tag: string | null
  digest: string | null
}

export interface StageBase {
  /** The image word of the FROM line, as written. */
  raw: string
  /** After expanding global ARGs (and build args). */
  resolved: string
  /** Names used in `raw` that had no value. */
  unresolved: string[]
  /** Parsed from `resolved` when kind is image; null otherwise or when unparseable. */
  image: string | null
  registry: string | null
  tag: string | null
  digest: string | null
  /** `--platform` as written, or null. */
  platform: string | null
  kind: BaseKind
  /** Index of the base stage when kind is stage. */
  stage: number | null
}

export interface Stage {
  index: number
  /** The name after AS, as written, or null. */
  name: string | null
  /** The name lower-cased, as BuildKit compares names, or null. */
  id: string | null
  /** Line of the FROM instruction. */
  line: number
  /** Last line of the stage's last instruction. */
  endLine: number
  base: StageBase
  /** The FROM instruction first, then the stage's instructions in order. */
  instructions: Instruction[]
}

export interface GlobalArg {
  name: string
  raw: string | null
  /** The default after expansion, or the build-arg override. */
  value: string | null
  line: number
}

export interface Comment {
  line: number
  text: string
}

export interface ParseProblem {
  line: number
  endLine: number
  message: string
  /** The hadolint code of this problem, when hadolint has one for it (DL3061: an instruction before FROM). */
  hadolint?: string
}

export interface DockerfileModel {
  /** Number of lines in the file. */
  lineCount: number
  directives: Directives
  globalArgs: GlobalArg[]
  /** Instructions before the first FROM (ARGs, and any misplaced instruction). */
  preamble: Instruction[]
  stages: Stage[]
  /** Every instruction in file order: the preamble's, then each stage's (FROM first). */
  instructions: Instruction[]
  comments: Comment[]
  /** What could not be understood; the `parse-error` rule reports them. */
  errors: ParseProblem[]
}

export interface ParseOptions {
  /** `--build-arg K=V` from the caller; they override ARG defaults. */
  buildArgs?: Readonly<Record<string, string>>
}

export type BindingKind = 'arg' | 'env' | 'builtin'

export interface Binding {
  kind: BindingKind
  /** null: declared without a value (an ARG with no default, or a builtin we cannot know). */
  value: string | null
  /** Line of the declaration; 0 for builtins. */
  line: number
}

/** The variables one instruction sees. Read-only; `withBinding` makes the next one. */
export interface VariableScope {
  get(name: string): Binding | undefined
  has(name: string): boolean
  /** Every name in scope (for "did you mean" suggestions). */
  keys(): string[]
}

export interface ShellCommand {
  /** The program, e.g. `apt-get`. */
  name: string
  /** Arguments after the program, unquoted. */
  args: string[]
  /** Whether the command is followed by a `|` (its output is piped). */
  piped: boolean
  /** The program without its folder (`/usr/bin/apt-get` → `apt-get`). */
  program: string
  /** The first argument that is not an option (`install` in `apt-get -y install x`), or ''. */
  subcommand: string
}

export type PackageManager = 'apt' | 'apk' | 'dnf' | 'yum' | 'microdnf' | 'tdnf' | 'pip' | 'npm' | 'yarn' | 'pnpm' | 'gem'

export interface PackageInstall {
  manager: PackageManager
  /** Package words as written (versions and all). A manifest install names its file, e.g. `(requirements.txt)`. */
  packages: string[]
  command: ShellCommand
}
