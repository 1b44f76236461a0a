/**
 * The shipped image's runtime settings as `docker run` would see them — user, working
 * directory, entrypoint, command, healthcheck and ports — each with where it comes from: set in
 * the target stage, inherited from an earlier stage of its FROM chain, the base image's config
 * (when the registry gave it), what the base image's name is known for, or Docker's default.
 * One source of truth for the rules (root-user, missing-healthcheck) and the final-image table.
 * Pure. Variables are expanded with their defaults; one with no value here stays `${NAME}` and
 * is named as a build argument; a secret-looking one is never expanded.
 */
import { hasSecretWord } from '../parse/secrets.js'
import { expandWord, referencedNames } from '../parse/variables.js'
import { commandText, finalWorkdir, lastInChain, stageChain } from './image.js'
import type { DockerfileModel, Instruction, Stage } from '../model/dockerfile.js'
import type { BaseFacts } from '../model/image.js'

export type ValueOrigin =
  /** Written in the target stage, at this line. */
  | { kind: 'here'; line: number }
  /** Written in an earlier stage of the FROM chain. */
  | { kind: 'stage'; stage: string; line: number }
  /** The base image's config, from the registry. */
  | { kind: 'config'; image: string }
  /** What the base image is known for by its name (no registry answer). */
  | { kind: 'known'; image: string; why: string }
  /** Nobody sets it: Docker's default, or the base image's, unknown without the registry. */
  | { kind: 'default' }

export interface EffectiveValue {
  /** As the reader writes it (exec form as JSON); null when nothing is known to set it. */
  value: string | null
  origin: ValueOrigin
  /** Variables it uses that have no value here: build arguments (`--build-arg`). */
  buildArgs: string[]
}

export interface EffectiveImage {
  /** `root`: true/false when known, null when it depends on a base image we could not ask. */
  user: EffectiveValue & { root: boolean | null }
  workdir: EffectiveValue
  entrypoint: EffectiveValue
  cmd: EffectiveValue
  /** `NONE` when disabled. */
  healthcheck: EffectiveValue
  ports: EffectiveValue[]
}

const ROOT = /^(?:root|0)(?::.*)?$/

/**
 * Base images known to run as a non-root user by default: distroless `:nonroot` tags,
 * Chainguard (`cgr.dev`), the .NET chiseled and distroless images (`USER $APP_UID`),
 * Bitnami and the `-unprivileged` images.
 */
export function baseRunsAsNonRoot(image: string, tag: string | null): boolean {
  const t = tag ?? ''
  if (t.includes('nonroot')) return true
  if (image.startsWith('cgr.dev/') && !t.includes('-dev') && t !== 'latest-dev') return true
  if (image.startsWith('mcr.microsoft.com/dotnet/') && (t.includes('chiseled') || t.includes('distroless'))) return true
  if (image.startsWith('bitnami/') || image.startsWith('docker.io/bitnami/') || image.endsWith('-unprivileged')) return true
  return false
}

/** Windows images have no root: nanoserver runs as ContainerUser, servercore as ContainerAdministrator. */
export function isWindowsImage(image: string, tag: string | null): boolean {
  return image.startsWith('mcr.microsoft.com/windows') || /nanoserver|windowsservercore|ltsc20\d\d/.test(tag ?? '')
}

/** A word with its variables put in; those with no value stay as written and are named. */
function expanded(ins: Instruction, text: string): { value: string; buildArgs: string[] } {
  const names = referencedNames(text)
  if (names.length === 0 || names.some(hasSecretWord)) return { value: text, buildArgs: [] }
  const e = expandWord(text, ins.scope, '\\', false)
  if (e.unresolved.length > 0 || e.malformed) return { value: text, buildArgs: names.filter((n) => ins.scope.get(n)?.value === null || !ins.scope.has(n)) }
  return { value: e.value, buildArgs: [] }
}

function origin(ins: Instruction, target: Stage, stages: readonly Stage[]): ValueOrigin {
  if (ins.stage === target.index) return { kind: 'here', line: ins.line }
  const stage = stages[ins.stage]
  return { kind: 'stage', stage: stage?.name ?? `stage ${ins.stage}`, line: ins.line }
}

/** A config's `Healthcheck.Test` as HEALTHCHECK would write it. */
function healthText(test: readonly string[]): string {
  if (test[0] === 'NONE') return 'NONE'
  if (test[0] === 'CMD-SHELL') return `CMD ${test.slice(1).join(' ')}`
  if (test[0] === 'CMD') return `CMD ${JSON.stringify(test.slice(1))}`
  return JSON.stringify(test)
}

const none = (): EffectiveValue => ({ value: null, origin: { kind: 'default' }, buildArgs: [] })

