/** What rules ask of RUN instructions: commands, cache mounts, package installs. */
import { runCommands, operands } from '../parse/shell.js'
import { trimTrailingSlashes } from '../parse/paths.js'
import { isCommand, runInstalls, SYSTEM_MANAGERS } from '../parse/packages.js'
import type { Instruction, PackageInstall, Stage } from '../model/dockerfile.js'
import type { ShellCommand } from '../model/dockerfile.js'

export function runs(stage: Stage): Instruction[] {
  return stage.instructions.filter((i) => i.keyword === 'RUN')
}

/** A `--mount=type=cache` (or `tmpfs`: nothing written there stays either) whose target is at or under one of the paths. */
export function hasCacheMount(run: Instruction, paths: readonly string[]): boolean {
  return (run.run?.mounts ?? []).some((m) => (m.type === 'cache' || m.type === 'tmpfs') && m.target !== null && paths.some((p) => trimTrailingSlashes(m.target as string).startsWith(p) || p.startsWith(trimTrailingSlashes(m.target as string))))
}

/** System package installs in one RUN: apt-get/apt install, apk add, dnf/yum/microdnf install. */
export function systemInstalls(run: Instruction): PackageInstall[] {
  return runInstalls(run).filter((p) => SYSTEM_MANAGERS.has(p.manager))
}

/** The virtual group name of `apk add --virtual NAME` / `-t NAME`, if any. */
export function apkVirtual(c: ShellCommand): string | null {
  const i = c.args.findIndex((a) => a === '--virtual' || a === '-t')
  return i >= 0 ? (c.args[i + 1] ?? null) : null
}

export { runCommands, operands, isCommand }

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
