/** The stage graph's shape: which stage needs which, which images come in, each stage's role. */
export type Via = 'from' | 'copy' | 'mount'
/**
 * ships: in a runtime image that is built (its FROM chain); environment: in a build, dev, CI or
 * test image that is built; build: only its outputs are copied or mounted; unused: not needed.
 */
export type Role = 'ships' | 'environment' | 'build' | 'unused'

/** What a built image is for (see src/graph/purpose.ts). */
export type Purpose = 'runtime' | 'environment'

/** A stage that is built, what it is for and why we think so. */
export interface BuiltTarget {
  stage: number
  purpose: Purpose
  because: string
  /** Where it is built (build definitions as `file:line`), empty when it is the default (the last stage). */
  builtBy: string[]
  /** With several targets: every stage this one needs (FROM chain, COPY and mount sources), ascending. */
  needs?: number[]
  /** Programs the deployment runs inside the image (a compose service's healthcheck, command, entrypoint), and where it says so. */
  runs?: { program: string; how: string }[]
}

export interface StageEdge {
  /** The stage that depends. */
  from: number
  /** The stage it depends on. */
  to: number
  via: Via
  line: number
  /** COPY sources or the mount's source; empty for FROM. */
  paths: string[]
  /** A FROM that names this stage on another platform than the runner's (`FROM bin-${TARGETOS}`). */
  otherPlatform?: boolean
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
  /** The stage the summary shows as the image: the first runtime target, else the first target; null without stages. */
  target: number | null
  /** Every stage that is built (one per distinct target), in the order they were asked for. */
  targets: BuiltTarget[]
  /** A build asks for a target we cannot resolve (an expression): any stage may be built. */
  anyTarget: boolean
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
