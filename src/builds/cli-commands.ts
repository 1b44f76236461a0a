/**
 * Build command lines: `docker build`, `docker buildx build`, `docker image build`, `podman build`,
 * `buildah bud` and `docker buildx bake`, read from their words. Flags are known by name so that a
 * flag's value is never taken for the context; the context is the last operand.
 */
import { exportsOf, outputPushes } from './bake.js'
import { known } from './shell.js'
import type { Maybe } from './types.js'

export interface BuildCommand {
  kind: 'build'
  tool: 'docker' | 'podman' | 'buildah'
  /** `-f`: undefined when not given */
  file: Maybe | undefined
  /** the context operand: undefined when there is none */
  context: Maybe | undefined
  target: Maybe | undefined
  args: Record<string, Maybe>
  platforms: string[]
  push: boolean | null
  /** every output writes files, not an image: the outputs */
  exports: string | null
  tags: Maybe[]
}

export interface BakeCommand {
  kind: 'bake'
  files: Maybe[]
  targets: Maybe[]
  sets: { pattern: string; key: string; value: Maybe }[]
  push: boolean | null
}

/** Options that take a value (docker/buildx, podman and buildah); every other option is a switch. */
const VALUE_OPTIONS = new Set(
  (
    '-f --file -t --tag --target --build-arg --platform -o --output --add-host --allow --annotation --attest --build-context --builder ' +
    '--cache-from --cache-to --call --cgroup-parent --iidfile --label --metadata-file --network --no-cache-filter --progress --secret ' +
    '--shm-size --ssh --ulimit -m --memory --memory-swap --cpu-period --cpu-quota -c --cpu-shares --cpuset-cpus --cpuset-mems --isolation ' +
    '--security-opt --sbom --provenance --arch --os --variant --format --authfile --creds --cert-dir --jobs --manifest --userns -v --volume ' +
    '--env --from --runtime --retry --timestamp --unsetenv --device --dns --dns-option --dns-search --decryption-key --sign-by --logfile ' +
    '--cap-add --cap-drop --ignorefile --os-version --os-feature --layer-label --cache-ttl --set -e'
  ).split(' ')
)

/** docker's and podman's own options before the subcommand that take a value. */
const GLOBAL_VALUE_OPTIONS = new Set(['--config', '-c', '--context', '-H', '--host', '-l', '--log-level', '--tlscacert', '--tlscert', '--tlskey', '--connection', '--url', '--identity', '--root', '--runroot', '--storage-driver', '--builder'])

function program(word: Maybe): string | null {
  if (word === null) return null
  return word.slice(word.lastIndexOf('/') + 1)
}

/** Index of the subcommand after `start`, skipping global options. */
function skipGlobals(argv: readonly string[], start: number): number {
  let i = start
  while (i < argv.length) {
    const w = argv[i] as string
    if (!w.startsWith('-')) return i
    i += GLOBAL_VALUE_OPTIONS.has(w) ? 2 : 1
  }
  return i
}

type Found = { kind: 'build'; tool: BuildCommand['tool']; at: number } | { kind: 'bake'; at: number }

function subcommand(argv: readonly string[]): Found | null {
  const name = program(known(argv[0]))
  if (name === 'docker' || name === 'podman') {
    const tool = name
    let i = skipGlobals(argv, 1)
    const sub = argv[i]
    if (sub === 'build' || sub === 'builder') return sub === 'build' ? { kind: 'build', tool, at: i + 1 } : argv[i + 1] === 'build' ? { kind: 'build', tool, at: i + 2 } : null
    if (sub === 'image') return argv[i + 1] === 'build' ? { kind: 'build', tool, at: i + 2 } : null
    if (sub === 'bake') return { kind: 'bake', at: i + 1 }
    if (sub === 'buildx') {
      i = skipGlobals(argv, i + 1)
      const verb = argv[i]
      if (verb === 'build' || verb === 'b') return { kind: 'build', tool, at: i + 1 }
      if (verb === 'bake') return { kind: 'bake', at: i + 1 }
    }
    return null
  }
  if (name === 'buildah') {
    const i = skipGlobals(argv, 1)
    const sub = argv[i]
    return sub === 'bud' || sub === 'build' || sub === 'build-using-dockerfile' ? { kind: 'build', tool: 'buildah', at: i + 1 } : null
  }
  return null
}

