/**
 * Commands that make no sense in a build step: an interactive editor or monitor, a login, a
 * shutdown, starting a service that dies with the step. Only programs a RUN runs count, in
 * command position: installing a package named `vim` or `procps` is not running it.
 */
import { posixShellAt } from './helpers.js'
import { commandWords, mentions, programOf, runs, runSimpleCommands } from './run-helpers.js'
import type { Instruction } from '../model/dockerfile.js'
import type { Rule } from './types.js'

const WHY: Readonly<Record<string, string>> = {
  vim: 'an interactive editor: in a build it has no terminal and waits or fails; edit files with sed, or COPY them in',
  vi: 'an interactive editor: in a build it has no terminal and waits or fails; edit files with sed, or COPY them in',
  nano: 'an interactive editor: in a build it has no terminal and fails; edit files with sed, or COPY them in',
  top: 'an interactive monitor: it prints a snapshot into the build log at best; drop it',
  htop: 'an interactive monitor: it has no terminal in a build; drop it',
  ps: 'it lists the processes of this build step only, which tells nothing about the running container; drop it',
  free: 'it shows the memory of the build machine, not of the container the image will run in; drop it',
  ifconfig: 'it shows the network of the build step, not of the container the image will run in; drop it',
  shutdown: 'there is no system to shut down in a build step; drop it',
  reboot: 'there is no system to reboot in a build step; drop it',
  mount: 'a build step has no privileges to mount file systems (it fails unless the RUN has --security=insecure); use RUN --mount for build-time files, or mount at run time',
  ssh: 'a login to another machine from a build step needs keys in the image and a network it may not have; for git over SSH use RUN --mount=type=ssh',
  service: 'a service started in a RUN stops when the RUN ends, so nothing later can use it; start it in the CMD or ENTRYPOINT',
  kill: 'the processes of earlier build steps are gone already, each RUN starts afresh; drop it'
}

/**
 * One of the programs as a whole word (not `ps` in https, `mount` in --mount, `vi` in dev): a
 * program's name is never glued to a letter, digit, `_`, `.` or `-` before or after it.
 */
const NAMED = new RegExp(`(?<![\\w.-])(?:${Object.keys(WHY).join('|')})(?![\\w.-])`)

/** Whether the command's RUN uses it for a purpose: a service that the next commands use, an ssh through a forwarded agent. */
function excused(run: Instruction, program: string, action: string, at: number, count: number): boolean {
  if (program === 'ssh') return (run.run?.mounts ?? []).some((m) => m.type === 'ssh')
  if (program === 'mount') return run.run?.security === 'insecure'
  // Started and then used by the commands after it (service mysql start && mysql -e …), or stopped.
  if (program === 'service') return at < count - 1 || !['start', 'restart', 'reload'].includes(action)
  // Stops what this RUN started before it (a server in the background for a test).
  if (program === 'kill') return at > 0
  return false
}

export const pointlessRunCommand: Rule = {
  meta: {
    id: 'pointless-run-command',
    title: 'RUN runs a command that makes no sense in a build step',
    severity: 'info',
    category: 'correctness',
    scope: 'all',
    equivalents: { hadolint: 'DL3001', buildkit: null }
  },
  check: ({ model }) =>
    model.stages.flatMap((stage) =>
      runs(stage).flatMap((run) => {
        // Parse only a RUN that names one of the programs somewhere.
        if (run.form === 'json' || !mentions(run, NAMED) || !posixShellAt(model, stage.index)(run.line)) return []
        const commands = runSimpleCommands(run)
        const found = commands
          .map((c, at) => ({ program: programOf(c), action: commandWords(c)[2]?.text ?? '', at }))
          .find(({ program, action, at }) => Object.hasOwn(WHY, program) && !excused(run, program, action, at, commands.length))
        if (found === undefined) return []
        return [{ line: run.line, endLine: run.endLine, message: `${found.program} in RUN: ${WHY[found.program] as string}`, stage: stage.index }]
      })
    )
}
