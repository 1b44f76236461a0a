/** Credentials copied into an image stay in its layers, even if a later step deletes them. */
import { trimTrailingSlashes } from '../parse/paths.js'
import type { Rule } from './types.js'

const NAMES = new Set(['.env', 'id_rsa', 'id_dsa', 'id_ecdsa', 'id_ed25519', '.npmrc', '.pypirc', '.netrc', '.git-credentials', '.dockercfg', 'credentials.json', 'kubeconfig', '.htpasswd', 'secrets.json'])
/** `.env.example`, `.env.production.sample`, …: templates without values. */
const SAFE_ENV = /\.(?:example|sample|template|dist|defaults?)$/
const EXTENSIONS = ['.pem', '.key', '.p12', '.pfx', '.jks', '.keystore']

/** The secret-looking file a source path names, or null. */
export function secretFile(source: string): string | null {
  const path = trimTrailingSlashes(source)
  const base = path.slice(path.lastIndexOf('/') + 1)
  if (NAMES.has(base)) return base
  if (base.startsWith('.env.') && !SAFE_ENV.test(base)) return base
  if (EXTENSIONS.some((e) => base.endsWith(e))) return base
  if (/(?:^|\/)\.aws\/credentials$/.test(path) || /(?:^|\/)\.docker\/config\.json$/.test(path) || /(?:^|\/)\.ssh(?:\/|$)/.test(path)) return path
  return null
}

export const secretFileCopied: Rule = {
  meta: {
    id: 'secret-file-copied',
    title: 'A credentials file is copied into the image',
    severity: 'error',
    category: 'security',
    scope: 'all',
    equivalents: { hadolint: null, buildkit: null }
  },
  check: ({ model, graph }) =>
    model.stages.flatMap((stage) =>
      stage.instructions.flatMap((ins) => {
        const files = (ins.copy?.sources ?? []).map(secretFile).filter((f): f is string => f !== null)
        if (files.length === 0) return []
        const ships = graph.roles[stage.index] === 'ships'
        return [
          {
            line: ins.line,
            endLine: ins.endLine,
            message: ships
              ? `${files.join(', ')} is copied into the shipped image, where anyone who pulls it can read it: use RUN --mount=type=secret (or ssh) instead`
              : `${files.join(', ')} is copied into build stage ${stage.name ?? stage.index}: it stays in the build cache; use RUN --mount=type=secret (or ssh) instead`,
            stage: stage.index,
            severity: ships ? ('error' as const) : ('warning' as const)
          }
        ]
      })
    )
}
