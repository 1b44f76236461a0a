/** The plain-text listing that the CLI's `--builds` prints: one line per build, then the notes. */
import type { BuildDefinition, BuildsResult } from './types.js'

function stage(build: BuildDefinition): string {
  if (build.targetUnknown) return ' [?]'
  return build.target === null ? '' : ` [${build.target}]`
}

export function formatBuild(build: BuildDefinition): string {
  const push = build.push === null ? '?' : String(build.push)
  const platforms = build.platforms.length === 0 ? 'default' : build.platforms.join(',')
  return `${build.dockerfile ?? '?'}${stage(build)} ← ${build.source.file}:${build.source.line} (${build.kind} ${build.name}) context=${build.context ?? '?'} platforms=${platforms} push=${push}${build.exports === undefined ? '' : ` exports=${build.exports}`}${build.retired === undefined ? '' : ` retired (${build.retired})`}`
}

export function formatBuilds(result: BuildsResult): string {
  const lines = result.builds.map(formatBuild)
  if (result.builds.length === 0) lines.push('no builds found')
  for (const note of result.notes) lines.push(`${note.file}:${note.line}  note: ${note.message}`)
  return `${lines.join('\n')}\n`
}
