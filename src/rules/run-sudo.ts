/** sudo run by a RUN: only sudo in command position counts (`apt-get install sudo` installs it, it does not run it). */
import { posixShell, stageChain } from './helpers.js'
import { commandWords, programOf, runSimpleCommands } from './run-helpers.js'
import type { DockerfileModel, Instruction } from '../model/dockerfile.js'
import type { Rule } from './types.js'

/** sudo's options that take a value. */
const SUDO_VALUED = new Set(['-u', '--user', '-g', '--group', '-C', '--close-from', '-D', '--chdir', '-h', '--host', '-p', '--prompt', '-r', '--role', '-t', '--type', '-U', '--other-user', '-T', '--command-timeout'])

/** What sudo runs: the first word after its options (`sudo -u app npm ci` → npm), or ''. */
function sudoTarget(words: readonly string[]): string {
  let i = 1
  while (i < words.length) {
    const w = words[i] as string
    if (w === '--') return words[i + 1] ?? ''
    if (!w.startsWith('-')) return w
    i += SUDO_VALUED.has(w) ? 2 : 1
  }
  return ''
}

/** The user a RUN at `line` runs as: the last USER before it in the stage or the stages it is built FROM, or null (root). */
function userAt(model: DockerfileModel, index: number, line: number): string | null {
  let user: string | null = null
  for (const stage of stageChain(model, index)) {
    for (const ins of stage.instructions) if (ins.keyword === 'USER' && (stage.index !== index || ins.line < line)) user = ins.args[0] ?? null
  }
  return user === null || /^(?:root|0)(?::|$)/.test(user) ? null : user
}

/** The program a RUN runs with sudo, or null when it runs no sudo. */
function sudoRun(run: Instruction): string | null {
  if (run.form === 'json') {
    const json = run.json ?? []
    const first = json[0] ?? ''
    return first.slice(first.lastIndexOf('/') + 1) === 'sudo' ? sudoTarget(json) : null
  }
  const command = runSimpleCommands(run).find((c) => programOf(c) === 'sudo')
  return command === undefined ? null : sudoTarget(commandWords(command).map((w) => w.text))
}

export const runSudo: Rule = {
  meta: {
    id: 'run-sudo',
    title: 'sudo in RUN',
    severity: 'warning',
    category: 'security',
    // sudo in a dev container or CI image is how those are meant to be used.
    scope: 'ships',
    equivalents: { hadolint: 'DL3004', buildkit: null }
  },
  check: ({ model }) =>
    model.stages.flatMap((s) =>
      s.instructions.flatMap((i) => {
        if (i.keyword !== 'RUN' || !i.raw.includes('sudo') || !posixShell(model, s.index, i.line)) return []
        const target = sudoRun(i)
        if (target === null) return []
        const what = target === '' ? 'sudo' : `sudo ${target}`
        const user = userAt(model, s.index, i.line)
        const message =
          user === null
            ? `${what}: this RUN already runs as root (no USER before it), so sudo only adds a package and a sudoers entry: drop it`
            : `${what}: the RUN runs as ${user}, and sudo needs sudo installed and a sudoers entry, and hides which steps run as root: put USER root before the steps that need root and USER ${user} after them`
        return [{ line: i.line, endLine: i.endLine, message, stage: s.index }]
      })
    )
}