/** Splits `--flag=value`; a short or long option without `=` takes the next word when it is a value option. */
function options(argv: readonly string[], from: number): { options: [string, string][]; operands: string[] } {
  const found: [string, string][] = []
  const operands: string[] = []
  for (let i = from; i < argv.length; i++) {
    const w = argv[i] as string
    if (w === '--') {
      operands.push(...argv.slice(i + 1))
      break
    }
    if (w.startsWith('-') && w !== '-' && known(w) !== null) {
      const eq = w.indexOf('=')
      if (eq > 0) found.push([w.slice(0, eq), w.slice(eq + 1)])
      else if (VALUE_OPTIONS.has(w)) found.push([w, argv[++i] ?? ''])
      else found.push([w, ''])
    } else operands.push(w)
  }
  return { options: found, operands }
}

export function parseBuildCommand(argv: readonly string[]): BuildCommand | BakeCommand | null {
  const found = subcommand(argv)
  if (found === null) return null
  const { options: opts, operands } = options(argv, found.at)
  if (found.kind === 'bake') {
    // Printing, listing and checking build nothing.
    if (opts.some(([o, v]) => o === '--print' || o === '--list' || o === '--check' || (o === '--call' && v !== 'build'))) return null
    const sets: BakeCommand['sets'] = []
    for (const [o, v] of opts) {
      if (o !== '--set') continue
      const eq = v.indexOf('=')
      const left = eq < 0 ? v : v.slice(0, eq)
      const dot = left.indexOf('.')
      if (dot <= 0 || known(left) === null) continue
      sets.push({ pattern: left.slice(0, dot), key: left.slice(dot + 1), value: eq < 0 ? null : known(v.slice(eq + 1)) })
    }
    const push = opts.some(([o]) => o === '--push') ? true : opts.some(([o]) => o === '--load') ? false : null
    return { kind: 'bake', files: opts.filter(([o]) => o === '-f' || o === '--file').map(([, v]) => known(v)), targets: operands.map(known), sets, push }
  }
  const args: Record<string, Maybe> = {}
  let file: Maybe | undefined
  let target: Maybe | undefined
  const platforms: string[] = []
  const tags: Maybe[] = []
  let push: boolean | null = null
  for (const [o, v] of opts) {
    if (o === '-f' || o === '--file') file = known(v)
    else if (o === '--target') target = known(v)
    else if (o === '-t' || o === '--tag') tags.push(known(v))
    else if (o === '--build-arg') {
      const eq = v.indexOf('=')
      const key = eq < 0 ? v : v.slice(0, eq)
      // `--build-arg NAME` alone passes the variable of the environment: unknown here.
      if (known(key) !== null && key !== '') args[key] = eq < 0 ? null : known(v.slice(eq + 1))
    } else if (o === '--platform' || o === '--arch') {
      const text = known(v)
      if (text !== null) platforms.push(...text.split(',').filter((p) => p !== ''))
    } else if (o === '--push') push = true
    else if ((o === '-o' || o === '--output') && outputPushes(known(v) ?? '')) push = true
  }
  if (push === null) {
    // Without --push or a registry output the image stays local; a later `docker push` is the caller's to see.
    const unknownOutput = opts.some(([o, v]) => (o === '-o' || o === '--output') && known(v) === null)
    push = unknownOutput ? null : false
  }
  const outputs = opts.filter(([o]) => o === '-o' || o === '--output').map(([, v]) => known(v))
  // Every output writes files (`-o ./bin`, `type=local`): no image comes out of it.
  const exports = push === true ? null : exportsOf(outputs)
  const last = operands[operands.length - 1]
  return {
    kind: 'build',
    exports,
    tool: found.tool,
    file,
    context: last === undefined ? undefined : known(last),
    target,
    args,
    platforms,
    push,
    tags
  }
}
