/** One analysed Dockerfile, and what is known of its build context. */
import type { DockerfileModel } from './dockerfile.js'
import type { Finding } from './finding.js'
import type { StageGraph } from './graph.js'

export interface BuildContext {
  /** The .dockerignore text, or null when the context has none. */
  dockerignore: string | null
  /** Which file it came from, for messages. */
  dockerignorePath: string | null
  /** The names at the top of the context folder, when it could be listed (to tell a real context from a lone Dockerfile). */
  entries?: ReadonlySet<string>
}

export interface FileAnalysis {
  path: string
  model: DockerfileModel
  graph: StageGraph
  findings: Finding[]
}

/** A Dockerfile the review could not read, and why (a link out of the workspace, binary content, over 1 MiB…). */
export interface UnreadFile {
  path: string
  reason: string
}
