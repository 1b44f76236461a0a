/**
 * The action's orchestration. For now it analyses the Dockerfiles of the workspace and reports
 * them as annotations; the pull-request features (changed files, check run, sticky comment,
 * SARIF) arrive with the action issue.
 */
import * as core from '@actions/core'
import { readFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import { analyzeDockerfile, type FileAnalysis } from './analyze.js'
import { discoverDockerfiles } from './discover.js'
import { countFindings } from './report/text.js'

function annotate(analysis: FileAnalysis): void {
  for (const f of analysis.findings) {
    const props = { title: `stagecraft: ${f.rule}`, file: analysis.path, startLine: f.line, endLine: f.endLine }
    if (f.severity === 'error') core.error(f.message, props)
    else if (f.severity === 'warning') core.warning(f.message, props)
    else core.notice(f.message, props)
  }
}

export async function run(): Promise<void> {
  try {
    const workspace = process.env.GITHUB_WORKSPACE ?? process.cwd()
    const patterns = core.getMultilineInput('dockerfiles').filter((p) => p.trim() !== '')
    const target = core.getInput('target') || null
    const { files } = await discoverDockerfiles(patterns, workspace)
    const analyses: FileAnalysis[] = []
    for (const path of files) {
      const text = await readFile(resolve(workspace, path), 'utf8')
      const analysis = analyzeDockerfile(path, text, { target })
      annotate(analysis)
      analyses.push(analysis)
    }
    const totals = countFindings(analyses)
    core.setOutput('dockerfiles', totals.files)
    core.setOutput('findings', totals.error + totals.warning + totals.info)
    core.setOutput('errors', totals.error)
    core.setOutput('warnings', totals.warning)
    core.info(`stagecraft: ${totals.files} Dockerfile(s), ${totals.error} error(s), ${totals.warning} warning(s), ${totals.info} info`)
    if (totals.error > 0) core.setFailed(`stagecraft found ${totals.error} error(s)`)
  } catch (err) {
    core.setFailed(err instanceof Error ? err.message : String(err))
  }
}
