/** The stage graph's shape: which stage needs which, which images come in, each stage's role. */
export type Via = 'from' | 'copy' | 'mount'
export type Role = 'ships' | 'build' | 'unused'

export interface StageEdge {
  /** The stage that depends. */
  from: number
  /** The stage it depends on. */
  to: number
  via: Via
  line: number
  /** COPY sources or the mount's source; empty for FROM. */
  paths: string[]
}

export interface ExternalReference {
  stage: number
  /** The image as written after expansion, e.g. `golang:1.22` or `docker/buildx-bin`. */
  image: string
  via: Via
  line: number
}

export interface StageGraph {
  edges: StageEdge[]
  external: ExternalReference[]
  /** Index of the stage that is built, or null when the file has no stage. */
  target: number | null
  roles: Role[]
  /** What BuildKit would reject; the rules of the same ids turn these into findings. */
  problems: GraphProblem[]
}

/** Where a reference was written: `COPY --from`, `RUN --mount from`, `FROM`, and the value as written. */
interface Reference {
  what: string
  value: string
}

/**
 * What BuildKit would reject, recorded as facts while the graph resolves references; the rules
 * of the same ids word them. `stage` is the stage the problem is in (null: the file).
 */
export type GraphProblem = { line: number; stage: number | null } & (
  | ({ kind: 'stage-index-out-of-range'; index: number; stageCount: number } & Reference)
  | ({ kind: 'stage-self-reference' } & Reference)
  | ({ kind: 'stage-forward-reference'; to: number } & Reference)
  | ({ kind: 'copy-from-variable' } & Reference)
  | { kind: 'invalid-stage-name'; name: string }
  | { kind: 'duplicate-stage-name'; name: string; firstLine: number }
  | { kind: 'unknown-target'; requested: string }
)

export type GraphProblemKind = GraphProblem['kind']
