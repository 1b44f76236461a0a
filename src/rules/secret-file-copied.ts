/**
 * Credentials copied into an image stay in its layers, even if a later step deletes them. Judged
 * by file name; public material (certificates, public and signing keys, keyrings) is left alone.
 */
import { trimTrailingSlashes } from '../parse/paths.js'
import type { Instruction, Stage } from '../model/dockerfile.js'
import type { Severity } from '../model/finding.js'
import { runCommands } from './run-helpers.js'
import type { Rule, RuleReport } from './types.js'

export interface SecretFile {
  /** The name (or path) as the message shows it. */
  file: string
  /** What it is, e.g. "an SSH private key". */
  what: string
  /** A name that only private material has (an SSH key, a cloud credentials file); weaker names may hold only settings. */
  strong: boolean
}

/** Names that are credentials by themselves; `strong: false` for files that often hold only settings. */
const NAMES: ReadonlyMap<string, [string, boolean]> = new Map([
  ['id_rsa', ['an SSH private key', true]],
  ['id_dsa', ['an SSH private key', true]],
  ['id_ecdsa', ['an SSH private key', true]],
  ['id_ed25519', ['an SSH private key', true]],
  ['.git-credentials', ['a git credentials file', true]],
  ['.netrc', ['a .netrc with login passwords', true]],
  ['.pypirc', ['a .pypirc with index passwords', true]],
  ['.dockercfg', ['a registry credentials file', true]],
  ['credentials.json', ['a credentials file', true]],
  ['secrets.json', ['a secrets file', true]],
  ['.env', ['an environment file, often with passwords and keys', false]],
  ['.npmrc', ['an .npmrc, which may hold a registry token', false]],
  ['kubeconfig', ['a kubeconfig, which may hold cluster credentials', false]],
  ['.htpasswd', ['an .htpasswd with password hashes', false]]
])
/** `.env.example`, `.env.production.sample`, …: templates without values. */
const SAFE_ENV = /\.(?:example|sample|template|dist|defaults?)$/
/** Extensions of key material, and the name parts that make such a file public material. */
const KEY_PARTS = ['public', 'pub', 'gpg', 'pgp', 'asc', 'keyring']
const CERT_PARTS = [...KEY_PARTS, 'cert', 'certs', 'certificate', 'certificates', 'cacert', 'cacerts', 'ca', 'chain', 'fullchain', 'bundle', 'root', 'rootca']
const STORE_PARTS = [...CERT_PARTS, 'trust', 'truststore']
const EXTENSIONS: readonly { ext: string; what: string; strong: boolean; publicParts: readonly string[] }[] = [
  // `ca.key` is the CA's private key: only public/gpg names make a .key public.
  { ext: '.key', what: 'a private key', strong: true, publicParts: KEY_PARTS },
  { ext: '.p12', what: 'a PKCS#12 bundle with a private key', strong: true, publicParts: [] },
  { ext: '.pfx', what: 'a PKCS#12 bundle with a private key', strong: true, publicParts: [] },
  // `cert.pem`, `fullchain.pem`, `ca-bundle.pem` are certificates; `server.pem` may be a key.
  { ext: '.pem', what: 'a PEM file, which may hold a private key', strong: false, publicParts: CERT_PARTS },
  { ext: '.jks', what: 'a Java keystore', strong: false, publicParts: STORE_PARTS },
  { ext: '.keystore', what: 'a keystore', strong: false, publicParts: STORE_PARTS }
]
const PRIVATE_PARTS = new Set(['private', 'priv', 'privkey', 'secret'])
/** Files in `.ssh/` that hold no private key. */
const PUBLIC_SSH_FILES = new Set(['known_hosts', 'authorized_keys', 'config'])

const nameParts = (base: string): string[] => base.toLowerCase().split(/[-_.]+/)

