/** What rules ask of RUN instructions: commands, cache mounts, package installs. */
import { runCommands, operands, type ShellCommand } from '../parse/shell.js'
import type { Instruction, Stage } from '../parse/types.js'

export function runs(stage: Stage): Instruction[] {
  return stage.instructions.filter((i) => i.keyword === 'RUN')
}

/** A `--mount=type=cache` whose target is at or under one of the paths. */
export function hasCacheMount(run: Instruction, paths: readonly string[]): boolean {
  return (run.run?.mounts ?? []).some((m) => m.type === 'cache' && m.target !== null && paths.some((p) => (m.target as string).replace(/\/+$/, '').startsWith(p) || p.startsWith((m.target as string).replace(/\/+$/, ''))))
}

export function isCommand(c: ShellCommand, name: string, ...sub: string[]): boolean {
  if (c.name !== name && !c.name.endsWith(`/${name}`)) return false
  return sub.length === 0 || sub.includes(operands(c)[0] ?? '')
}

export interface PackageInstall {
  manager: 'apt' | 'apk' | 'dnf' | 'pip' | 'npm' | 'yarn' | 'pnpm' | 'gem'
  packages: string[]
  command: ShellCommand
}

/** System package installs in one RUN: apt-get/apt install, apk add, dnf/yum/microdnf install. */
export function systemInstalls(commands: readonly ShellCommand[]): PackageInstall[] {
  const found: PackageInstall[] = []
  for (const c of commands) {
    if ((isCommand(c, 'apt-get', 'install') || isCommand(c, 'apt', 'install'))) found.push({ manager: 'apt', packages: operands(c).slice(1), command: c })
    else if (isCommand(c, 'apk', 'add')) found.push({ manager: 'apk', packages: apkPackages(c), command: c })
    else if (isCommand(c, 'dnf', 'install') || isCommand(c, 'yum', 'install') || isCommand(c, 'microdnf', 'install')) found.push({ manager: 'dnf', packages: operands(c).slice(1), command: c })
  }
  return found
}

/** `apk add --virtual .build-deps gcc` → [gcc]; the virtual name is not a package. */
function apkPackages(c: ShellCommand): string[] {
  const out: string[] = []
  const args = c.args.slice(1)
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string
    if (a === '--virtual' || a === '-t' || a === '--repository' || a === '-X') i++
    else if (!a.startsWith('-')) out.push(a)
  }
  return out
}

/** The virtual group name of `apk add --virtual NAME` / `-t NAME`, if any. */
export function apkVirtual(c: ShellCommand): string | null {
  const i = c.args.findIndex((a) => a === '--virtual' || a === '-t')
  return i >= 0 ? (c.args[i + 1] ?? null) : null
}

export { runCommands, operands }

/**
 * The official images' patterns for building from source and dropping the toolchain in the same
 * layer: `apt-mark auto` + `apt-get purge --auto-remove`, or `apk add --virtual X` + `apk del X`.
 */
export function dropsBuildDependencies(commands: readonly ShellCommand[]): boolean {
  const aptAuto = commands.some((c) => isCommand(c, 'apt-mark', 'auto')) && commands.some((c) => (isCommand(c, 'apt-get', 'purge', 'remove') && c.args.includes('--auto-remove')) || isCommand(c, 'apt-get', 'autoremove'))
  if (aptAuto) return true
  const virtuals = commands.filter((c) => isCommand(c, 'apk', 'add')).map(apkVirtual).filter((v): v is string => v !== null)
  return virtuals.length > 0 && commands.some((c) => isCommand(c, 'apk', 'del') && virtuals.some((v) => c.args.includes(v)))
}
