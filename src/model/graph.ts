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

export type GraphProblemKind =
  | 'stage-forward-reference'
  | 'stage-self-reference'
  | 'stage-index-out-of-range'
  | 'copy-from-variable'
  | 'duplicate-stage-name'
  | 'invalid-stage-name'
  | 'unknown-target'

export interface GraphProblem {
  kind: GraphProblemKind
  line: number
  message: string
  stage: number | null
}