export function effectiveImage(model: DockerfileModel, target: number, facts: BaseFacts | null): EffectiveImage {
  const chain = stageChain(model, target)
  const stage = model.stages[target] as Stage
  const root = chain[0]
  const baseImage = root !== undefined && root.base.kind === 'image' ? root.base.resolved : null
  const fromConfig = (value: string | null): EffectiveValue => (facts === null || baseImage === null || value === null ? none() : { value, origin: { kind: 'config', image: baseImage }, buildArgs: [] })
  const written = (keyword: string): { ins: Instruction; text: string } | null => {
    const ins = lastInChain(chain, keyword)
    return ins === null ? null : { ins, text: keyword === 'USER' ? (ins.args[0] ?? '') : (commandText(ins) ?? '') }
  }
  const fromHere = (w: { ins: Instruction; text: string }, expand: boolean): EffectiveValue => {
    const e = expand ? expanded(w.ins, w.text) : { value: w.text, buildArgs: [] }
    return { value: e.value, origin: origin(w.ins, stage, model.stages), buildArgs: e.buildArgs }
  }

  // USER: written, else the config's, else what the image is known for.
  const userIns = written('USER')
  let user: EffectiveImage['user']
  if (userIns !== null) {
    const v = fromHere(userIns, true)
    user = { ...v, root: v.buildArgs.length > 0 ? null : ROOT.test(v.value ?? '') }
  } else if (facts !== null && baseImage !== null) {
    user = { value: facts.user ?? 'root', origin: { kind: 'config', image: baseImage }, buildArgs: [], root: facts.user === null || ROOT.test(facts.user) }
  } else if (root?.base.kind === 'scratch') {
    user = { value: 'root', origin: { kind: 'default' }, buildArgs: [], root: true }
  } else if (root !== undefined && root.base.kind === 'image' && baseImage !== null && (isWindowsImage(root.base.image ?? '', root.base.tag) || baseRunsAsNonRoot(root.base.image ?? '', root.base.tag))) {
    const windows = isWindowsImage(root.base.image ?? '', root.base.tag)
    user = { value: null, origin: { kind: 'known', image: baseImage, why: windows ? 'a Windows image (no root user)' : 'an image that runs as a non-root user' }, buildArgs: [], root: false }
  } else {
    user = { ...none(), root: null }
  }

  const entryIns = written('ENTRYPOINT')
  const cmdIns = written('CMD')
  const entrypoint = entryIns !== null ? fromHere(entryIns, false) : fromConfig(facts?.entrypoint === null || facts?.entrypoint === undefined ? null : JSON.stringify(facts.entrypoint))
  // An ENTRYPOINT set after the last CMD resets the CMD it inherits (Docker's documented rule).
  const cmdReset = entryIns !== null && (cmdIns === null || cmdIns.ins.stage < entryIns.ins.stage || (cmdIns.ins.stage === entryIns.ins.stage && cmdIns.ins.line < entryIns.ins.line))
  const cmd = cmdIns !== null && !cmdReset ? fromHere(cmdIns, false) : cmdReset ? none() : fromConfig(facts?.cmd === null || facts?.cmd === undefined ? null : JSON.stringify(facts.cmd))

  const healthIns = written('HEALTHCHECK')
  const healthcheck =
    healthIns !== null
      ? { ...fromHere(healthIns, false), value: (healthIns.ins.args[0] ?? '').toUpperCase() === 'NONE' ? 'NONE' : healthIns.text }
      : fromConfig(facts?.healthcheck === null || facts?.healthcheck === undefined ? null : healthText(facts.healthcheck))

  const workIns = lastInChain(chain, 'WORKDIR')
  const workdir = workIns !== null ? { value: finalWorkdir(model, target), origin: origin(workIns, stage, model.stages), buildArgs: [] } : fromConfig(facts?.workdir ?? null)

  const ports: EffectiveValue[] = []
  const seen = new Set<string>()
  for (const s of chain) {
    for (const ins of s.instructions) {
      if (ins.keyword !== 'EXPOSE') continue
      for (const word of ins.args) {
        const e = expanded(ins, word)
        for (const port of e.value.split(/\s+/).filter((p) => p !== '')) {
          if (seen.has(port)) continue
          seen.add(port)
          ports.push({ value: port, origin: origin(ins, stage, model.stages), buildArgs: e.buildArgs })
        }
      }
    }
  }
  for (const port of facts?.ports ?? []) {
    const bare = port.replace(/\/tcp$/, '')
    if (seen.has(port) || seen.has(bare) || baseImage === null) continue
    seen.add(port)
    ports.push({ value: port, origin: { kind: 'config', image: baseImage }, buildArgs: [] })
  }
  return { user, workdir, entrypoint, cmd, healthcheck, ports }
}