/** The secret-looking file a source path names, or null. */
export function secretFile(source: string): SecretFile | null {
  // `ADD https://…/repo.key`: downloaded at build time from where anyone can fetch it.
  if (/^(?:https?|git|ssh):\/\/|^git@/i.test(source)) return null
  const path = trimTrailingSlashes(source)
  const base = path.slice(path.lastIndexOf('/') + 1)
  const named = NAMES.get(base)
  if (named !== undefined) return { file: base, what: named[0], strong: named[1] }
  if (base.startsWith('.env.') && !SAFE_ENV.test(base)) return { file: base, what: 'an environment file, often with passwords and keys', strong: false }
  const ext = EXTENSIONS.find((e) => base.endsWith(e.ext))
  if (ext !== undefined) {
    const parts = nameParts(base)
    const privateByName = parts.some((p) => PRIVATE_PARTS.has(p))
    if (!privateByName && parts.some((p) => ext.publicParts.includes(p))) return null
    return { file: base, what: privateByName ? 'a private key' : ext.what, strong: ext.strong || privateByName }
  }
  if (/(?:^|\/)\.aws\/credentials$/.test(path)) return { file: path, what: 'AWS credentials', strong: true }
  if (/(?:^|\/)\.docker\/config\.json$/.test(path)) return { file: path, what: 'a Docker config with registry credentials', strong: true }
  if (/(?:^|\/)\.ssh(?:\/|$)/.test(path) && !base.endsWith('.pub') && !PUBLIC_SSH_FILES.has(base)) return { file: path, what: 'SSH keys', strong: true }
  return null
}

/** Where public keys and CA certificates are installed: a file copied there is a keyring or a certificate. */
const PUBLIC_DESTINATIONS = ['/usr/share/keyrings', '/etc/apt/keyrings', '/etc/apt/trusted.gpg.d', '/etc/pki/rpm-gpg', '/usr/local/share/ca-certificates', '/etc/ssl/certs', '/etc/pki/ca-trust/source/anchors']

const underPublicDestination = (destination: string | null): boolean =>
  destination !== null && PUBLIC_DESTINATIONS.some((d) => destination === d || destination.startsWith(`${d}/`))

/** `gpg --import f`, `gpg --verify f`, `apt-key add f`, `rpm --import f`: the file is a public key. */
function importedAsPublicKey(later: readonly Instruction[], file: string): boolean {
  const named = (a: string): boolean => a === file || a.endsWith(`/${file}`)
  return later.some((ins) =>
    runCommands(ins).some((c) => {
      const importing =
        (c.program.startsWith('gpg') && c.args.some((a) => a === '--import' || a === '--verify' || a === '--dearmor' || a === '--dearmour')) ||
        (c.program === 'apt-key' && c.subcommand === 'add') ||
        (c.program === 'rpm' && c.args.includes('--import'))
      return importing && c.args.some(named)
    })
  )
}

function severityOf(strong: boolean, ships: boolean): Severity {
  if (ships) return strong ? 'error' : 'warning'
  return strong ? 'warning' : 'info'
}

function reportsFor(stage: Stage, ships: boolean): RuleReport[] {
  return stage.instructions.flatMap((ins, index) => {
    if (ins.copy === undefined || underPublicDestination(ins.copy.destination)) return []
    const later = stage.instructions.slice(index + 1)
    const files = ins.copy.sources
      .map(secretFile)
      .filter((f): f is SecretFile => f !== null && !importedAsPublicKey(later, f.file))
    if (files.length === 0) return []
    const strong = files.some((f) => f.strong)
    const list = files.map((f) => `${f.file} (${f.what})`).join(', ')
    return [
      {
        line: ins.line,
        endLine: ins.endLine,
        message: ships
          ? `${list} ${files.length > 1 ? 'are' : 'is'} copied into the shipped image, where anyone who pulls it can read it: use RUN --mount=type=secret (or ssh) instead`
          : `${list} ${files.length > 1 ? 'are' : 'is'} copied into build stage ${stage.name ?? stage.index}: it stays in the build cache; use RUN --mount=type=secret (or ssh) instead`,
        stage: stage.index,
        severity: severityOf(strong, ships)
      }
    ]
  })
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
  check: ({ model, graph }) => model.stages.flatMap((s) => reportsFor(s, graph.roles[s.index] === 'ships'))
}
