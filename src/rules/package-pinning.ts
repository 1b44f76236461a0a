/**
 * The package pinning rules (opt-in with `pin-packages: true`): a shipped stage installs packages
 * without naming their versions, so the image changes whenever the repository does. Each rule is
 * one package manager; this builds them alike.
 */
import { posixShellAt } from './helpers.js'
import { listNames, PIN_PACKAGES, runCommands, runs } from './run-helpers.js'
import type { Instruction, ShellCommand } from '../model/dockerfile.js'
import type { Rule } from './types.js'

export interface Unpinned {
  /** The command as the message names it, e.g. `apt-get install`. */
  command: string
  packages: string[]
}

export interface PinningSpec {
  id: string
  hadolint: string
  /** Which manager, for the title: `apt-get install`. */
  what: string
  /** The unpinned packages of one command of the RUN, or null when it installs none. */
  unpinned: (c: ShellCommand, run: Instruction) => Unpinned | null
  /** How to pin, for the message: `name=<version> (apt-cache policy name lists them)`. */
  advice: (example: string) => string
}

/** A word we cannot read: a variable, a command substitution, a glob. */
export function opaque(word: string): boolean {
  // A `)` or `}` that closes a subshell or group is shell syntax the command splitter left in.
  return /[$`*?[]/.test(word) || word.startsWith('(') || /^[)}]+$/.test(word)
}

export function pinningRule(spec: PinningSpec): Rule {
  return {
    meta: {
      id: spec.id,
      title: `${spec.what} without package versions (opt-in)`,
      severity: 'warning',
      category: 'correctness',
      scope: 'ships',
      equivalents: { hadolint: spec.hadolint, buildkit: null },
      options: [PIN_PACKAGES]
    },
    check: ({ model, options }) => {
      if (options['pin-packages'] !== true) return []
      return model.stages.flatMap((stage) =>
        runs(stage).flatMap((run) => {
          if (!posixShellAt(model, stage.index)(run.line)) return []
          const found = runCommands(run)
            .map((c) => spec.unpinned(c, run))
            .filter((u): u is Unpinned => u !== null && u.packages.length > 0)
          const first = found[0]
          if (first === undefined) return []
          const names = [...new Set(found.flatMap((u) => u.packages))]
          return [
            {
              line: run.line,
              endLine: run.endLine,
              message: `${first.command} ${listNames(names)} without a version: the shipped image gets whatever the repository holds on the day of the build; ${spec.advice(names[0] as string)}`,
              stage: stage.index
            }
          ]
        })
      )
    }
  }
}

/**
 * `httpd-2.4.6`, `httpd-2.4.6-99.el7`, `bash-0:5.1.8-6.el9`: a name, then `-` and version parts of
 * letters, digits and `._~^:+`, one of which starts with a digit. A .rpm file, a path, a URL, a
 * group (`@core`) or a capability (`/usr/bin/x`, `pkgconfig(x)`) is not a package name to pin.
 */
export function rpmVersioned(word: string): boolean {
  if (opaque(word) || word.endsWith('.rpm') || word.includes('/') || word.startsWith('@') || word.includes('(') || /[<>=]/.test(word)) return true
  const parts = word.split('-').slice(1)
  return parts.length > 0 && parts.every((p) => /^[A-Za-z0-9._~^:+]+$/.test(p)) && parts.some((p) => /^\d/.test(p))
}
