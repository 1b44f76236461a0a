/** What ShellCheck said about a Dockerfile's RUN scripts, mapped back to the Dockerfile's lines. */

export type ShellcheckLevel = 'error' | 'warning' | 'info' | 'style'

export interface ShellcheckComment {
  /** Dockerfile lines, 1-based, inclusive. */
  line: number
  endLine: number
  /** ShellCheck's code, e.g. 2086 for SC2086. */
  code: number
  level: ShellcheckLevel
  message: string
  /** The stage of the RUN it is about. */
  stage: number
}
