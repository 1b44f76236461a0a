/** What the repository says it builds: the shapes shared by every reader in this folder. */

export interface RepoFiles {
  /** repository-relative POSIX paths of all files (or at least every workflow, bake, compose, devcontainer file and Dockerfile) */
  list(): readonly string[]
  /** text of a repository-relative file, or null when it cannot be read */
  read(path: string): string | null
}

export type BuildKind = 'build-push-action' | 'bake-action' | 'docker-build' | 'bake' | 'compose' | 'devcontainer'

/** A program a compose service runs inside its image, and in which of its keys. */
export interface ServiceProgram {
  program: string
  what: 'healthcheck' | 'command' | 'entrypoint'
  /** The line of the key that runs it (`test:`, `command:`, `entrypoint:`), where a finding about it points. */
  line: number
}

export interface BuildDefinition {
  kind: BuildKind
  /** where it is defined: file (repo-relative) and 1-based line of the step/target/service */
  source: { file: string; line: number }
  /** bake target name, compose service name, workflow `job-id` (+ step name/index) — for messages */
  name: string
  /** repo-relative normalised path of the Dockerfile built; null when it is an unknown expression */
  dockerfile: string | null
  /** repo-relative normalised context folder ('.' for the root); null when unknown or remote (git URL) */
  context: string | null
  /** the stage built: null = the last stage (no target given) */
  target: string | null
  /** true when the target is an expression we cannot resolve (then any stage may be built) */
  targetUnknown: boolean
  /** build args; value null = unknown (expression) */
  args: Record<string, string | null>
  platforms: string[]
  /** pushed to a registry: true/false, null = unknown */
  push: boolean | null
  /** compose only: the service publishes ports / sets a command or entrypoint (evidence of a runtime image) */
  service?: { ports: boolean; command: boolean; programs?: ServiceProgram[] }
  /** every output writes files (`type=local`, `type=tar`, `type=cacheonly`, a bare path), not an image: the outputs */
  exports?: string
  /** compose only: the service runs only under profiles kept for old setups; how (e.g. `under the compose profile 'deprecated'`) */
  retired?: string
  /** bake file targets only: the groups that build this target, directly or through other groups ('default' = a bare `docker buildx bake`) */
  groups?: string[]
}

export interface BuildNote {
  file: string
  line: number
  message: string
}

export interface BuildsResult {
  builds: BuildDefinition[]
  notes: BuildNote[]
}

/** A string we could only partly read (an expression, a shell variable): null. */
export type Maybe = string | null
