/** Test helpers: write Dockerfiles inline without fighting indentation. */
import { analyzeDockerfile, type AnalysisOptions } from '../../src/review/analyze.js'
import { parseDockerfile } from '../../src/parse/parse.js'
import type { DockerfileModel, ParseOptions } from '../../src/model/dockerfile.js'
import type { FileAnalysis } from '../../src/model/analysis.js'

/** Joins lines with \n and a final newline: `df('FROM a', 'RUN b')`. */
export function df(...lines: string[]): string {
  return lines.join('\n') + '\n'
}

export function parse(text: string, options?: ParseOptions): DockerfileModel {
  return parseDockerfile(text, options)
}

export function analyze(text: string, options?: AnalysisOptions): FileAnalysis {
  return analyzeDockerfile('Dockerfile', text, options)
}

/** `rule@line` for each finding, for compact exact assertions. */
export function findingKeys(analysis: FileAnalysis): string[] {
  return analysis.findings.map((f) => `${f.rule}@${f.line}`)
}
