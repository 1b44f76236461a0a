/** ShellCheck for tests: the installed program (CI installs Debian's), run as the review runs it. */
import { describe } from '@jest/globals'
import type { FileAnalysis } from '../../src/model/analysis.js'
import { analyzeDockerfile, type AnalysisOptions } from '../../src/review/analyze.js'
import { parseDockerfile } from '../../src/parse/parse.js'
import { checkScripts, findShellcheck, probeShellcheck, runScripts, type Shellcheck } from '../../src/shellcheck/run.js'

export const SHELLCHECK_PATH = findShellcheck(null)

/** Real-process tests run wherever ShellCheck is installed, and always in CI (where its absence is a failure). */
export const describeShellcheck = SHELLCHECK_PATH !== null || process.env.CI === 'true' ? describe : describe.skip

let probed: Promise<Shellcheck> | null = null
export function shellcheckProgram(): Promise<Shellcheck> {
  probed ??= probeShellcheck(SHELLCHECK_PATH ?? 'shellcheck').then((p) => {
    if ('error' in p) throw new Error(p.error)
    return p
  })
  return probed
}

/** One file through ShellCheck and the rules, as review() does it. */
export async function analyzeWithShellcheck(text: string, options: AnalysisOptions = {}): Promise<FileAnalysis> {
  const program = await shellcheckProgram()
  const model = parseDockerfile(text, { buildArgs: options.buildArgs ?? {} })
  const { comments, error } = await checkScripts(program, [runScripts(model, program)])
  if (error !== null) throw new Error(error)
  return analyzeDockerfile('Dockerfile', text, { ...options, shellcheck: comments[0] ?? [] }, { ok: true, model })
}
