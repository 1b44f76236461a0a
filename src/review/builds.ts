/**
 * From the repository's build definitions to what one Dockerfile's analysis needs: the targets
 * that are built (with the evidence a build gives of their purpose), the context that decides
 * which .dockerignore applies, and the build args every build agrees on. Pure.
 */
import type { BuildDefinition, BuildsResult } from '../builds/types.js'
import type { TargetRequest } from '../graph/graph.js'

export interface FileBuilds {
  builds: BuildDefinition[]
  targets: TargetRequest[]
  /** A build names its target by an expression: any stage may be built. */
  anyTarget: boolean
  /** The build context folder (repository-relative), when the builds name one. */
  context: string | null
  /** Every build of the file is one kept for old setups (a compose service under a `deprecated` profile): why, for the note. */
  retired: string | null
  /** Build args with the same known value in every build of the file. */
  args: Record<string, string>
}

/** `./a/../b/Dockerfile` → `b/Dockerfile`, as the build readers write paths. */
export function repoPath(path: string): string {
  const out: string[] = []
  for (const part of path.split(/[\\/]+/)) {
    if (part === '' || part === '.') continue
    if (part === '..') out.pop()
    else out.push(part)
  }
  return out.join('/')
}

const where = (b: BuildDefinition): string => `${b.source.file}:${b.source.line}`

/** Why an export is no runtime image: it writes files, or (cacheonly: lint and validate runs) nothing but the build cache. */
function exportBecause(at: string, outputs: string): string {
  return outputs.split(', ').every((o) => o === 'type=cacheonly') ? `${at} only checks that it builds (output ${outputs}), no image is kept` : `${at} writes it out as files (output ${outputs}), not as an image`
}

export function buildsOf(result: BuildsResult, path: string): FileBuilds {
  const own = result.builds.filter((b) => b.dockerfile === repoPath(path))
  const targets: TargetRequest[] = own
    .filter((b) => !b.targetUnknown)
    .map((b) => ({
      name: b.target,
      builtBy: where(b),
      // Pushed to a registry: it is deployed (or pulled) as an image.
      ...(b.push === true ? { purpose: 'runtime' as const, because: `it is pushed by ${where(b)}` } : {}),
      ...(b.kind === 'compose' && b.service !== undefined ? { service: { ...b.service, name: b.name, source: where(b), ...(b.service.programs === undefined ? {} : { programs: b.service.programs.map((p) => ({ ...p, source: `${b.source.file}:${p.line}` })) }) } } : {}),
      // A build that writes files out (binaries, coverage, a lint run) makes no image anyone runs.
      ...(b.exports !== undefined ? { purpose: 'environment' as const, because: exportBecause(where(b), b.exports) } : {}),
      // A dev container is an environment by definition.
      ...(b.kind === 'devcontainer' ? { purpose: 'environment' as const, because: `it is the dev container of ${b.source.file}` } : {})
    }))
  const contexts = [...new Set(own.map((b) => b.context).filter((c): c is string => c !== null))]
  const args: Record<string, string> = {}
  const names = new Set(own.flatMap((b) => Object.keys(b.args)))
  for (const name of names) {
    const values = new Set(own.map((b) => (name in b.args ? b.args[name] : undefined)))
    const only = values.size === 1 ? [...values][0] : undefined
    if (typeof only === 'string') args[name] = only
  }
  const retired = own.length > 0 && own.every((b) => b.retired !== undefined) ? `it is built only by ${own.map((b) => `${where(b)} ${b.retired as string}`).join(' and ')}` : null
  return { builds: own, targets, anyTarget: own.some((b) => b.targetUnknown), context: contexts[0] ?? null, retired, args }
}
